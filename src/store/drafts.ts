/**
 * Saved interviews ("drafts"): one answers file per interview, in the
 * answers-file format (docs/answers-file.md) plus a top-level `draft: {position, saved}`
 * field, kept in the user's state folder:
 *
 *   $HANDOFF_ASSESS_STATE_DIR/drafts            (tests, or to move them)
 *   $XDG_STATE_HOME/handoff-assess/drafts
 *   ~/.local/state/handoff-assess/drafts        (Linux default, via env-paths)
 *
 * Drafts are written whole (temp file, fsync, rename), mode 0600 in a 0700
 * folder, and are only removed by `deleteDraft` (`handoff-assess drafts
 * --delete ID`): never silently. The clock is the caller's.
 */
import {commandLine} from '../invocation.js';
import {chmodSync, closeSync, existsSync, openSync, lstatSync, mkdirSync, readdirSync, statSync, unlinkSync, type Stats} from 'node:fs';
import {basename, dirname, extname, isAbsolute, join, resolve} from 'node:path';
import {parse as parseYaml} from 'yaml';
import {parseAnswers} from '../answers/parse-answers.js';
import {answersToYaml} from '../answers/serialize-answers.js';
import type {SourceProblem} from '../yaml/yaml-source.js';
import {buildSteps, isAnswered} from '../engine/interview.js';
import type {Answers, Bank} from '../engine/types.js';
import {writeFileSafely} from './atomic-write.js';
import {readTextFile, ReadTextError, SIZE_CAPS} from '../files/read-text.js';
import {describeCause, FileSystemError, kindOf, NotAFileError} from './fs-errors.js';
import {slug} from './file-names.js';
import {draftsDir, stateDir, type StoreOptions} from './state-dir.js';

export {draftsDir, stateDir, type StoreOptions};

const DRAFT_EXT = '.yaml';
/** A draft id: a file name in the drafts folder without its extension (no slashes, no leading dot). */
const ID_PATTERN = /^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/;

/** A draft failed to load. `exitCode` is what the CLI exits with. */
export class DraftError extends Error {
  readonly exitCode = 2;
}

/** No draft with that id or path. */
export class DraftNotFoundError extends DraftError {
  constructor(
    readonly idOrPath: string,
    readonly path: string,
    env?: NodeJS.ProcessEnv,
  ) {
    super(`No saved interview "${idOrPath}" (looked for ${path}). List the saved ones with: ${commandLine('drafts', env)}`);
    this.name = 'DraftNotFoundError';
  }
}

