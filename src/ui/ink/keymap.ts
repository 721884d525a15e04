/**
 * Every key binding of the wizard, as data. The reducer asks `actionOf` what
 * a key means in the current mode, and the footer lists the same table, so
 * a hint can never disagree with what the key does.
 */
import type {Key} from 'ink';

export type Action =
  | 'quit'
  | 'next'
  | 'back'
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'pick'
  | 'unknown'
  | 'yes'
  | 'certainty'
  | 'toggle'
  | 'note'
  | 'why'
  | 'result'
  | 'saveMd'
  | 'saveHtml'
  | 'saveJson'
  | 'savePdf'
  | 'finish'
  | 'cancel'
  | 'confirm'
  | 'decline'
  | 'add'
  | 'remove'
  | 'skip';

/** Where the focus is: each mode has its own bindings. */
export type KeyMode =
  | 'welcome'
  | 'text'
  | 'choice'
  | 'scale'
  | 'yesno'
  | 'multi'
  | 'note'
  | 'review'
  | 'result'
  | 'save-name'
  | 'save-confirm'
  | 'figure'
  | 'handoffs'
  | 'handoff-field';

export interface Binding {
  action: Action;
  /** The key as written in hints, e.g. "esc" or "↑↓". */
  keys: string;
  /** What it does, for the footer; no hint means not listed. */
  hint?: string;
  match: (input: string, key: Key) => boolean;
}

const char = (c: string) => (input: string, key: Key) => input === c && !key.ctrl && !key.meta;
const ctrl = (c: string) => (input: string, key: Key) => key.ctrl && input === c;

const quit: Binding = {action: 'quit', keys: 'ctrl+c', hint: 'quit', match: ctrl('c')};
const up: Binding = {action: 'up', keys: '↑↓', hint: 'move', match: (_, k) => k.upArrow};
const down: Binding = {action: 'down', keys: '↓', match: (_, k) => k.downArrow};
const pageUp: Binding = {action: 'pageUp', keys: 'pgup pgdn', hint: 'page', match: (_, k) => k.pageUp};
const pageDown: Binding = {action: 'pageDown', keys: 'pgdn', match: (_, k) => k.pageDown};
const home: Binding = {action: 'home', keys: 'home', match: (_, k) => k.home};
const end: Binding = {action: 'end', keys: 'end', match: (_, k) => k.end};
// Questions and the welcome scroll with the page keys when they do not fit the terminal; the hint appears only then.
const scrollUp: Binding = {action: 'pageUp', keys: 'pgup', match: (_, k) => k.pageUp};
const scrollDown: Binding = {action: 'pageDown', keys: 'pgdn', match: (_, k) => k.pageDown};
const back: Binding = {action: 'back', keys: 'esc', hint: 'back', match: (_, k) => k.escape || k.leftArrow};
const note: Binding = {action: 'note', keys: 'n', hint: 'note', match: char('n')};
const why: Binding = {action: 'why', keys: '?', hint: 'why', match: char('?')};
/** How sure the answer is: not marked → verified → estimated → unknown → not marked. */
const certainty: Binding = {action: 'certainty', keys: 'c', hint: 'certainty', match: char('c')};
/**
 * Enter, or a line feed: a terminal still in line mode turns an Enter typed
 * before the wizard switches to raw mode into "\n", which Ink reports as a
 * plain character rather than as return (Ctrl-J is the same key).
 */
export const isEnter: Binding['match'] = (i, k) => k.return || i === '\n';
const enter = (hint: string): Binding => ({action: 'next', keys: 'enter', hint, match: isEnter});
const digits = (keys: string, hint: string): Binding => ({action: 'pick', keys, hint, match: (i, k) => /^[1-9]$/.test(i) && !k.ctrl && !k.meta});

/** The keys every choice question ends with: confirm, back, note, certainty, why, scrolling, quit. */
const questionKeys: Binding[] = [enter('confirm'), back, note, certainty, why, scrollUp, scrollDown, quit];

