/**
 * A real pseudo-terminal for end-to-end tests: a tmux session on a private
 * socket, of a fixed size, running one command. Keys are sent one per
 * send-keys call (tmux may otherwise merge them into one read), and the
 * screen is polled until the expected text appears, within a time limit.
 */
import {spawnSync} from 'node:child_process';

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
}

let sessions = 0;

export class TmuxSession {
  private readonly socket = `handoff-e2e-${process.pid}`;
  readonly name = `s${++sessions}`;

  constructor(private readonly options: SessionOptions) {}

  private tmux(...args: string[]): string {
    const r = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  }

  start(): this {
    const {width = 80, height = 24} = this.options;
    const vars = Object.entries(this.options.env).map(([k, v]) => `${k}=${sh(v)}`);
    // `sleep` keeps the pane (and its last screen) after the program ends.
    const script = `env -u CI ${vars.join(' ')} ${this.options.command}; echo "EXIT=$?"; sleep 600`;
    this.tmux('new-session', '-d', '-s', this.name, '-x', String(width), '-y', String(height), '-c', this.options.cwd, 'sh', '-c', script);
    return this;
  }

  /** One key, by tmux name: Enter, Escape, C-c, Down, or a single character. */
  key(key: string): void {
    this.tmux('send-keys', '-t', this.name, key);
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

  /** Poll the screen until it shows `needle`; returns that screen. */
  async waitFor(needle: string | RegExp, timeout = 15000): Promise<string> {
    const start = Date.now();
    for (;;) {
      const screen = this.screen();
      if (typeof needle === 'string' ? screen.includes(needle) : needle.test(screen)) return screen;
      if (Date.now() - start > timeout) throw new Error(`Timed out after ${timeout} ms waiting for ${String(needle)}. The screen:\n${screen}`);
      await delay(100);
    }
  }

  /** Wait for the program to end; returns its exit status. */
  async exitCode(timeout = 15000): Promise<number> {
    const screen = await this.waitFor(/EXIT=\d+/, timeout);
    return Number(/EXIT=(\d+)/.exec(screen)![1]);
  }

  kill(): void {
    try {
      this.tmux('kill-session', '-t', this.name);
    } catch {
      // already gone
    }
  }

  /** Stop the private tmux server (all sessions of this test file). */
  static killServer(): void {
    spawnSync('tmux', ['-L', `handoff-e2e-${process.pid}`, 'kill-server']);
  }
}
