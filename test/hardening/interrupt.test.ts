/**
 * Issue 5, item 3: Ctrl-C on every kind of screen of the Ink wizard, in a
 * real pseudo-terminal (tmux), with the built binary. For each screen: exit
 * 130; the terminal restored (`stty -a` of the pane's tty shows icanon and
 * echo, tmux shows the cursor and no alternate screen); the draft saved,
 * mode 0600, at that screen's question with every earlier answer; and
 * `--resume` returning to that same question with nothing lost.
 *
 * The screens: welcome (new and resumed), text (organisation, assessor,
 * workflow), choice (role), list (systems), scale (an axis), multi (each
 * checklist), yes/no (a disqualifier), the note editor, review, result and
 * the save dialog. To stay fast, each case starts from a draft saved just
 * before its screen (as an earlier Ctrl-C would leave it), answers one
 * question by keys, then presses Ctrl-C; three run at a time.
 */
import {beforeAll, expect, test} from '@jest/globals';
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse as parseYaml} from 'yaml';
import {answersToYaml} from '../../src/answers/serialize-answers.js';
import {emptyAnswers, type Answers} from '../../src/engine/types.js';
import {sh, TmuxSession, tmuxWorkspace} from '../e2e/tmux.js';
import {BIN} from './harness.js';

const {haveTmux: HAVE_TMUX, describeTmux, work} = tmuxWorkspace('test/hardening/interrupt.test.ts', 'ha-interrupt-');

/** Answers given before each step, in interview order. */
const CONTEXT = {organisation: 'Acme Ltd', assessor: 'Jo Smith', role: 'consultant', workflow: 'Quote to cash', systems: ['HubSpot', 'NetSuite']} as const;
const ORDER = ['organisation', 'assessor', 'role', 'workflow', 'systems', 'failure_frequency', 'reconciliation_load', 'exception_visibility', 'lead_time_impact', 'operational_confidence', 'manage_in_place', 'remediation_sprint', 'no_tradeoff_owner', 'no_budget_path', 'broad_redesign_expected', 'exploratory_no_pain'];

/** Answers to every question before `position`. */
function answersBefore(position: string): Answers {
  const a = emptyAnswers();
  const before = position === 'review' ? ORDER : ORDER.slice(0, ORDER.indexOf(position));
  for (const id of before) {
    if (id in CONTEXT) (a.context as Record<string, unknown>)[id] = CONTEXT[id as keyof typeof CONTEXT];
    else if (id === 'manage_in_place') a.signals.manage_in_place = ['clear_ownership'];
    else if (id === 'remediation_sprint') a.signals.remediation_sprint = ['recurring_sync_failures'];
    else if (id.startsWith('no_') || id.startsWith('broad') || id.startsWith('exploratory')) a.disqualifiers[id] = false;
    else a.matrix[id] = 4;
  }
  a.notes.workflow = 'Deals are re-keyed by hand';
  return a;
}

interface Case {
  /** The screen Ctrl-C is pressed on. */
  screen: string;
  /** The draft the case starts from (none: a new interview). */
  from?: string;
  /** Keys to reach the screen, after the welcome (Enter) is passed. */
  reach(t: TmuxSession): Promise<void>;
  /** Where the draft should stand afterwards, and the answer the keys gave. */
  position?: string;
  expect?: (draft: Record<string, any>) => void;
  /** Text on the screen after resuming and pressing Enter. */
  resumed?: string;
}

