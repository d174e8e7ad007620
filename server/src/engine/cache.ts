// Analysis results kept across command-line runs, keyed by what the analysis read: a run whose inputs
// are all unchanged takes its findings from disk and never loads or runs the compiler.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRealFolder, makeFolder, readRegularFile, writeAtomically, type FileStamp } from './disk.js';
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

/** Facts of files no run has asked about kept beyond twice the files of this run. */
const MAX_UNSEEN_FACTS = 10_000;

/** [mtimeMs, ctimeMs, ino, size, flags (1 strong, 2 reexports, 4 directives), imports]. */
type FactsEntry = [number, number, number, number, number, string[]];

/**
 * The pre-filter's facts of every file, kept by the file's stamp (modification and change times,
 * inode and size): an unchanged file is only statted, not read. A file whose facts name the SDK is
 * still read and checked by content before its cached analysis is used (AnalysisCache).
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
      const saved = readJson(this.file) as { format?: number; version?: string; entries?: unknown } | undefined;
      if (saved?.format === FORMAT && saved.version === version && Array.isArray(saved.entries)) this.entries = new Map(saved.entries as [string, FactsEntry][]);
    } catch {
      // Entries of another shape: every file is read this run.
    }
  }

  /** The facts of a file at this stamp, if they are known. */
  lookup(file: string, stamp: FileStamp): TextFacts | undefined {
    this.seen.add(file);
    const entry = this.entries.get(file);
    if (!Array.isArray(entry) || !Array.isArray(entry[5]) || entry[0] !== stamp.mtimeMs || entry[1] !== stamp.ctimeMs || entry[2] !== stamp.ino || entry[3] !== stamp.size) return undefined;
    const flags = entry[4];
    return { strong: (flags & 1) !== 0, reexports: (flags & 2) !== 0, directives: (flags & 4) !== 0, imports: entry[5] };
  }

  remember(file: string, stamp: FileStamp, facts: TextFacts): void {
    const flags = (facts.strong ? 1 : 0) | (facts.reexports ? 2 : 0) | (facts.directives ? 4 : 0);
    this.seen.add(file);
    this.entries.set(file, [stamp.mtimeMs, stamp.ctimeMs, stamp.ino, stamp.size, flags, facts.imports]);
    this.dirty = true;
  }

  /** Writes the facts when some changed; a folder that cannot be written to is left alone. */
  save(): void {
    if (!this.dirty || this.version === undefined) return;
    // Files no run asks about any more (deleted, or outside the paths linted lately) go once they outnumber the rest.
    if (this.entries.size > 2 * this.seen.size + MAX_UNSEEN_FACTS) {
      for (const file of this.entries.keys()) if (!this.seen.has(file)) this.entries.delete(file);
    }
    writeJson(this.file, { format: FORMAT, version: this.version, entries: [...this.entries] });
    this.dirty = false;
  }
}

/** Cache files beyond this size are not the linter's: they are left unread. */
const MAX_CACHE_FILE_BYTES = 64 * 1024 * 1024;

