/**
 * The plain mode's baseline figure, asked after a known matrix answer when the
 * session says so (issue 10). Checking the figure is the engine's
 * (parseFigure); storing it and going on is the session's.
 */
import {input} from '@inquirer/prompts';
import {baselineOf, describeFigure, figureHint, figureText, parseFigure} from '../../engine/baseline.js';
import type {Session} from '../../session/runner.js';
import type {SessionEvent, SessionState} from '../../session/session.js';
import {wrap, type PlainIo} from './plain-io.js';

/** Ask the figure the session has open, and send it; `onTyping` is told the text at every key (kept on Ctrl-C when valid). */
export async function askFigure(session: Session, io: PlainIo, send: (event: SessionEvent) => SessionState, onTyping: (text: string | undefined) => void): Promise<void> {
  const {figure, interview} = session.state;
  const spec = figure && baselineOf(session.config.bank, figure.id);
  if (!figure || !spec) return;
  const stored = interview.answers.baselines?.[figure.id];
  io.say(wrap(`${figureHint(spec, stored !== undefined)}${stored !== undefined ? ` Now: ${describeFigure(spec, stored)}.` : ''}`, io.columns));
  const text = await io.ask((c) =>
    input(
      {
        message: spec.prompt,
        default: figureText(stored) || undefined,
        validate: (value) => {
          const typed = parseFigure(spec, value);
          return typed.kind === 'error' ? typed.message : true;
        },
        transformer: (value) => {
          onTyping(value);
          return value;
        },
      },
      c,
    ),
  );
  onTyping(undefined);
  const next = send({type: 'figure', text});
  if (next.error) {
    io.say(wrap(next.error.message, io.columns));
    return;
  }
  const given = next.interview.answers.baselines?.[figure.id];
  io.say(given === undefined ? 'No figure given.' : `Figure: ${describeFigure(spec, given)}.`);
}