const CASES: Case[] = [
  {screen: 'welcome (new interview)', reach: async () => {}},
  {screen: 'welcome (resumed interview)', from: 'role', reach: async () => {}, position: 'role', resumed: "What is the assessor's role?"},
  {
    screen: 'text (assessor)',
    reach: async (t) => {
      await t.waitFor('Which organisation is this assessment for?');
      await t.type('Acme Ltd');
      t.key('Enter');
      await t.waitFor('Who is running the assessment?');
    },
    position: 'assessor',
    expect: (d) => expect(d.context.organisation).toBe('Acme Ltd'),
    resumed: 'Who is running the assessment?',
  },
  {
    screen: 'choice (role)',
    from: 'assessor',
    reach: async (t) => {
      await t.waitFor('Who is running the assessment?');
      await t.type('Jo Smith');
      t.key('Enter');
      await t.waitFor("What is the assessor's role?");
    },
    position: 'role',
    expect: (d) => expect(d.context.assessor).toBe('Jo Smith'),
    resumed: "What is the assessor's role?",
  },
  {
    screen: 'text (workflow)',
    from: 'role',
    reach: async (t) => {
      await t.waitFor("What is the assessor's role?");
      // Nothing is highlighted until a key chooses: ↓ the first, ↓ the second.
      t.key('Down');
      t.key('Down');
      t.key('Enter');
      await t.waitFor('Which single workflow matters most');
    },
    position: 'workflow',
    expect: (d) => expect(d.context.role).toBe('founder'),
    resumed: 'Which single workflow matters most',
  },
  {
    screen: 'list (systems)',
    from: 'workflow',
    reach: async (t) => {
      await t.waitFor('Which single workflow matters most');
      await t.type('Quote to cash');
      t.key('Enter');
      await t.waitFor('Which systems does that workflow pass through?');
    },
    position: 'systems',
    expect: (d) => expect(d.context.workflow).toBe('Quote to cash'),
    resumed: 'Which systems does that workflow pass through?',
  },
  {
    screen: 'scale (an axis)',
    from: 'systems',
    reach: async (t) => {
      await t.waitFor('Which systems does that workflow pass through?');
      await t.type('HubSpot, NetSuite');
      t.key('Enter');
      await t.waitFor('Which handoffs does this workflow depend on?');
      t.key('s'); // the handoff map, skipped
      await t.waitFor('Decision matrix · 1 of 5');
      t.key('2');
      await t.waitFor('How many handoff failures were there in the last four weeks?');
      t.key('Escape'); // its figure, skipped
      await t.waitFor('Decision matrix · 2 of 5');
    },
    position: 'reconciliation_load',
    expect: (d) => {
      expect(d.context.systems).toEqual(['HubSpot', 'NetSuite']);
      expect(d.handoffs).toEqual([]);
      expect(d.matrix.failure_frequency).toBe(2);
      expect(d.baselines).toBeUndefined();
    },
    resumed: 'How much manual work goes into making records agree',
  },
  {
    screen: 'note editor (on an axis)',
    from: 'exception_visibility',
    reach: async (t) => {
      await t.waitFor('Decision matrix · 3 of 5');
      t.key('n');
      await t.waitFor('Note on “Exception visibility”');
      await t.type('half typed');
    },
    position: 'exception_visibility',
    // The note being typed when Ctrl-C came is kept in the draft.
    expect: (d) => expect(d.notes.exception_visibility).toBe('half typed'),
    resumed: 'Decision matrix · 3 of 5',
  },
  {
    screen: 'multi (manage-in-place signals)',
    from: 'operational_confidence',
    reach: async (t) => {
      await t.waitFor('Decision matrix · 5 of 5');
      t.key('d');
      await t.waitFor('Signals that favour managing in place');
    },
    position: 'manage_in_place',
    expect: (d) => expect(d.matrix.operational_confidence).toBe('unknown'),
    resumed: 'Signals that favour managing in place',
  },
  {
    screen: 'multi (remediation-sprint signals)',
    from: 'manage_in_place',
    reach: async (t) => {
      await t.waitFor('Signals that favour managing in place');
      t.key('2');
      await t.waitFor('[x] 2');
      t.key('Enter');
      await t.waitFor('Signals that favour a remediation sprint');
    },
    position: 'remediation_sprint',
    expect: (d) => expect(d.signals.manage_in_place).toHaveLength(1),
    resumed: 'Signals that favour a remediation sprint',
  },
  {
    screen: 'yes/no (a disqualifier)',
    from: 'remediation_sprint',
    reach: async (t) => {
      await t.waitFor('Signals that favour a remediation sprint');
      t.key('1');
      await t.waitFor('[x] 1');
      t.key('Enter');
      await t.waitFor('No owner for cross-team tradeoffs');
    },
    position: 'no_tradeoff_owner',
    expect: (d) => expect(d.signals.remediation_sprint).toHaveLength(1),
    resumed: 'No owner for cross-team tradeoffs',
  },
  {
    screen: 'review',
    from: 'exploratory_no_pain',
    reach: async (t) => {
      await t.waitFor('Exploratory, with no evidence');
      t.key('1'); // "Can you point to recent handoff failures...?" Yes: it does not apply
      await t.waitFor('See the result');
    },
    position: 'review',
    expect: (d) => expect(d.disqualifiers.exploratory_no_pain).toBe(false),
    resumed: 'See the result',
  },
  {
    screen: 'result',
    from: 'review',
    reach: async (t) => {
      await t.waitFor('See the result');
      t.key('r');
      await t.waitFor('# Handoff risk assessment: Acme Ltd');
    },
    position: 'review',
    resumed: 'See the result',
  },
  {
    screen: 'save dialog',
    from: 'review',
    reach: async (t) => {
      await t.waitFor('See the result');
      t.key('r');
      await t.waitFor('# Handoff risk assessment: Acme Ltd');
      t.key('m');
      await t.waitFor('Save the report as Markdown');
    },
    position: 'review',
    resumed: 'See the result',
  },
];

