/**
 * `handoff-assess drafts`: list saved interviews, newest first, and
 * `handoff-assess drafts --delete ID` to remove one. The only way a draft is
 * ever removed.
 */
import stringWidth from 'string-width';
import type {Bank} from '../engine/types.js';
import {commandLine} from '../invocation.js';
import {stripControlsOnOneLine} from '../report/escape.js';
import {DraftNotFoundError, draftsDir, listDrafts, type DraftSummary, type StoreOptions} from '../store/drafts.js';
import {deleteUnlockedDraft, draftHolder, DraftLockedError, lockPath} from '../store/draft-lock.js';

export interface DraftsArgs {
  /** Remove the draft with this id instead of listing. */
  delete?: string;
}

export interface DraftsIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** The bank progress is counted against (answered of total questions). */
  bank?: Bank;
  /** Where the drafts folder is read from (HANDOFF_ASSESS_STATE_DIR, XDG_STATE_HOME). Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Runs the command; returns the exit code (0, or 2 for an unknown id or a draft open in a running wizard). */
export function draftsCommand(args: DraftsArgs, io: DraftsIo): number {
  const options: StoreOptions = {env: io.env};
  if (args.delete !== undefined) {
    try {
      // Not while a wizard has it open: that wizard would save it again, or lose its answers.
      const path = deleteUnlockedDraft(args.delete, options);
      io.stdout.write(`Deleted the saved interview ${oneLine(args.delete)} (${oneLine(path)}).\n`);
      return 0;
    } catch (error) {
      if (error instanceof DraftNotFoundError) {
        io.stderr.write(`handoff-assess: no saved interview with id "${oneLine(args.delete)}" in ${oneLine(draftsDir(options))}.\nList them with: ${commandLine('drafts', io.env)}\n`);
        return 2;
      }
      if (error instanceof DraftLockedError) {
        const id = oneLine(error.id);
        io.stderr.write(
          `handoff-assess: the saved interview ${id} (${oneLine(error.path)}) is open in a running handoff-assess, process ${error.pid}, so it was not deleted: that wizard would save it again.\n` +
            `Finish or pause it there (ctrl+c), then delete it: ${commandLine(`drafts --delete ${id}`, io.env)}\n` +
            `If process ${error.pid} is not a handoff-assess (a process id reused after a crash), remove ${oneLine(lockPath(error.id, options))} and delete it again.\n`,
        );
        return 2;
      }
      throw error;
    }
  }
  const drafts = listDrafts({...options, bank: io.bank}).map((d) => ({...d, inUse: draftHolder(d.id, options)}));
  const dir = draftsDir(options);
  if (drafts.length === 0) {
    io.stdout.write(`No saved interviews in ${oneLine(dir)}.\nStart one with: ${commandLine('', io.env)}\n`);
    return 0;
  }
  const groups = groupDrafts(drafts);
  io.stdout.write(
    `${drafts.length} saved interview${drafts.length === 1 ? '' : 's'}, by organisation and workflow (${groups.length} ${groups.length === 1 ? 'workflow' : 'workflows'}), newest first:\n\n`,
  );
  io.stdout.write(formatDraftTable(drafts));
  io.stdout.write(
    `\nResume one with:  ${commandLine('--resume ID', io.env)}\n` +
      `Delete one with:  ${commandLine('drafts --delete ID', io.env)}\n` +
      `Another respondent on the same workflow:  ${commandLine('--respondent-of ID', io.env)}\n`,
  );
  return 0;
}

/** Every name, path and message on one line, without controls, escape sequences or bidi overrides (a file name may hold any of them). */
const oneLine = stripControlsOnOneLine;

/** Drafts of one organisation and workflow: who has been interviewed on it. */
export interface DraftGroup {
  organisation: string;
  workflow: string;
  drafts: DraftSummary[];
}

/** The same name however it was typed (case, spaces). */
const key = (name: string | undefined): string => (name ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Drafts grouped by organisation and workflow (the same names, whatever the case or spacing), the
 * group with the newest draft first, newest first within a group; drafts that name neither last.
 */
export function groupDrafts(drafts: DraftSummary[]): DraftGroup[] {
  const groups = new Map<string, DraftGroup>();
  for (const d of [...drafts].sort((a, b) => b.saved.getTime() - a.saved.getTime())) {
    const k = `${key(d.organisation)}\0${key(d.workflow)}`;
    const group = groups.get(k) ?? {organisation: d.organisation?.trim() ?? '', workflow: d.workflow?.trim() ?? '', drafts: []};
    group.drafts.push(d);
    groups.set(k, group);
  }
  const named = (g: DraftGroup) => (g.organisation || g.workflow ? 0 : 1);
  return [...groups.values()].sort((a, b) => named(a) - named(b));
}

/** The listing as plain text: a heading per organisation and workflow, then one row per interview (no colour, readable by a screen reader line by line). */
export function formatDraftTable(drafts: DraftSummary[]): string {
  const groups = groupDrafts(drafts);
  const ordered = groups.flatMap((g) => g.drafts);
  const rows = ordered.map((d) => [
    oneLine(d.id),
    d.assessor?.trim() ? oneLine(d.assessor.trim()) : '(not named)',
    d.role ? oneLine(d.role) : '-',
    d.problem ? 'cannot resume' : d.answered !== undefined ? `${d.answered}/${d.total}${d.position === 'review' ? ' review' : ''}` : '?',
    formatWhen(d.saved),
  ]);
  const head = ['ID', 'RESPONDENT', 'ROLE', 'PROGRESS', 'LAST SAVED'];
  // Columns by the cells a name takes on screen: 漢字 and most emoji take two.
  const widths = head.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i]!))));
  const pad = (cell: string, width: number) => cell + ' '.repeat(Math.max(0, width - stringWidth(cell)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ') + '\n';
  let out = '';
  let i = 0;
  for (const g of groups) {
    const n = g.drafts.length;
    const who = [...new Set(g.drafts.map((d) => d.assessor?.trim()).filter((a): a is string => Boolean(a)))];
    out += `${oneLine(g.organisation || '(organisation not yet named)')} · ${oneLine(g.workflow || '(workflow not yet named)')}: ${n} ${n === 1 ? 'interview' : 'interviews'}${who.length ? ` (${oneLine(who.join(', '))})` : ''}\n`;
    out += line(head);
    for (const d of g.drafts) {
      out += line(rows[i++]!);
      out += `  ${oneLine(d.path)}\n`;
      if (d.problem) out += `  problem: ${oneLine(d.problem)}\n`;
      if (d.inUse !== undefined) out += `  in use: open in a running wizard, process ${d.inUse}\n`;
    }
    out += '\n';
  }
  return out.replace(/\n\n$/, '\n');
}

/** "2025-01-31 14:25" in local time. */
function formatWhen(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}`;
}