/** The draft file exists but cannot be read as answers for this bank. */
export class DraftInvalidError extends DraftError {
  constructor(
    readonly path: string,
    readonly problems: SourceProblem[],
  ) {
    super(
      `${path} cannot be resumed:\n` +
        problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ''} ${p.field}: ${p.message}`).join('\n'),
    );
    this.name = 'DraftInvalidError';
  }
}

/**
 * Make the drafts folder (0700) if needed, after checking that the state
 * folder is safe to keep answers in: a folder (not a file), owned by this
 * user, and not writable by everyone unless it has the sticky bit (as /tmp
 * does). The drafts folder must be a real folder owned by this user (never a
 * symbolic link); only then is it chmodded to 0700. Throws a FileSystemError
 * that says what is wrong, in one line.
 */
export function ensureDraftsDir(options: StoreOptions = {}): string {
  const state = stateDir(options);
  const dir = draftsDir(options);
  try {
    mkdirSync(state, {recursive: true, mode: 0o700});
  } catch (error) {
    throw stateFailure(state, error);
  }
  checkOwnFolder(state, statOrThrow(state, statSync), 'the state folder');
  try {
    mkdirSync(dir, {mode: 0o700});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw stateFailure(dir, error);
  }
  const stats = statOrThrow(dir, lstatSync);
  if (stats.isSymbolicLink()) throw new FileSystemError(`the drafts folder ${dir} is a symbolic link; drafts are kept only in a real folder: remove the link, or set HANDOFF_ASSESS_STATE_DIR to a folder of your own`, dir);
  checkOwnFolder(dir, stats, 'the drafts folder');
  if ((stats.mode & 0o077) !== 0) chmodSync(dir, 0o700);
  return dir;
}

function statOrThrow(path: string, stat: (path: string) => Stats): Stats {
  try {
    return stat(path);
  } catch (error) {
    throw stateFailure(path, error);
  }
}

/** A folder of this user's that no one else can write to (or with the sticky bit, as /tmp). */
function checkOwnFolder(path: string, stats: Stats, what: string): void {
  const fix = 'set HANDOFF_ASSESS_STATE_DIR to a folder of your own, e.g. HANDOFF_ASSESS_STATE_DIR=~/handoff-drafts';
  if (!stats.isDirectory()) throw new FileSystemError(`${what} ${path} is ${kindOf(stats)}, not a folder: move it away, or ${fix}`, path, 'ENOTDIR');
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid) throw new FileSystemError(`${what} ${path} is owned by someone else (uid ${stats.uid}), so drafts are not kept in it: ${fix}`, path);
  if ((stats.mode & 0o002) !== 0 && (stats.mode & 0o1000) === 0) {
    throw new FileSystemError(`${what} ${path} is writable by everyone (mode ${(stats.mode & 0o777).toString(8)}, no sticky bit), so drafts are not kept in it: chmod o-w it, or ${fix}`, path);
  }
}

function stateFailure(path: string, error: unknown): FileSystemError {
  const code = (error as NodeJS.ErrnoException).code;
  const cause = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way of the folder (ENOTDIR)' : describeCause(code, (error as Error).message);
  return new FileSystemError(`cannot keep drafts in ${path}: ${cause}`, path, code, {cause: error});
}

/** The file of a draft id. */
export function draftPath(id: string, options: StoreOptions = {}): string {
  return join(draftsDir(options), `${id}${DRAFT_EXT}`);
}

/** yyyymmdd-hhmmss in local time. */
export function timestamp(date: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(date.getFullYear(), 4)}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

/**
 * A fresh draft id, `<organisation-slug or "draft">-<yyyymmdd-hhmmss>`, with
 * `-2`, `-3`... added when a draft of that id already exists. The id is
 * reserved as it is chosen: its file is created empty with an exclusive
 * create (`wx`, mode 0600), so two interviews that start in the same second,
 * in one process or two, never get one id. The first save replaces the
 * empty file; `releaseDraftId` removes it when that save fails.
 */
export function newDraftId(answers: Answers, now: Date, options: StoreOptions = {}): string {
  const base = `${slug(answers.context.organisation ?? '', 40) || 'draft'}-${timestamp(now)}`;
  ensureDraftsDir(options);
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    let fd: number;
    try {
      fd = openSync(draftPath(id, options), 'wx', 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      throw new FileSystemError(`cannot keep drafts in ${draftsDir(options)}: ${describeCause(code, (error as Error).message)}`, draftsDir(options), code, {cause: error});
    }
    closeSync(fd);
    return id;
  }
}

/** Give back an id reserved by `newDraftId` whose first save failed: its file is removed if it is still empty. */
export function releaseDraftId(id: string, options: StoreOptions = {}): void {
  const path = draftPath(id, options);
  try {
    const stats = lstatSync(path);
    if (stats.isFile() && stats.size === 0) unlinkSync(path);
  } catch {
    // Gone already.
  }
}

export interface DraftToSave {
  id: string;
  answers: Answers;
  /** The question the interview is on (a step id), or "review". */
  position?: string;
  /** When it was saved (the caller's clock). */
  saved: Date;
}

/** Write a draft whole, mode 0600, replacing the previous save of the same id. Returns its path. */
export function saveDraft(draft: DraftToSave, options: StoreOptions = {}): string {
  if (!ID_PATTERN.test(draft.id)) throw new Error(`"${draft.id}" is not a draft id (e.g. acme-ltd-20250131-142500)`);
  ensureDraftsDir(options);
  const path = draftPath(draft.id, options);
  const text = answersToYaml(draft.answers, {position: draft.position, saved: draft.saved.toISOString()});
  writeFileSafely(path, text, {overwrite: true, mode: 0o600, followSymlinks: false});
  return path;
}

export interface LoadedDraft {
  /** The draft id (the file name without extension). */
  id: string;
  path: string;
  /** True when the file lives in the drafts folder (saving continues in it). */
  inStore: boolean;
  answers: Answers;
  /** Where the interview stood: a step id, "review", or undefined. */
  position?: string;
  /** When it was last saved, from the file (else its modification time). */
  saved: Date;
  warnings: SourceProblem[];
}

/** Is this argument a path rather than an id? */
function looksLikePath(idOrPath: string): boolean {
  return idOrPath.includes('/') || idOrPath.includes('\\') || /\.(ya?ml|json)$/i.test(idOrPath);
}

/** The file an id or a path names. */
export function resolveDraft(idOrPath: string, options: StoreOptions = {}): string {
  if (!looksLikePath(idOrPath)) return draftPath(idOrPath, options);
  const asPath = isAbsolute(idOrPath) ? idOrPath : resolve(options.cwd ?? process.cwd(), idOrPath);
  // "acme-ltd-20250131-142500.yaml" with no folder: the working folder first, then the drafts folder.
  const asId = idOrPath.replace(/\.ya?ml$/i, '');
  if (!existsSync(asPath) && ID_PATTERN.test(asId) && existsSync(draftPath(asId, options))) return draftPath(asId, options);
  return asPath;
}

/** Read a draft by id or path against a bank. Throws DraftNotFoundError or DraftInvalidError. */
export function loadDraft(idOrPath: string, bank: Bank, options: StoreOptions = {}): LoadedDraft {
  const path = resolveDraft(idOrPath, options);
  let text: string;
  try {
    text = readTextFile(path, SIZE_CAPS.answers);
  } catch (error) {
    if (!(error instanceof ReadTextError)) throw error;
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new DraftNotFoundError(idOrPath, path, options.env);
    if (error.code === 'EISDIR') throw new DraftInvalidError(path, [{file: path, field: '(file)', message: 'is a folder, not a draft file'}]);
    throw new DraftInvalidError(path, [{file: path, line: error.line, field: '(file)', message: error.message}]);
  }
  const load = parseAnswers(path, text, bank, {partial: true});
  if (!load.answers) throw new DraftInvalidError(path, load.errors);
  const info = draftInfo(text);
  return {
    id: basename(path, extname(path)),
    path,
    inStore: resolve(dirname(path)) === resolve(draftsDir(options)),
    answers: load.answers,
    position: info.position,
    saved: info.saved ?? statSync(path).mtime,
    warnings: load.warnings,
  };
}

/** The `draft:` field of a saved draft, read leniently (a hand-made file may lack it). */
export function draftInfo(text: string): {position?: string; saved?: Date} {
  try {
    const value = parseYaml(text) as {draft?: {position?: unknown; saved?: unknown}} | null;
    const draft = value?.draft;
    const saved = typeof draft?.saved === 'string' ? new Date(draft.saved) : undefined;
    return {
      position: typeof draft?.position === 'string' ? draft.position : undefined,
      saved: saved && !Number.isNaN(saved.getTime()) ? saved : undefined,
    };
  } catch {
    return {};
  }
}

export interface DraftSummary {
  id: string;
  path: string;
  organisation?: string;
  role?: string;
  /** Who was interviewed (context.assessor), as answered. */
  assessor?: string;
  /** The workflow assessed, as answered. */
  workflow?: string;
  /** Questions answered, when the draft reads cleanly against the bank. */
  answered?: number;
  /** Questions in the bank's interview. */
  total?: number;
  saved: Date;
  position?: string;
  /** Why the draft cannot be resumed as it is, if so. It is still listed. */
  problem?: string;
  /** The process of a running wizard that has the draft open (see draft-lock.ts), if any: set by the `drafts` command. */
  inUse?: number;
}

/** Every draft, newest first. Unreadable drafts are listed with their problem, never hidden. */
export function listDrafts(options: StoreOptions & {bank?: Bank} = {}): DraftSummary[] {
  const dir = draftsDir(options);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    throw code === 'ENOTDIR' ? new FileSystemError(`cannot list drafts: ${dir} is not a folder, or a part of its path is a file (ENOTDIR)`, dir, code) : stateFailure(dir, error);
  }
  const out: DraftSummary[] = [];
  for (const name of names) {
    if (!name.endsWith(DRAFT_EXT) || name.startsWith('.')) continue;
    const path = join(dir, name);
    const id = name.slice(0, -DRAFT_EXT.length);
    let text: string;
    let mtime: Date;
    try {
      text = readTextFile(path, SIZE_CAPS.answers);
      mtime = statSync(path).mtime;
    } catch (error) {
      const problem = error instanceof ReadTextError ? `${error.line ? `line ${error.line}: ` : ''}${error.message}` : `could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
      out.push({id, path, saved: new Date(0), problem});
      continue;
    }
    const info = draftInfo(text);
    const summary: DraftSummary = {id, path, saved: info.saved ?? mtime, position: info.position};
    const raw = rawContext(text);
    summary.organisation = raw.organisation;
    summary.role = raw.role;
    summary.assessor = raw.assessor;
    summary.workflow = raw.workflow;
    if (options.bank) {
      const load = parseAnswers(path, text, options.bank, {partial: true});
      if (load.answers) {
        const steps = buildSteps(options.bank);
        summary.answered = steps.filter((s) => isAnswered(load.answers!, s)).length;
        summary.total = steps.length;
        summary.organisation = load.answers.context.organisation ?? summary.organisation;
        summary.role = load.answers.context.role ?? summary.role;
        summary.assessor = load.answers.context.assessor ?? summary.assessor;
        summary.workflow = load.answers.context.workflow ?? summary.workflow;
      } else {
        const first = load.errors[0];
        summary.problem = first ? `${first.field}: ${first.message}` : 'not a valid answers file';
      }
    }
    out.push(summary);
  }
  return out.sort((a, b) => b.saved.getTime() - a.saved.getTime() || b.id.localeCompare(a.id));
}

