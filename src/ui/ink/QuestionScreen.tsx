import {Box} from 'ink';
import {describeCertainty, lacksEvidence, type EvidenceRequest} from '../../engine/evidence.js';
import type {Step} from '../../engine/interview.js';
import type {Answers} from '../../engine/types.js';
import {ChoiceQuestion} from './ChoiceQuestion.js';
import type {Frame} from './layout.js';
import {MultiQuestion} from './MultiQuestion.js';
import {NoteEditor} from './NoteEditor.js';
import type {Draft} from './question-draft.js';
import {ScaleQuestion} from './ScaleQuestion.js';
import {TextQuestion} from './TextQuestion.js';
import type {TextBuffer} from './text-buffer.js';
import {Paragraph} from './Paragraph.js';
import {Refusal} from './Refusal.js';
import {useTheme} from './use-theme.js';
import {WhyPanel} from './WhyPanel.js';
import {YesNoQuestion} from './YesNoQuestion.js';

export interface QuestionScreenProps {
  step: Step;
  draft: Draft;
  answers: Answers;
  frame: Frame;
  why: boolean;
  error?: string;
  /** The note being edited on this question, if the editor is open. */
  note?: TextBuffer;
  /** Set when the note being edited was asked for as evidence. */
  evidence?: EvidenceRequest;
  /** Opened from the review: answering returns there. */
  fromReview: boolean;
}

/** One question: its wording, the input for its kind, and around it the error, "why this matters" and the note. */
export function QuestionScreen({step, draft, answers, frame, why, error, note, evidence, fromReview}: QuestionScreenProps) {
  const theme = useTheme();
  const gap = frame.short ? 0 : 1;
  const saved = answers.notes[step.id];
  const sure = answers.certainty[step.id];
  const highlighted = draft.kind === 'multi' ? step.options?.[draft.cursor] : undefined;
  return (
    <Box flexDirection="column">
      {fromReview ? <Paragraph color={theme.color.warning}>Changing an answer: enter returns to the review, esc leaves it as it was.</Paragraph> : null}
      {step.title !== step.prompt ? <Paragraph bold>{step.title}</Paragraph> : null}
      <Paragraph bold={step.title === step.prompt}>{step.prompt}</Paragraph>
      <Box marginTop={gap} flexDirection="column">
        <Body step={step} draft={draft} frame={frame} why={why} />
      </Box>
      <Refusal message={error} />
      {why ? (
        <Box marginTop={gap}>
          <WhyPanel text={step.why} detail={highlighted?.why ? `This statement: ${highlighted.why}` : undefined} />
        </Box>
      ) : null}
      {note ? (
        <Box marginTop={why ? 0 : gap}>
          <NoteEditor label={step.label} buffer={note} evidence={evidence} />
        </Box>
      ) : saved ? (
        <Box marginTop={why ? 0 : gap}>
          <Paragraph color={theme.color.muted}>
            {theme.symbol.note} Note: {saved}
          </Paragraph>
        </Box>
      ) : null}
      {sure && !note ? (
        <Box marginTop={saved || why ? 0 : gap}>
          <Paragraph color={lacksEvidence(answers, step.id) ? theme.color.warning : theme.color.muted}>
            Certainty: {describeCertainty(answers, step.id)}
            {lacksEvidence(answers, step.id) ? ' (n adds the evidence as a note)' : ''}
          </Paragraph>
        </Box>
      ) : null}
    </Box>
  );
}

function Body({step, draft, frame, why}: {step: Step; draft: Draft; frame: Frame; why: boolean}) {
  if (draft.kind === 'text') return <TextQuestion step={step} buffer={draft.buffer} />;
  if (draft.kind === 'multi') return <MultiQuestion step={step} cursor={draft.cursor} selected={draft.selected} />;
  switch (step.kind) {
    case 'scale':
      return <ScaleQuestion step={step} cursor={draft.cursor} frame={frame} />;
    case 'yesno':
      // The explanation moves into the why panel when that is open and says the same, rather than show twice.
      return <YesNoQuestion step={step} cursor={draft.cursor} explain={!(why && step.why === step.explanation)} />;
    default:
      return <ChoiceQuestion step={step} cursor={draft.cursor} />;
  }
}
