// Analysis results kept across command-line runs, keyed by what the analysis read: a run whose inputs
// are all unchanged takes its findings from disk and never loads or runs the compiler.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Fix, RelatedLocation, SourceRange } from './types.js';

/** Where the caches live in a project: the convention of tools that keep caches in node_modules. */
const CACHE_FOLDER = path.join('node_modules', '.cache', 'callstats-lint');
/** Bumped whenever what an entry holds changes shape. */
const FORMAT = 2;
/** Entries kept; the least recently written go first. One entry serves one set of analysed files. */
const MAX_ENTRIES = 16;

/** A finding as the analysis produced it, before configuration (severity) and comments (suppression) apply. */
export interface RawFinding {
  ruleId: string;
  messageId: string;
  data: Readonly<Record<string, string | number>>;
  message: string;
  help: string;
  /** Never reported as an error (see Draft.likely). */
  likely: boolean;
  file: string;
  range: SourceRange;
  related: RelatedLocation[];
  fixes: Fix[];
}

/** One widening of an analysis: the modules the run followed into, and the importers of those it took in. */
export interface Round {
  followed: string[];
  more: string[];
}

/**
 * Everything the analysis observed, as `kind\0subject` → what it saw: file contents (a digest), module
 * resolutions, file existence and the configuration of each file it consulted. An entry is reused only
 * when every observation still holds.
 */
export type Trace = Map<string, string>;

export interface CachedAnalysis {
  format: number;
  trace: [string, string][];
  rounds: Round[];
  /** Every file the analysis parsed. */
  analysed: string[];
  findings: RawFinding[];
  failures: [string, string][];
}

/** A short stable digest of a text. */
export function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** The cache folder for a run started in `cwd`: under the nearest folder with a package.json, if any. */
export function defaultCacheDirectory(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, CACHE_FOLDER);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** A file's text facts for the pre-filter (see Candidates), and whether it holds suppression comments. */
export interface TextFacts {
  strong: boolean;
  reexports: boolean;
  imports: string[];
  directives: boolean;
}

/** A file's version as the disk tells it without reading it. */
export interface FileStamp {
  mtimeMs: number;
  size: number;
}

/** Facts of files no run has asked about kept beyond twice the files of this run. */
const MAX_UNSEEN_FACTS = 10_000;

/** [mtimeMs, size, flags (1 strong, 2 reexports, 4 directives), imports]. */
type FactsEntry = [number, number, number, string[]];

/**
 * The pre-filter's facts of every file, kept by modification time and size as ESLint's cache keeps
 * results: an unchanged file is only statted, not read. A file whose facts name the SDK is still read
 * and checked by content before its cached analysis is used (AnalysisCache).
 */
export class FactsCache {
  private readonly file: string;
  private entries = new Map<string, FactsEntry>();
  private version: string | undefined;
  private dirty = false;
  /** Files looked up or learned by this process. */
  private readonly seen = new Set<string>();

  constructor(directory: string) {
    this.file = path.join(directory, 'facts.json');
  }

  /**
   * Loads the saved facts, if they were computed by the same pre-filter (`version` identifies it: the
   * CLI and the language server share them, and a changed pre-filter starts afresh).
   */
  open(version: string): void {
    if (this.version === version) return;
    this.version = version;
    this.entries = new Map();
    try {
      const saved = readSigned(this.file) as { format?: number; version?: string; entries?: unknown } | undefined;
      if (saved?.format === FORMAT && saved.version === version && Array.isArray(saved.entries)) this.entries = new Map(saved.entries as [string, FactsEntry][]);
    } catch {
      // Missing or unreadable: every file is read this run.
    }
  }

  /** The facts of a file at this stamp, if they are known. */
  lookup(file: string, stamp: FileStamp): TextFacts | undefined {
    this.seen.add(file);
    const entry = this.entries.get(file);
    if (!entry || entry[0] !== stamp.mtimeMs || entry[1] !== stamp.size) return undefined;
    const flags = entry[2];
    return { strong: (flags & 1) !== 0, reexports: (flags & 2) !== 0, directives: (flags & 4) !== 0, imports: entry[3] };
  }

  remember(file: string, stamp: FileStamp, facts: TextFacts): void {
    const flags = (facts.strong ? 1 : 0) | (facts.reexports ? 2 : 0) | (facts.directives ? 4 : 0);
    this.seen.add(file);
    this.entries.set(file, [stamp.mtimeMs, stamp.size, flags, facts.imports]);
    this.dirty = true;
  }

  /** Writes the facts when some changed; a folder that cannot be written to is left alone. */
  save(): void {
    if (!this.dirty || this.version === undefined) return;
    // Files no run asks about any more (deleted, or outside the paths linted lately) go once they outnumber the rest.
    if (this.entries.size > 2 * this.seen.size + MAX_UNSEEN_FACTS) {
      for (const file of this.entries.keys()) if (!this.seen.has(file)) this.entries.delete(file);
    }
    writeSigned(this.file, { format: FORMAT, version: this.version, entries: [...this.entries] });
    this.dirty = false;
  }
}

/**
 * The key that signs this user's cache files, made on first use in the user's own cache folder. A
 * cache file that came from anywhere else (a checkout, another user) fails the check and is ignored:
 * cached findings carry fixes, and --fix or a quick fix must never write text the linter did not make.
 */
