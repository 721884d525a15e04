/**
 * A terminal for running the Ink wizard itself (runInkWizard, or runInteractive
 * without --plain) in tests: a stdin that Ink puts in raw mode and reads keys
 * from, and a stdout of a chosen size that keeps every frame written.
 */
import {EventEmitter} from 'node:events';
import {stripControls} from '../../../src/report/escape.js';

export class FakeStdin extends EventEmitter {
  isTTY = true;
  rawMode: boolean[] = [];
  private pending: string | null = null;
  setRawMode(on: boolean) {
    this.rawMode.push(on);
    return this;
  }
  setEncoding() {
    return this;
  }
  resume() {
    return this;
  }
  pause() {
    return this;
  }
  ref() {
    return this;
  }
  unref() {
    return this;
  }
  read = () => {
    const data = this.pending;
    this.pending = null;
    return data;
  };
  send(data: string) {
    this.pending = data;
    this.emit('readable');
  }
}

export class FakeStdout extends EventEmitter {
  isTTY = true;
  writes: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (data: string) => {
    this.writes.push(data);
    return true;
  };
  /** The most recent full frame: Ink's last write, escape codes removed. */
  screen(): string {
    const frames = this.writes.map((w) => stripControls(w)).filter((w) => w.trim());
    return frames[frames.length - 1] ?? '';
  }
}
