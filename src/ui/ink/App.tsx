import {useEffect, useMemo, useReducer, useRef, type ReactNode} from 'react';
import {Box, Text, useApp} from 'ink';
import {buildSteps, isReview, progress} from '../../engine/interview.js';
import {score} from '../../engine/score.js';
import type {WizardContext, WizardOutcome} from '../types.js';
import {wrapText} from './cells.js';
import {Header, headerHeight} from './Header.js';
import {hintsOf} from './keymap.js';
import {KeyHints} from './KeyHints.js';
import {reviewIntro} from './labels.js';
import {frameOf, packHints, type Hint} from './layout.js';
import {NoteEditor} from './NoteEditor.js';
import {QuestionScreen} from './QuestionScreen.js';
import {ResultScreen, verdictText} from './ResultScreen.js';
import {buildReviewRows} from './review-rows.js';
import {ReviewScreen} from './ReviewScreen.js';
import {saveDialogHeight} from './SaveDialog.js';
import {ScrollArea} from './ScrollArea.js';
import {makeTheme, ThemeContext, type Theme} from './theme.js';
import {preloadMarkdown, useMarkdown} from './use-markdown.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useWizard} from './use-wizard.js';
import {WelcomeScreen} from './WelcomeScreen.js';
import {WhyPanel} from './WhyPanel.js';
import {keyModeOf, stepOf, type WizardEnv, type WizardState} from './wizard-state.js';

/** What the wizard is given (src/ui/types.ts), less the streams Ink owns, plus its exit and theme. */
export interface AppProps extends Omit<WizardContext, 'stdin' | 'stdout'> {
  /** Called once, when the wizard is finished or cancelled, just before it unmounts. */
  onExit(outcome: WizardOutcome): void;
  /** Colours; by default from the environment (NO_COLOR). */
  theme?: Theme;
}