let signingKey: Buffer | null | undefined;
function userKey(): Buffer | null {
  if (signingKey !== undefined) return signingKey;
  signingKey = null;
  const folder = userCacheDirectory();
  if (!folder) return signingKey;
  const file = path.join(folder, 'cache-key');
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, randomBytes(32), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const key = fs.readFileSync(file);
    if (key.length === 32) signingKey = key;
  } catch {
    // No writable home: no cache is trusted, so none is read or written.
  }
  return signingKey;
}

const signatureOf = (key: Buffer, body: string): Buffer => createHmac('sha256', key).update(body).digest();

/** A JSON file written by writeSigned with this user's key; undefined when missing, damaged or signed by anyone else. */
function readSigned(file: string): unknown {
  const key = userKey();
  if (!key) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  const newline = text.indexOf('\n');
  const signature = Buffer.from(text.slice(0, Math.max(newline, 0)), 'base64url');
  const body = text.slice(newline + 1);
  const expected = signatureOf(key, body);
  if (newline < 0 || signature.length !== expected.length || !timingSafeEqual(signature, expected)) return undefined;
  return JSON.parse(body);
}

/** Writes JSON with this user's signature on its first line; false when it could not (or there is no key). */
function writeSigned(file: string, value: unknown): boolean {
  const key = userKey();
  if (!key) return false;
  const body = JSON.stringify(value);
  return writeAtomically(file, `${signatureOf(key, body).toString('base64url')}\n${body}`);
}

/** Writes a file through a temporary one renamed into place, so a reader never sees half of it; false when it could not. */
export function writeAtomically(file: string, data: string | Uint8Array): boolean {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
    return true;
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // The folder itself is missing or not a folder.
    }
    return false;
  }
}

/** Removes all but the `keep` most recently written files of a folder that `matches` names; never throws. */
export function keepNewest(folder: string, matches: (name: string) => boolean, keep: number): void {
  try {
    const files = fs
      .readdirSync(folder)
      .filter(matches)
      .map((name) => {
        const file = path.join(folder, name);
        return { file, mtimeMs: fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0 };
      })
      .sort((a, b) => b.mtimeMs - a.mtimeMs);
    for (const { file } of files.slice(keep)) fs.rmSync(file, { force: true });
  } catch {
    // Another run pruned at the same time, or the folder went away: pruning waits for the next write.
  }
}

/**
 * The user's own cache folder for callstats-lint ($XDG_CACHE_HOME or ~/.cache; %LOCALAPPDATA% on
 * Windows). The compiler's code cache lives here, never in a project: V8 runs cached code without
 * checking it, so a cache file that came with a checkout could crash the linter or run code.
 */
export function userCacheDirectory(): string | undefined {
  const base = process.platform === 'win32' ? process.env.LOCALAPPDATA : process.env.XDG_CACHE_HOME || (os.homedir() && path.join(os.homedir(), '.cache'));
  return base ? path.join(base, 'callstats-lint') : undefined;
}

/** What identifies this build of the linter: its version and the bundle that runs (a rebuilt linter forgets old results). */
let stamp: string | undefined;
function buildStamp(): string {
  return (stamp ??= readBuildStamp());
}

function readBuildStamp(): string {
  try {
    const stat = fs.statSync(__filename);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'unknown';
  }
}

/**
 * Analysis results on disk, one JSON file per set of analysed files. Reading and writing never fail
 * a run: an unreadable, corrupt or foreign entry is a miss, and a folder that cannot be written to
 * leaves the run uncached.
 */
export class AnalysisCache {
  readonly folder: string;

  constructor(directory: string) {
    this.folder = path.join(directory, 'analysis');
  }

  /** The key of an analysis: the linter's build, the rules run and the files analysed first, in order. */
  keyOf(ruleIds: readonly string[], files: readonly string[]): string {
    return digest(JSON.stringify([FORMAT, buildStamp(), ruleIds, files]));
  }

  load(key: string): CachedAnalysis | undefined {
    let entry: CachedAnalysis;
    try {
      entry = readSigned(this.fileOf(key)) as CachedAnalysis;
    } catch {
      return undefined;
    }
    const valid =
      entry?.format === FORMAT &&
      Array.isArray(entry.trace) &&
      Array.isArray(entry.rounds) &&
      Array.isArray(entry.analysed) &&
      Array.isArray(entry.findings) &&
      Array.isArray(entry.failures);
    return valid ? entry : undefined;
  }

  store(key: string, entry: Omit<CachedAnalysis, 'format'>): void {
    if (writeSigned(this.fileOf(key), { format: FORMAT, ...entry })) keepNewest(this.folder, (name) => name.endsWith('.json'), MAX_ENTRIES);
  }

  private fileOf(key: string): string {
    return path.join(this.folder, `${key}.json`);
  }
}

/** The caches of one folder: the pre-filter's facts of every file, and analysis results. */
export class LintCache {
  readonly facts: FactsCache;
  readonly analyses: AnalysisCache;

  constructor(readonly directory: string) {
    this.facts = new FactsCache(directory);
    this.analyses = new AnalysisCache(directory);
  }
}
