import {Box, Text} from 'ink';
import {formFields, maxHandoffs, summarizeHandoff} from '../../engine/handoff-form.js';
import type {Step} from '../../engine/interview.js';
import type {Handoff, HandoffMapSpec} from '../../engine/types.js';
import type {HandoffForm} from '../../session/session.js';
import type {Frame} from './layout.js';
import {OptionList} from './OptionList.js';
import {Paragraph} from './Paragraph.js';
import {Refusal} from './Refusal.js';
import {handoffRows} from './parts-keys.js';
import {useScrollFocus} from './ScrollArea.js';
import type {TextBuffer} from './text-buffer.js';
import {TextInput} from './TextInput.js';
import {useTheme} from './use-theme.js';
import {WhyPanel} from './WhyPanel.js';

export interface HandoffMapQuestionProps {
  step: Step;
  spec: HandoffMapSpec;
  /** The map so far (undefined: not asked yet). */
  handoffs: Handoff[] | undefined;
  /** The highlighted row: a handoff, then "add", then "go on". */
  cursor: number;
  /** The handoff being added or changed, when the form is open. */
  form?: HandoffForm;
  /** The field being typed in the form. */
  field?: TextBuffer;
  error?: string;
  why: boolean;
  frame: Frame;
  fromReview: boolean;
}

/** The handoff map: the list of handoffs with add / change / remove / go on, or the form for one handoff. */
export function HandoffMapQuestion({step, spec, handoffs, cursor, form, field, error, why, frame, fromReview}: HandoffMapQuestionProps) {
  const theme = useTheme();
  const gap = frame.short ? 0 : 1;
  const list = handoffs ?? [];
  const max = maxHandoffs(spec);
  return (
    <Box flexDirection="column">
      {fromReview && !form ? <Paragraph color={theme.color.warning}>Changing the map: each change is kept; s or “go on” returns to the review.</Paragraph> : null}
      <Paragraph bold>{step.prompt}</Paragraph>
      {form ? (
        <Box marginTop={gap} flexDirection="column">
          <FormField spec={spec} form={form} field={field} number={form.index === undefined ? list.length + 1 : form.index + 1} />
        </Box>
      ) : (
        <>
          {list.length === 0 && !why ? <Paragraph color={theme.color.muted}>{step.why}</Paragraph> : null}
          {list.length === 0 ? <Paragraph color={theme.color.muted}>Optional: s skips the part.</Paragraph> : null}
          <Box marginTop={gap} flexDirection="column">
            <OptionList
              cursor={Math.min(cursor, handoffRows(list).count - 1)}
              items={[
                ...list.map((h, i) => ({key: `${i + 1}.`, label: summarizeHandoff(h)})),
                {key: '+', label: list.length >= max ? `Add a handoff (the map is full: ${max})` : list.length ? `Add another handoff (${list.length} of ${max})` : 'Add a handoff'},
                {key: '→', label: list.length ? 'Done: go on' : 'Skip this part'},
              ]}
            />
          </Box>
        </>
      )}
      <Refusal message={error} />
      {why ? (
        <Box marginTop={gap}>
          <WhyPanel text={step.why} />
        </Box>
      ) : null}
    </Box>
  );
}

function FormField({spec, form, field, number}: {spec: HandoffMapSpec; form: HandoffForm; field?: TextBuffer; number: number}) {
  const theme = useTheme();
  const focus = useScrollFocus('note');
  const fields = formFields(spec);
  const asked = fields[form.field]!;
  const sofar = [form.draft.from, form.draft.to].filter(Boolean).join(' → ');
  return (
    <Box ref={focus} flexDirection="column" borderStyle="round" borderColor={theme.color.accent} paddingX={1}>
      <Text bold wrap="truncate-end">
        {form.index === undefined ? 'New handoff' : `Handoff ${number}`} · {form.field + 1} of {fields.length}
        {sofar && form.field > 1 ? <Text color={theme.color.muted}> · {sofar}</Text> : null}
      </Text>
      <Paragraph bold>{asked.prompt}</Paragraph>
      <Paragraph color={theme.color.muted}>{asked.hint}</Paragraph>
      <TextInput buffer={field ?? {value: '', cursor: 0}} />
    </Box>
  );
}