/** The whole wizard: header, the current screen, the key-hint footer. */
export function App(props: AppProps) {
  const {bank, cwd} = props;
  const theme = useMemo(() => props.theme ?? makeTheme(), [props.theme]);
  const {columns, rows} = useTerminalSize();
  const frame = frameOf(columns, rows);
  const steps = useMemo(() => buildSteps(bank), [bank]);
  const report = useRef({height: 1, lines: 0}).current;
  const content = useRef({overflow: 0, page: 1}).current;
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const env: WizardEnv = {bank, steps, cwd, defaultFileName: props.defaultFileName, report, content, reviewPage: Math.max(1, rows - 10)};
  const {state, dispatch} = useWizard(env, props.initial, {onChange: props.onChange, renderReport: props.renderReport});
  const {exit} = useApp();

  const answers = state.interview.answers;
  const onReview = state.screen === 'interview' && isReview(bank, state.interview);
  const onResult = state.screen === 'result';
  const step = stepOf(state, env);
  const where = progress(bank, state.interview);

  useEffect(() => {
    if (onReview) preloadMarkdown().catch(() => undefined);
  }, [onReview]);

  useEffect(() => {
    if (state.screen !== 'closing') return;
    props.onExit(
      state.outcome === 'done' ? {kind: 'done', state: state.interview, savedReports: [...state.saved]} : {kind: 'cancelled', state: state.interview},
    );
    exit();
  }, [state.screen]);

  const result = useMemo(() => (onResult ? score(bank, answers) : undefined), [onResult, answers]);
  const markdown = useMemo(() => {
    if (!onResult) return undefined;
    try {
      return {text: props.renderReport(answers, 'md')};
    } catch (error) {
      return {failure: (error as Error).message};
    }
  }, [onResult, answers]);
  const rendered = useMarkdown(markdown?.text, frame.width, theme.noColor);

  if (state.screen === 'closing') return <ThemeContext.Provider value={theme}>{closing(state, theme)}</ThemeContext.Provider>;

  // The footer: the current mode's keys, and the page keys when the screen does not fit.
  const mode = keyModeOf(state, env);
  const resumed = where.answered > 0;
  // On a resumed interview enter continues rather than starts.
  // Evidence the engine asked for can be left out: esc goes on without it rather than cancelling anything.
  const hints: Hint[] = hintsOf(mode).map((h) =>
    mode === 'welcome' && resumed && h.keys === 'enter'
      ? {...h, hint: 'continue'}
      : mode === 'note' && state.note?.evidence && h.keys === 'esc'
        ? {...h, hint: 'go on without it'}
        : h,
  );
  const scrollable = (state.screen === 'welcome' || (step && state.screen === 'interview')) && content.overflow > 0 && !state.note;
  if (scrollable) {
    if (state.contentScroll > 0) hints.unshift({keys: 'pgup', hint: 'more ↑'});
    if (state.contentScroll < content.overflow) hints.unshift({keys: 'pgdn', hint: 'more ↓'});
  }
  const footer = packHints(hints, frame.width);
  const message = !onResult && state.message ? wrapText(`${theme.symbol.error} ${state.message.text}`, frame.width) : [];
  const gap = frame.short ? 0 : 1;
  const body = rows - 1 - headerHeight(frame) - gap - footer.length - message.length;

  const title =
    state.screen === 'welcome' ? 'Welcome' : onResult ? 'Result' : onReview ? 'Review' : `${where.sectionTitle} · ${where.sectionStep} of ${where.sectionSize}`;

  const onMeasure = (overflow: number, height: number) => {
    const page = Math.max(1, height - 2);
    if (overflow !== content.overflow || page !== content.page) {
      content.overflow = overflow;
      content.page = page;
      bump();
    }
  };

  let screen: ReactNode;
  if (state.screen === 'welcome') {
    screen = (
      <ScrollArea offset={Math.min(state.contentScroll, content.overflow)} onMeasure={onMeasure}>
        <WelcomeScreen
          bank={bank}
          total={steps.length}
          answered={where.answered}
          resumeAt={resumed ? (step ? step.label : 'Review') : undefined}
          frame={frame}
        />
      </ScrollArea>
    );
  } else if (onResult && result) {
    const verdictLines = wrapText(verdictText(result), frame.width).length;
    const below = state.save ? saveDialogHeight(state.save, cwd, frame.width, theme) : state.message ? wrapText(`${theme.symbol.success} ${state.message.text}`, frame.width).length : 0;
    const height = Math.max(1, body - verdictLines - gap - 1 - below);
    report.height = height;
    report.lines = rendered.lines?.length ?? 0;
    screen = (
      <ResultScreen
        result={result}
        lines={rendered.lines}
        failure={markdown?.failure ?? rendered.failure}
        scroll={state.scroll}
        height={height}
        save={state.save}
        message={state.message}
        cwd={cwd}
        gap={gap}
      />
    );
  } else if (onReview) {
    const highlighted = steps[state.reviewCursor];
    if (state.note) {
      screen = <NoteEditor label={steps.find((s) => s.id === state.note!.id)!.label} buffer={state.note.buffer} evidence={state.note.evidence} />;
    } else {
      const intro = wrapText(reviewIntro(where.answered, steps.length), frame.width).length;
      const why = state.why && highlighted ? wrapText(`Why this matters: ${highlighted.why}`, frame.width - 2).length : 0;
      const rowsOfReview = buildReviewRows(bank, answers, frame.width, theme.symbol.note);
      screen = (
        <Box flexDirection="column">
          <ReviewScreen rows={rowsOfReview} cursor={state.reviewCursor} height={Math.max(3, body - intro - why)} answered={where.answered} total={steps.length} />
          {why ? <WhyPanel text={highlighted!.why} /> : null}
        </Box>
      );
    }
  } else if (step && state.draft) {
    screen = (
      <ScrollArea
        offset={Math.min(state.contentScroll, content.overflow)}
        onMeasure={onMeasure}
        followKey={state.note ? `note:${state.note.id}` : `${step.id}:${state.draft.kind === 'text' ? '' : state.draft.cursor}`}
        focusOn={state.note ? 'note' : 'option'}
        onFollow={(offset) => dispatch({type: 'scroll', offset})}
      >
        <QuestionScreen
          step={step}
          draft={state.draft}
          answers={answers}
          frame={frame}
          why={state.why}
          error={state.error}
          note={state.note?.buffer}
          evidence={state.note?.evidence}
          fromReview={state.interview.returnToReview}
        />
      </ScrollArea>
    );
  }

  return (
    <ThemeContext.Provider value={theme}>
      <Box flexDirection="column" width={columns} height={rows - 1} paddingX={frame.padding}>
        <Box flexShrink={0}>
          <Header title={title} answered={where.answered} total={steps.length} frame={frame} />
        </Box>
        <Box flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden" marginTop={gap}>
          {screen}
        </Box>
        {message.length ? (
          <Box flexShrink={0}>
            <Text color={theme.color.error}>{message.join('\n')}</Text>
          </Box>
        ) : null}
        <Box flexShrink={0}>
          <KeyHints lines={footer} />
        </Box>
      </Box>
    </ThemeContext.Provider>
  );
}

/** The last frame, left in the terminal after the wizard ends; the caller then prints where the draft and reports are. */
function closing(state: WizardState, theme: Theme) {
  if (state.outcome === 'cancelled') return <Text>{''}</Text>;
  return (
    <Text color={theme.color.success}>
      {theme.symbol.success} Assessment finished{state.saved.length ? '' : ' (no report saved)'}.
    </Text>
  );
}
