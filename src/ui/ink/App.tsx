import {useEffect, useLayoutEffect, useMemo, type ReactNode} from 'react';
import {Box, Text, useApp} from 'ink';
import {buildSteps, progress, type Progress} from '../../engine/interview.js';
import {verdictText} from '../../session/copy.js';
import type {Session} from '../../session/runner.js';
import {currentQuestion, isOver, onReview, type SessionState} from '../../session/session.js';
import {wrapText} from './cells.js';
import {Header, headerHeight} from './Header.js';
import {hintsOf} from './keymap.js';
import {KeyHints} from './KeyHints.js';
import {reviewIntro} from './labels.js';
import {frameOf, packHints, tooSmall, type Frame, type Hint} from './layout.js';
import {baselineOf} from '../../engine/baseline.js';
import {FigureInput} from './FigureInput.js';
import {HandoffMapQuestion} from './HandoffMapQuestion.js';
import {NoteEditor} from './NoteEditor.js';
import {QuestionScreen} from './QuestionScreen.js';
import {ResultScreen} from './ResultScreen.js';
import {buildReviewRows, reviewPage} from './review-rows.js';
import {ReviewScreen} from './ReviewScreen.js';
import {saveDialogHeight} from './SaveDialog.js';
import {ScrollArea} from './ScrollArea.js';
import {makeTheme, ThemeContext, type Theme} from './theme.js';
import {preloadMarkdown, useMarkdown} from './use-markdown.js';
import {useTerminalSize} from './use-terminal-size.js';
import {useWizard, type LiveView, type Wizard} from './use-wizard.js';
import {WelcomeScreen} from './WelcomeScreen.js';
import {WhyPanel} from './WhyPanel.js';
import {keyModeOf, shownError} from './wizard-state.js';

export interface AppProps {
  /** The running interview session: the wizard draws it and sends it the user's keys as events. */
  session: Session;
  /** Colours; by default from the environment (NO_COLOR). */
  theme?: Theme;
  /** Where the latest view is kept for the caller (what is being typed, kept when a signal ends the interview). */
  live?: LiveView;
}

/** What every screen is drawn with. */
interface Screen {
  session: Session;
  state: SessionState;
  wizard: Wizard;
  frame: Frame;
  theme: Theme;
  where: Progress;
  /** Rows between the header and the footer. */
  body: number;
  gap: number;
}