let n = 0;
function setup(from?: string) {
  const dir = join(work(), `case-${++n}`);
  const state = join(dir, 'state');
  mkdirSync(join(state, 'drafts'), {recursive: true, mode: 0o700});
  let id: string | undefined;
  if (from) {
    id = `acme-ltd-case-${n}`;
    writeFileSync(join(state, 'drafts', `${id}.yaml`), answersToYaml(answersBefore(from), {position: from, saved: '2026-03-01T12:00:00.000Z'}), {mode: 0o600});
  }
  return {dir, state, id};
}

function wizard(dir: string, state: string, args: string[]) {
  return new TmuxSession({
    command: ['node', sh(BIN), ...args.map(sh)].join(' '),
    cwd: dir,
    env: {HANDOFF_ASSESS_STATE_DIR: state, TERM: 'xterm-256color'},
    width: 100,
    height: 32,
  }).start();
}

/** Wait until the screen no longer shows `text` (the welcome names the question it continues at). */
async function waitGone(t: TmuxSession, text: RegExp, stalled = 30000) {
  let last = t.screen();
  let lastChange = Date.now();
  while (text.test(last)) {
    if (Date.now() - lastChange > stalled) throw new Error(`Waited for ${String(text)} to go; the screen has not changed for ${stalled} ms. The screen:\n${last}`);
    await new Promise((r) => setTimeout(r, 100));
    const screen = t.screen();
    if (screen !== last) lastChange = Date.now();
    last = screen;
  }
}

const drafts = (state: string) => readdirSync(join(state, 'drafts')).filter((f) => f.endsWith('.yaml'));

async function runCase(c: Case) {
  const {dir, state, id} = setup(c.from);
  const t = wizard(dir, state, id ? ['--resume', id] : []);
  try {
    await t.waitFor(/Press enter to (start|continue)\./);
    if (c.screen.startsWith('welcome')) {
      // Ctrl-C right here, on the welcome screen.
    } else {
      t.key('Enter');
      await waitGone(t, /Press enter to (start|continue)\./);
      await c.reach(t);
    }
    const screenBefore = t.screen();
    t.key('C-c');
    const code = await t.exitCode();
    const terminal = t.terminalState();
    const after = t.screen();
    return {code, terminal, after, screenBefore, dir, state, id};
  } finally {
    t.kill();
  }
}

describeTmux('Ctrl-C on every screen of the wizard', () => {
  const results = new Map<string, Awaited<ReturnType<typeof runCase>> | Error>();

  beforeAll(async () => {
    for (let i = 0; i < CASES.length; i += 3) {
      const batch = CASES.slice(i, i + 3);
      const done = await Promise.all(batch.map((c) => runCase(c).catch((error: Error) => error)));
      batch.forEach((c, j) => results.set(c.screen, done[j]!));
    }
  }, 240_000);

  test.each(CASES.map((c) => [c.screen, c] as const))('%s: exit 130, terminal restored, draft 0600 at that question, resume returns there', async (_name, c) => {
    const r = results.get(c.screen)!;
    if (r instanceof Error) throw r;
    expect(r.code).toBe(130);
    expect(r.terminal).toEqual({icanon: true, echo: true, cursorVisible: true, alternateScreen: false});

    if (!c.position) {
      // Nothing answered yet: nothing to save, and no empty draft left behind.
      expect(r.after).toContain('there was nothing to save');
      expect(drafts(r.state)).toEqual([]);
      return;
    }
    const [file] = drafts(r.state);
    expect(drafts(r.state)).toHaveLength(1);
    const path = join(r.state, 'drafts', file!);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(r.after).toContain(`Interview paused. Your answers are saved in ${path}`);
    const draft = parseYaml(readFileSync(path, 'utf8'));
    expect(draft.draft.position).toBe(c.position);
    // Every answer given before this screen is still there.
    const earlier = answersBefore(c.from ?? 'organisation');
    for (const [k, v] of Object.entries(earlier.context)) expect(draft.context[k]).toEqual(v);
    for (const [k, v] of Object.entries(earlier.matrix)) expect(draft.matrix[k]).toEqual(v);
    for (const [k, v] of Object.entries(earlier.disqualifiers)) expect(draft.disqualifiers[k]).toEqual(v);
    if (c.from) expect(draft.notes.workflow).toBe('Deals are re-keyed by hand');
    c.expect?.(draft);

    // --resume: back at the same question; quitting again changes nothing.
    const before = readFileSync(path, 'utf8').replace(/saved: .*/, '');
    const again = wizard(r.dir, r.state, ['--resume']);
    try {
      await again.waitFor('Press enter to continue.');
      again.key('Enter');
      await waitGone(again, /Press enter to continue\./);
      await again.waitFor(c.resumed!);
      again.key('C-c');
      expect(await again.exitCode()).toBe(130);
    } finally {
      again.kill();
    }
    expect(readFileSync(path, 'utf8').replace(/saved: .*/, '')).toBe(before);
    expect(existsSync(path)).toBe(true);
  }, 60_000);
});