export const KEYMAP: Record<KeyMode, Binding[]> = {
  welcome: [enter('start'), scrollUp, scrollDown, quit],
  text: [
    enter('confirm'),
    // Inside a text field ← moves the cursor and letters are typed: back is esc only, why and note move to tab and ctrl+n.
    {action: 'back', keys: 'esc', hint: 'back', match: (_, k) => k.escape},
    {action: 'why', keys: 'tab', hint: 'why', match: (_, k) => k.tab},
    {action: 'note', keys: 'ctrl+n', hint: 'note', match: ctrl('n')},
    {action: 'certainty', keys: 'ctrl+r', hint: 'certainty', match: ctrl('r')},
    scrollUp,
    scrollDown,
    quit,
  ],
  choice: [up, down, digits('1-4', 'pick'), enter('confirm'), back, note, certainty, why, scrollUp, scrollDown, quit],
  scale: [
    up,
    down,
    digits('1-5', 'answer'),
    {action: 'unknown', keys: 'd', hint: "don't know", match: (i, k) => (i === 'd' || i === '0') && !k.ctrl && !k.meta},
    ...questionKeys,
  ],
  yesno: [up, down, digits('1-2', 'yes/no'), {action: 'yes', keys: 'y', match: char('y')}, ...questionKeys],
  multi: [
    up,
    down,
    {action: 'toggle', keys: 'space 1-4', hint: 'tick', match: (i, k) => i === ' ' && !k.ctrl},
    {...digits('1-4', ''), hint: undefined},
    ...questionKeys,
  ],
  note: [
    {action: 'next', keys: 'enter', hint: 'save note', match: isEnter},
    {action: 'cancel', keys: 'esc', hint: 'cancel', match: (_, k) => k.escape},
    quit,
  ],
  // The baseline figure after a matrix answer: a text field like the note; esc goes on without it.
  figure: [
    {action: 'next', keys: 'enter', hint: 'save figure', match: isEnter},
    {action: 'cancel', keys: 'esc', hint: 'skip', match: (_, k) => k.escape},
    quit,
  ],
  // The handoff map's list: open a handoff to change it, add one, remove one, go on (or skip the part).
  handoffs: [
    up,
    down,
    enter('open'),
    {action: 'add', keys: 'a', hint: 'add', match: char('a')},
    {action: 'remove', keys: 'x', hint: 'remove', match: (i, k) => (i === 'x' || k.delete) && !k.ctrl && !k.meta},
    {action: 'skip', keys: 's', hint: 'go on', match: char('s')},
    back,
    why,
    scrollUp,
    scrollDown,
    quit,
  ],
  // A field of the handoff form: esc goes to the previous field (from the first, closes the form).
  'handoff-field': [
    {action: 'next', keys: 'enter', hint: 'next field', match: isEnter},
    {action: 'back', keys: 'esc', hint: 'back', match: (_, k) => k.escape},
    scrollUp,
    scrollDown,
    quit,
  ],
  review: [up, down, enter('change'), {action: 'result', keys: 'r', hint: 'see result', match: char('r')}, note, certainty, back, why, pageUp, pageDown, home, end, quit],
  result: [
    {action: 'up', keys: '↑↓', hint: 'scroll', match: (_, k) => k.upArrow},
    down,
    pageUp,
    pageDown,
    home,
    end,
    {action: 'saveMd', keys: 'm', hint: 'save .md', match: char('m')},
    {action: 'saveHtml', keys: 'h', hint: '.html', match: char('h')},
    {action: 'saveJson', keys: 'j', hint: '.json', match: char('j')},
    {action: 'savePdf', keys: 'p', hint: '.pdf', match: char('p')},
    {action: 'back', keys: 'esc', hint: 'review', match: (_, k) => k.escape || k.leftArrow},
    {action: 'finish', keys: 'q', hint: 'finish', match: char('q')},
    quit,
  ],
  'save-name': [
    {action: 'next', keys: 'enter', hint: 'save', match: isEnter},
    {action: 'cancel', keys: 'esc', hint: 'cancel', match: (_, k) => k.escape},
    quit,
  ],
  'save-confirm': [
    {action: 'confirm', keys: 'y', hint: 'overwrite', match: (i, k) => (i === 'y' || i === 'Y') && !k.ctrl},
    {action: 'decline', keys: 'n', hint: 'choose another name', match: (i, k) => i === 'n' || i === 'N' || k.escape || isEnter(i, k)},
    quit,
  ],
};

/** What a key means in a mode, if anything. */
export function actionOf(mode: KeyMode, input: string, key: Key): Action | undefined {
  return KEYMAP[mode].find((b) => b.match(input, key))?.action;
}

/** The footer hints of a mode, in table order. */
export function hintsOf(mode: KeyMode): {keys: string; hint: string}[] {
  return KEYMAP[mode].filter((b): b is Binding & {hint: string} => Boolean(b.hint)).map(({keys, hint}) => ({keys, hint}));
}

/** The keys explained on the welcome screen. */
export const WELCOME_KEYS: {keys: string; does: string}[] = [
  {keys: 'enter', does: 'confirm and go on'},
  {keys: '↑↓  1-5', does: 'move, or pick by number'},
  {keys: 'esc  ←', does: 'back (esc inside a text box)'},
  {keys: '?  (tab)', does: 'why this question matters'},
  {keys: 'n  (ctrl+n)', does: 'a note on the current question'},
  {keys: 'c  (ctrl+r)', does: 'how sure: verified, estimated, unknown'},
  {keys: 'ctrl+c', does: 'pause: your answers are kept'},
];