/** The whole wizard: header, the current screen, the key-hint footer. It exits once the session has ended. */
export function App({session, theme: given, live}: AppProps) {
  const theme = useMemo(() => given ?? makeTheme(), [given]);
  const {columns, rows} = useTerminalSize();
  const frame = frameOf(columns, rows);
  const small = tooSmall(columns, rows);
  const wizard = useWizard(session, {onlyQuit: Boolean(small), live});
  const {exit} = useApp();
  const {state, config} = session;
  const review = onReview(config, state);

  useEffect(() => {
    if (review) preloadMarkdown().catch(() => undefined);
  }, [review]);
  useEffect(() => {
    if (isOver(state)) exit();
  }, [state.stage]);

  if (isOver(state)) return <ThemeContext.Provider value={theme}>{closing(state, theme)}</ThemeContext.Provider>;
  // Only ctrl+c is read (it saves and quits); the screen comes back once the window is big enough.
  if (small) return <Text>{small}</Text>;

  const where = progress(config.bank, state.interview);
  const footer = packHints(hintsFor(session, wizard, where.answered > 0 && !session.config.respondentOf), frame.width);
  const message = state.stage !== 'result' && state.draftProblem ? wrapText(`${theme.symbol.error} The draft could not be saved: ${state.draftProblem.message}`, frame.width) : [];
  const gap = frame.short ? 0 : 1;
  const body = rows - 1 - headerHeight(frame) - gap - footer.length - message.length;
  const screen: Screen = {session, state, wizard, frame, theme, where, body, gap};

  return (
    <ThemeContext.Provider value={theme}>
      <Box flexDirection="column" width={columns} height={rows - 1} paddingX={frame.padding}>
        <Box flexShrink={0}>
          <Header title={titleOf(screen)} answered={where.answered} total={where.total} frame={frame} />
        </Box>
        <Box flexDirection="column" flexGrow={1} flexShrink={1} overflow="hidden" marginTop={gap}>
          {state.stage === 'welcome' ? (
            <Welcome {...screen} />
          ) : state.stage === 'result' ? (
            <Result {...screen} />
          ) : review ? (
            <Review {...screen} />
          ) : (
            <Question {...screen} />
          )}
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

function titleOf({state, session, where}: Screen): string {
  if (state.stage === 'welcome') return 'Welcome';
  if (state.stage === 'result') return 'Result';
  if (onReview(session.config, state)) return 'Review';
  return `${where.sectionTitle} · ${where.sectionStep} of ${where.sectionSize}`;
}

/** The footer: the keys of the current mode, and the page keys when the screen does not fit. */
function hintsFor(session: Session, wizard: Wizard, resumed: boolean): Hint[] {
  const {state, config} = session;
  const mode = keyModeOf(state, config);
  // On a resumed interview enter continues rather than starts.
  // Evidence the engine asked for can be left out: esc goes on without it rather than cancelling anything.
  const hints: Hint[] = hintsOf(mode).map((h) =>
    mode === 'welcome' && resumed && h.keys === 'enter'
      ? {...h, hint: 'continue'}
      : mode === 'note' && state.note?.evidence && h.keys === 'esc'
        ? {...h, hint: 'go on without it'}
        : mode === 'handoffs' && !state.interview.answers.handoffs?.length && h.keys === 's'
          ? {...h, hint: 'skip part'}
          : h,
  );
  const {view} = wizard;
  const scrollable = (state.stage === 'welcome' || currentQuestion(config, state)) && view.measure.overflow > 0 && !state.note && !state.figure;
  if (scrollable) {
    if (view.contentScroll > 0) hints.unshift({keys: 'pgup', hint: 'more ↑'});
    if (view.contentScroll < view.measure.overflow) hints.unshift({keys: 'pgdn', hint: 'more ↓'});
  }
  return hints;
}

/** Tells the wizard how far a scrolling screen overflows, after each render. */
function onMeasureOf(wizard: Wizard) {
  return (overflow: number, height: number) => wizard.measure({...wizard.view.measure, overflow, page: Math.max(1, height - 2)});
}

function Welcome({session, state, wizard, frame, where}: Screen) {
  const steps = buildSteps(session.config.bank);
  return (
    <ScrollArea offset={Math.min(wizard.view.contentScroll, wizard.view.measure.overflow)} onMeasure={onMeasureOf(wizard)}>
      <WelcomeScreen bank={session.config.bank} steps={steps} answered={where.answered} answers={state.interview.answers} saved={session.config.resumed && {at: session.config.resumed.saved, now: session.config.resumed.now}} resumeAt={where.answered > 0 ? steps[state.interview.index] ?? null : undefined} respondentOf={session.config.respondentOf} frame={frame} />
    </ScrollArea>
  );
}

function Question({session, state, wizard, frame}: Screen) {
  const step = currentQuestion(session.config, state);
  const {view} = wizard;
  if (!step || !view.draft) return null;
  const spec = session.config.bank.handoffMap;
  if (step.kind === 'handoffs' && spec) {
    const form = state.handoffForm;
    return (
      <ScrollArea
        offset={Math.min(view.contentScroll, view.measure.overflow)}
        onMeasure={onMeasureOf(wizard)}
        followKey={form ? `form:${form.index}:${form.field}` : `map:${view.handoffCursor}`}
        focusOn={form ? 'note' : 'option'}
        onFollow={wizard.scrollTo}
      >
        <HandoffMapQuestion
          step={step}
          spec={spec}
          handoffs={state.interview.answers.handoffs}
          cursor={view.handoffCursor ?? 0}
          form={form}
          field={view.field}
          error={shownError(view, state)}
          why={view.why}
          frame={frame}
          fromReview={state.interview.returnToReview}
        />
      </ScrollArea>
    );
  }
  const figure = state.figure && baselineOf(session.config.bank, state.figure.id);
  return (
    <ScrollArea
      offset={Math.min(view.contentScroll, view.measure.overflow)}
      onMeasure={onMeasureOf(wizard)}
      followKey={state.note ? `note:${state.note.id}` : figure ? `figure:${state.figure!.id}:${shownError(view, state) ?? ''}` : `${step.id}:${view.draft.kind === 'text' ? '' : view.draft.cursor}`}
      focusOn={state.note || figure ? 'note' : 'option'}
      onFollow={wizard.scrollTo}
    >
      <QuestionScreen
        step={step}
        draft={view.draft}
        answers={state.interview.answers}
        frame={frame}
        why={view.why}
        error={figure ? undefined : shownError(view, state)}
        note={state.note ? view.note : undefined}
        evidence={state.note?.evidence}
        fromReview={state.interview.returnToReview}
      />
      {figure ? <FigureInput spec={figure} buffer={view.figure ?? {value: '', cursor: 0}} error={shownError(view, state)} stored={state.interview.answers.baselines?.[state.figure!.id] !== undefined} /> : null}
    </ScrollArea>
  );
}

function Review({session, state, wizard, frame, theme, body, where}: Screen) {
  const {bank} = session.config;
  const steps = buildSteps(bank);
  const {view} = wizard;
  const highlighted = steps[view.reviewCursor];
  const rows = buildReviewRows(bank, state.interview.answers, frame.width, theme.symbol.note);
  const disagree = rows.filter((r) => r.revisit).length;
  const intro = wrapText(reviewIntro(where.answered, steps.length, disagree), frame.width).length;
  const why = view.why && highlighted ? wrapText(`Why this matters: ${highlighted.why}`, frame.width - 2).length : 0;
  const height = Math.max(3, body - intro - why);
  const page = reviewPage(rows, view.reviewCursor, height - 2);
  // Measured in the commit, before another key can be read against the old sizes.
  useLayoutEffect(() => {
    if (page !== view.measure.reviewPage) wizard.measure({...view.measure, reviewPage: page});
  });
  if (state.note) {
    return <NoteEditor label={steps.find((s) => s.id === state.note!.id)!.label} buffer={view.note ?? {value: '', cursor: 0}} evidence={state.note.evidence} />;
  }
  return (
    <Box flexDirection="column">
      <ReviewScreen
        rows={rows}
        cursor={view.reviewCursor}
        height={height}
        answered={where.answered}
        total={steps.length}
        disagree={disagree}
      />
      {why ? <WhyPanel text={highlighted!.why} /> : null}
    </Box>
  );
}

function Result({session, state, wizard, frame, theme, body, gap}: Screen) {
  const report = state.report!;
  const rendered = useMarkdown(report.markdown, frame.width, theme.noColor);
  const {view} = wizard;
  const notice = state.notice && noticeText(state.notice);
  const verdictLines = wrapText(verdictText(report.result), frame.width).length;
  const below = state.save
    ? saveDialogHeight(state.save, view.saveName, session.config.cwd, frame.width, theme)
    : notice
      ? wrapText(`${theme.symbol.success} ${notice}`, frame.width).length
      : 0;
  const height = Math.max(1, body - verdictLines - gap - 1 - below);
  const lines = rendered.lines?.length ?? 0;
  useLayoutEffect(() => {
    if (height !== view.measure.reportHeight || lines !== view.measure.reportLines) wizard.measure({...view.measure, reportHeight: height, reportLines: lines});
  });
  return (
    <ResultScreen
      result={report.result}
      lines={rendered.lines}
      failure={report.failure ?? rendered.failure}
      scroll={view.scroll}
      height={height}
      save={state.save}
      saveName={view.saveName}
      notice={state.notice && {tone: state.notice.tone, text: notice!}}
      cwd={session.config.cwd}
      gap={gap}
    />
  );
}

/** A notice of the session in the wizard's words: finishing without a report names the keys. */
function noticeText(notice: NonNullable<SessionState['notice']>): string {
  return notice.kind === 'finish-unsaved' ? `${notice.text} Press q again to finish without one, or m, h or j to save it first.` : notice.text;
}

/** The last frame, left in the terminal after the wizard ends; the caller then prints where the draft and reports are. */
function closing(state: SessionState, theme: Theme): ReactNode {
  if (state.stage === 'cancelled') return <Text>{''}</Text>;
  return (
    <Text color={theme.color.success}>
      {theme.symbol.success} Assessment finished{state.saved.length ? '' : ' (no report saved)'}.
    </Text>
  );
}