/** Organisation and role read straight from the YAML, for listing a draft the bank rejects. */
function rawContext(text: string): {organisation?: string; role?: string; assessor?: string; workflow?: string} {
  try {
    const value = parseYaml(text) as {context?: {organisation?: unknown; role?: unknown; assessor?: unknown; workflow?: unknown}} | null;
    const ctx = value?.context;
    return {
      organisation: typeof ctx?.organisation === 'string' ? ctx.organisation : undefined,
      role: typeof ctx?.role === 'string' ? ctx.role : undefined,
      assessor: typeof ctx?.assessor === 'string' ? ctx.assessor : undefined,
      workflow: typeof ctx?.workflow === 'string' ? ctx.workflow : undefined,
    };
  } catch {
    return {};
  }
}

/** The most recently saved draft, if any. */
export function latestDraft(options: StoreOptions = {}): DraftSummary | undefined {
  return listDrafts(options)[0];
}

/** Remove one draft by id. Returns the path removed; throws DraftNotFoundError when there is none, NotAFileError when it is not a file. */
export function deleteDraft(id: string, options: StoreOptions = {}): string {
  const clean = draftIdToDelete(id, options);
  const path = draftPath(clean, options);
  const stats = lstatSync(path);
  if (!stats.isFile() && !stats.isSymbolicLink()) throw new NotAFileError(`${path} is ${kindOf(stats)}, not a saved interview; nothing was deleted`, path);
  try {
    unlinkSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileSystemError(`could not delete ${path}: ${describeCause(code, (error as Error).message)}`, path, code, {cause: error});
  }
  return path;
}

/**
 * The id of the draft `drafts --delete` names ("acme-1" or "acme-1.yaml"),
 * once it is known to be a plain id with a draft of it in the drafts folder;
 * else DraftNotFoundError. Checked before anything is done in that id's name (its lock).
 */
export function draftIdToDelete(id: string, options: StoreOptions = {}): string {
  const clean = id.replace(/\.ya?ml$/i, '');
  const path = draftPath(clean, options);
  if (!ID_PATTERN.test(clean) || !exists(path)) throw new DraftNotFoundError(id, path, options.env);
  return clean;
}

/** Is anything at this path (a link that leads nowhere included)? */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
