/**
 * A real pseudo-terminal for end-to-end tests: a tmux session on a private
 * socket, of a fixed size, running one command. Keys are sent one per
 * send-keys call (tmux may otherwise merge them into one read), and the
 * screen is polled until the expected text appears, within a time limit.
 */
import {spawnSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe} from '@jest/globals';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Is tmux installed and runnable? */
export function tmuxAvailable(): boolean {
  const r = spawnSync('tmux', ['-V'], {encoding: 'utf8'});
  return r.status === 0;
}

/** Quote one word for sh. */
export function sh(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface SessionOptions {
  /** The shell command to run; its exit status is printed as EXIT=<n> when it ends. */
  command: string;
  cwd: string;
  /** Variables set for the command (CI is always removed: with CI=true Ink prints only its last frame). */
  env: Record<string, string>;
  width?: number;
  height?: number;
  /** Keep CI in the environment (it is removed unless this is set; `env.CI` then sets it). */
  keepCi?: boolean;
}

let sessions = 0;

/**
 * This test file's own tmux server: jest loads this module once per test file,
 * so files running side by side (or two test runs at once) never share a
 * server, and one file's kill-server cannot end another's sessions. Its
 * configuration keeps it up while sessions come and go (`exit-empty off`):
 * by default a server exits with its last session, and a session started at
 * that moment failed with "server exited unexpectedly".
 */
const SOCKET = `handoff-e2e-${process.pid}-${randomBytes(4).toString('hex')}`;
const CONFIG = join(tmpdir(), `${SOCKET}.conf`);
function tmuxArgs(...args: string[]): string[] {
  if (!existsSync(CONFIG)) writeFileSync(CONFIG, 'set -g exit-empty off\n');
  return ['-L', SOCKET, '-f', CONFIG, ...args];
}

export class TmuxSession {
  readonly name = `s${++sessions}`;

  constructor(private readonly options: SessionOptions) {}

  private tmux(...args: string[]): string {
    const r = spawnSync('tmux', tmuxArgs(...args), {encoding: 'utf8'});
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  }

  start(): this {
    const {width = 80, height = 24} = this.options;
    const vars = Object.entries(this.options.env).map(([k, v]) => `${k}=${sh(v)}`);
    // `sleep` keeps the pane (and its last screen) after the program ends. A ctrl+c that reaches the
    // terminal before the program has switched it to raw mode is a SIGINT to the whole foreground group:
    // the shell traps it (a trap with a command is not inherited, so the program still gets it), else
    // the shell died of it and took the pane with it ("can't find pane").
    const script = `trap : INT; env ${this.options.keepCi ? '' : '-u CI '}${vars.join(' ')} ${this.options.command}; echo "EXIT=$?"; sleep 600`;
    this.tmux('new-session', '-d', '-s', this.name, '-x', String(width), '-y', String(height), '-c', this.options.cwd, 'sh', '-c', script);
    return this;
  }

  /** One key, by tmux name: Enter, Escape, C-c, Down, or a single character. */
  key(key: string): void {
    this.tmux('send-keys', '-t', this.name, key);
  }

  /**
   * Write these characters to the terminal's input in one write, as a terminal sends a key's
   * escape sequence (Ctrl+F1 is ESC [1;5P) or a paste: through a tmux buffer and paste-buffer
   * (send-keys writes each key apart, and a loaded machine may read the halves apart).
   */
  send(text: string): void {
    const r = spawnSync('tmux', tmuxArgs('load-buffer', '-b', `send-${this.name}`, '-'), {input: text});
    if (r.status !== 0) throw new Error(`tmux load-buffer failed: ${String(r.stderr)}`);
    this.tmux('paste-buffer', '-d', '-b', `send-${this.name}`, '-t', this.name);
  }

  /** Type text, one character per call. */
  async type(text: string): Promise<void> {
    for (const ch of text) {
      this.tmux('send-keys', '-t', this.name, '-l', ch);
      await delay(15);
    }
  }

  /** The visible screen, wrapped lines joined. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-t', this.name);
  }

  /** The visible screen with its colours and styles, as escape sequences (capture-pane -e). */
  screenWithStyles(): string {
    return this.tmux('capture-pane', '-p', '-e', '-t', this.name);
  }

  /**
   * Poll the screen until it shows `needle`; returns that screen. Fails only
   * when the screen has not changed for `stalled` ms: a loaded machine waits
   * longer, a stuck program still fails, with its screen.
   */
  async waitFor(needle: string | RegExp, stalled = 30000): Promise<string> {
    let last = '';
    let lastChange = Date.now();
    for (;;) {
      const screen = this.screen();
      if (typeof needle === 'string' ? screen.includes(needle) : needle.test(screen)) return screen;
      if (screen !== last) {
        last = screen;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > stalled) {
        throw new Error(`Waited for ${String(needle)}; the screen has not changed for ${stalled} ms. The screen:\n${screen}`);
      }
      await delay(100);
    }
  }

  /** Wait for the program to end; returns its exit status. */
  async exitCode(stalled = 30000): Promise<number> {
    const screen = await this.waitFor(/EXIT=\d+/, stalled);
    return Number(/EXIT=(\d+)/.exec(screen)![1]);
  }

  /** A tmux format about the pane, e.g. '#{pane_tty}', '#{cursor_flag}', '#{alternate_on}', '#{pane_title}'. */
  info(format: string): string {
    return this.tmux('display-message', '-p', '-t', this.name, format).trim();
  }

  /** Resize the terminal, as a user dragging the window would. */
  resize(width: number, height: number): void {
    this.tmux('resize-window', '-t', this.name, '-x', String(width), '-y', String(height));
  }

  /**
   * The terminal state once the program has ended: raw mode and echo (from
   * `stty -a` of the pane's tty), cursor visibility and the alternate screen.
   */
  terminalState(): {icanon: boolean; echo: boolean; cursorVisible: boolean; alternateScreen: boolean} {
    const tty = this.info('#{pane_tty}');
    const stty = spawnSync('stty', ['-F', tty, '-a'], {encoding: 'utf8'}).stdout;
    const flags = stty.split(/\s+/);
    return {icanon: flags.includes('icanon'), echo: flags.includes('echo'), cursorVisible: this.info('#{cursor_flag}') === '1', alternateScreen: this.info('#{alternate_on}') === '1'};
  }

  kill(): void {
    try {
      this.tmux('kill-session', '-t', this.name);
    } catch {
      // already gone
    }
  }

  /** Stop the private tmux server (all sessions of this test file). */
  /** End this file's tmux server (it does not end by itself) and remove its configuration. */
  static killServer(): void {
    spawnSync('tmux', tmuxArgs('kill-server'));
    rmSync(CONFIG, {force: true});
  }
}

/**
 * The terminal set-up of a test file: whether tmux is here (when it is not, the
 * file says on stderr that its terminal cases are skipped), `describe` or
 * `describe.skip` for those cases, and a scratch folder made before the file's
 * tests and removed after them, with the tmux server.
 */
export function tmuxWorkspace(file: string, prefix: string): {haveTmux: boolean; describeTmux: typeof describe; work: () => string} {
  const haveTmux = tmuxAvailable();
  if (!haveTmux) process.stderr.write(`${file}: the terminal cases are SKIPPED, tmux is not installed (apt-get install -y tmux).\n`);
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(`${tmpdir()}/${prefix}`);
  });
  afterAll(() => {
    if (haveTmux) TmuxSession.killServer();
    if (dir) rmSync(dir, {recursive: true, force: true});
  });
  return {haveTmux, describeTmux: (haveTmux ? describe : describe.skip) as typeof describe, work: () => dir!};
}