/** A JSON file of the cache; undefined when it is missing, damaged, a link or not a regular file. */
function readJson(file: string): unknown {
  if (!isRealFolder(path.dirname(file))) return undefined;
  try {
    return JSON.parse(readRegularFile(file, MAX_CACHE_FILE_BYTES, { noFollow: true }).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Writes a JSON file of the cache into its folder, made when missing; false when it could not. */
function writeJson(file: string, value: unknown): boolean {
  if (!makeFolder(path.dirname(file)) || !isRealFolder(path.dirname(file))) return false;
  try {
    writeAtomically(file, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes all but the `keep` most recently written files of a folder that `ours` names; never throws.
 * Only the linter's own files go: names it gives, regular files (never what a link points to), in a
 * real folder (never one a link stands for), so a cache folder that is a link into the user's files
 * cannot make the linter delete them.
 */
function keepNewest(folder: string, ours: (name: string) => boolean, keep: number): void {
  if (!isRealFolder(folder)) return;
  try {
    const files = fs
      .readdirSync(folder)
      .filter(ours)
      .map((name) => {
        const file = path.join(folder, name);
        const stat = fs.lstatSync(file, { throwIfNoEntry: false });
        return { file, stat };
      })
      .filter((entry): entry is { file: string; stat: fs.Stats } => entry.stat?.isFile() === true)
      .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
    for (const { file } of files.slice(keep)) fs.rmSync(file, { force: true });
  } catch {
    // Another run pruned at the same time, or the folder went away: pruning waits for the next write.
  }
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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const isRange = (range: unknown): boolean =>
  isObject(range) && ['start', 'end', 'line', 'column', 'endLine', 'endColumn'].every((key) => Number.isSafeInteger(range[key]));

/** Whether a cached finding has the shape the linter and the formatters read (a damaged or planted one must not make them throw). */
function isRawFinding(value: unknown, ruleIds: readonly string[]): value is RawFinding {
  return (
    isObject(value) &&
    typeof value.ruleId === 'string' &&
    ruleIds.includes(value.ruleId) &&
    typeof value.message === 'string' &&
    typeof value.file === 'string' &&
    isRange(value.range) &&
    Array.isArray(value.related) &&
    value.related.every((r) => isObject(r) && typeof r.file === 'string' && typeof r.message === 'string' && isRange(r.range)) &&
    Array.isArray(value.fixes) &&
    value.fixes.every(
      (fix) =>
        isObject(fix) &&
        typeof fix.title === 'string' &&
        (fix.kind === 'safe' || fix.kind === 'suggestion') &&
        Array.isArray(fix.edits) &&
        fix.edits.every((e) => isObject(e) && typeof e.file === 'string' && Number.isSafeInteger(e.start) && Number.isSafeInteger(e.end) && typeof e.newText === 'string'),
    )
  );
}

/** Whether a name is one the analysis cache gives its entries: a digest (27 base64url characters) and `.json`. */
function isEntryName(name: string): boolean {
  const key = name.slice(0, -'.json'.length);
  return name.endsWith('.json') && key.length === 27 && [...key].every((c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '-' || c === '_');
}

/**
 * Analysis results on disk, one JSON file per set of analysed files. Reading and writing never fail
 * a run: an unreadable or corrupt entry is a miss, and a folder that cannot be written to leaves the
 * run uncached. Entries are not trusted for more than a report: `--fix` and the editor's code
 * actions take fixes from a fresh analysis only (see LintCache), so a planted entry can change what
 * is reported but never what is written into a file.
 */
export class AnalysisCache {
  readonly folder: string;

  constructor(private readonly directory: string) {
    this.folder = path.join(directory, 'analysis');
  }

  /** The key of an analysis: the linter's build, the rules run and the files analysed first, in order. */
  keyOf(ruleIds: readonly string[], files: readonly string[]): string {
    return digest(JSON.stringify([FORMAT, buildStamp(), ruleIds, files]));
  }

  /** The entry under `key`, if it is whole and its findings are of `ruleIds`, the rules run. */
  load(key: string, ruleIds: readonly string[]): CachedAnalysis | undefined {
    if (!this.real()) return undefined;
    const entry = readJson(this.fileOf(key)) as CachedAnalysis | undefined;
    const valid =
      entry?.format === FORMAT &&
      Array.isArray(entry.trace) &&
      Array.isArray(entry.rounds) &&
      Array.isArray(entry.analysed) &&
      Array.isArray(entry.findings) &&
      entry.findings.every((finding) => isRawFinding(finding, ruleIds)) &&
      Array.isArray(entry.failures);
    return valid ? entry : undefined;
  }

  store(key: string, entry: Omit<CachedAnalysis, 'format'>): void {
    if (makeFolder(this.directory) && this.real() && writeJson(this.fileOf(key), { format: FORMAT, ...entry })) keepNewest(this.folder, isEntryName, MAX_ENTRIES);
  }

  /** Neither the cache folder nor its analysis folder is a link (a missing one is made as a real folder). */
  private real(): boolean {
    return (isRealFolder(this.directory) || !fs.existsSync(this.directory)) && (isRealFolder(this.folder) || !fs.existsSync(this.folder));
  }

  private fileOf(key: string): string {
    return path.join(this.folder, `${key}.json`);
  }
}

/**
 * The caches of one folder: the pre-filter's facts of every file, and analysis results. A cache
 * made `forFixes` keeps the facts only: fixes are applied from a fresh analysis, never from disk.
 */
export class LintCache {
  readonly facts: FactsCache;
  readonly analyses: AnalysisCache | undefined;

  constructor(
    readonly directory: string,
    options: { forFixes?: boolean } = {},
  ) {
    this.facts = new FactsCache(directory);
    this.analyses = options.forFixes ? undefined : new AnalysisCache(directory);
  }
}
