// Which files the analysis sees: reading (editor buffers first), the cheap text pre-filter, parsing and module resolution.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ts } from 'ts-morph';
import { digest, type Trace } from './cache.js';
import { MAX_READ_BYTES, readFailure, readRegularFile, sameStamp, stampOfStat, type FileStamp } from './disk.js';
import { embeddedProgram, isEmbedding } from './embedded.js';
import { changedSpan, type ChangedSpan } from './positions.js';
import { STRONG_WORDS } from './sdk.js';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const STRONG = new RegExp(STRONG_WORDS.join('|'), 'i');
// `import\s*(?:\(\s*)?`, not `import\s*\(?\s*`: two adjacent \s* make a long run of spaces quadratic.
export const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*(?:\(\s*)?|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"\n]*)['"]/g;

export interface SourceText {
  file: string;
  text: string;
  /** Why the file could not be read, or was skipped, when it was. */
  problem?: string;
}

/** Files found in folders above this size are skipped unless named (the CLI's --max-file-size). */
export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
/** A NUL byte in this first stretch marks a binary file, as git and grep decide. */
const BINARY_PROBE_BYTES = 8 * 1024;
const BINARY = `skipped: a binary file (it has NUL bytes in its first ${BINARY_PROBE_BYTES / 1024} kB)`;

/** What a read may skip: files over `maxFileSize`, except the `named` ones (the user asked for them). */
export interface ReadLimits {
  maxFileSize: number;
  named: ReadonlySet<string>;
}

const KB = 1024;
const MB = 1024 * 1024;

/** A file's size as people read it: bytes, or kB and MB (of 1024) with one decimal. */
function formatSize(bytes: number): string {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= KB) return `${(bytes / KB).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

/** A limit as the user would write it: whole MB or kB when it is one. */
function formatLimit(bytes: number): string {
  if (bytes >= MB && bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes >= KB && bytes % KB === 0) return `${bytes / KB} kB`;
  return `${bytes} bytes`;
}

/** The note on a file skipped for its size. */
export function tooLargeProblem(size: number, limit: number): string {
  const unit = size >= MB ? MB : size >= KB ? KB : 1;
  // "2.0 MB is over the 2 MB limit" would read as a contradiction: then the exact bytes say it.
  const hidden = Math.round((size / unit) * 10) / 10 <= limit / unit;
  const what = hidden ? `${size} bytes is over the ${formatLimit(limit)} (${limit} bytes)` : `${formatSize(size)} is over the ${formatLimit(limit)}`;
  return `skipped: ${what} limit for files found in folders (name the file to lint it, or raise --max-file-size)`;
}

/** Whether the start of a file (its bytes, or its text in an editor) holds a NUL. */
function looksBinary(head: Uint8Array | string): boolean {
  return typeof head === 'string' ? head.slice(0, BINARY_PROBE_BYTES).includes('\0') : head.subarray(0, BINARY_PROBE_BYTES).includes(0);
}

/**
 * Why a file is skipped rather than analysed, or undefined to analyse it. The one place that
 * decides, for the CLI, the language server and the modules imports are followed into.
 * `head` is the file's start (bytes from disk, or an editor's text), once read; its first 8 kB are probed.
 */
function skipReason(size: number, named: boolean, limits: ReadLimits, head?: Uint8Array | string): string | undefined {
  if (!named && size > limits.maxFileSize) return tooLargeProblem(size, limits.maxFileSize);
  return head !== undefined && looksBinary(head) ? BINARY : undefined;
}

export interface ParsedFile {
  file: string;
  text: string;
  sourceFile: ts.SourceFile;
}

/** The compiler bundled with ts-morph, loaded on the first parse so runs without candidates never load it. */
let compiler: typeof ts | undefined;
function typescript(): typeof ts {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  compiler ??= (require('ts-morph') as typeof import('ts-morph')).ts;
  return compiler;
}

/** literal-edit.ts imports the compiler: loaded when a parsed file's text changes, when the compiler is loaded already. */
let literalEdits: typeof import('./literal-edit.js') | undefined;
function patchLiteralEdit(sourceFile: ts.SourceFile, newText: string, span: ChangedSpan): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  literalEdits ??= require('./literal-edit.js') as typeof import('./literal-edit.js');
  return literalEdits.patchLiteralEdit(sourceFile, newText, span);
}

/** How the compiler parses a file, by its extension (JavaScript files may hold JSX). */
export function scriptKind(file: string): ts.ScriptKind {
  const ts = typescript();
  switch (path.extname(file).toLowerCase()) {
    case '.ts':
    case '.mts':
    case '.cts':
      return ts.ScriptKind.TS;
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    default:
      return ts.ScriptKind.JS;
  }
}

/** Whether a file's text can touch the SDK by itself (names it or calls its identifier methods). */
export function mentionsSdk(text: string): boolean {
  return STRONG.test(text);
}

/** Relative module specifiers the text imports or requires, found without parsing. */
export function relativeImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(RELATIVE_IMPORT)) found.push(match[1]);
  return found;
}

/** Below this size a fresh parse costs no more than working out what an edit changed. */
const INCREMENTAL_MIN_LENGTH = 16 * 1024;

/** The compiler's form of a changed span. */
function changeRange({ start, oldEnd, newEnd }: ChangedSpan): ts.TextChangeRange {
  return { span: { start, length: oldEnd - start }, newLength: newEnd - start };
}

/**
 * Whether `./a/b` style: no `.` or `..` segment, no empty one, no trailing slash; then the folder
 * and the specifier joined as they are already make the normalized path (most imports are such).
 */
function simpleRelative(specifier: string): boolean {
  return specifier.startsWith('./') && !specifier.includes('/.', 1) && !specifier.includes('//') && !specifier.endsWith('/') && path.sep === '/';
}

/** The first file, in resolution order, that a relative specifier may name and `test` accepts (no disk access of its own). */
export function firstTarget(specifier: string, fromFile: string, test: (file: string) => boolean): string | undefined {
  const dir = path.dirname(fromFile);
  const base = simpleRelative(specifier) && dir !== path.sep ? dir + specifier.slice(1) : path.resolve(dir, specifier);
  if (test(base)) return base;
  const stem = base.replace(/\.(m|c)?jsx?$/, '');
  for (const ext of SOURCE_EXTENSIONS) if (test(stem + ext)) return stem + ext;
  // Joined by hand: path.resolve gave a normalized path, and this runs for every import of every file.
  const index = (base.endsWith(path.sep) ? base : base + path.sep) + 'index';
  for (const ext of SOURCE_EXTENSIONS) if (test(index + ext)) return index + ext;
  return undefined;
}

/**
 * Holds file texts and parsed trees between runs. Editor buffers (overlays) stand in for the
 * disk; disk reads are cached by modification time and size, parses by text.
 */
export class Workspace {
  private readonly overlays = new Map<string, string>();
  private readonly overlaySources = new Map<string, SourceText>();
  private readonly diskCache = new Map<string, { stamp: FileStamp; source: SourceText }>();
  private readonly parseCache = new Map<string, ParsedFile>();
  private readonly resolutionCache = new Map<string, string | null>();
  private limits: ReadLimits = { maxFileSize: DEFAULT_MAX_FILE_SIZE, named: new Set() };
  private trace: Trace | undefined;
  private readonly digests = new WeakMap<SourceText, string>();
  private resolutionsChanged = 0;
  /** While set, the only files that exist: see within(). */
  private scope: ((file: string) => boolean) | undefined;

  /**
   * Runs `body` as if only the files `scope` accepts existed: no other is resolved to, found or read,
   * so nothing of them can reach what `body` computes (the editor's hover shows values).
   */
  within<T>(scope: (file: string) => boolean, body: () => T): T {
    const previous = this.scope;
    this.scope = scope;
    try {
      return body();
    } finally {
      this.scope = previous;
    }
  }

  private outside(file: string): boolean {
    return this.scope !== undefined && !this.scope(file);
  }

  /** Records what reads, resolutions and existence checks see, until stopTrace (see AnalysisCache). */
  startTrace(): Trace {
    this.trace = new Map();
    return this.trace;
  }

  stopTrace(): void {
    this.trace = undefined;
  }

  /** Whether an observation of a trace still holds; undefined for kinds the workspace does not observe. */
  holds(key: string, seen: string): boolean | undefined {
    const [kind, subject, specifier] = key.split('\0');
    switch (kind) {
      case 'read':
        return this.fingerprint(this.readSource(subject)) === seen;
      case 'resolve':
        return (this.resolveUntraced(specifier, path.join(subject, '_')) ?? '') === seen;
      case 'exists':
        return String(this.overlays.has(subject) || isFile(subject)) === seen;
      default:
        return undefined;
    }
  }

  private fingerprint(source: SourceText): string {
    let print = this.digests.get(source);
    if (print === undefined) {
      print = source.problem ? `!${source.problem}` : digest(source.text);
      this.digests.set(source, print);
    }
    return print;
  }

  setOverlay(file: string, text: string | undefined): void {
    this.overlaySources.delete(file);
    // A buffer opened or closed may change what a specifier resolves to; an edit of its text does not.
    if (this.overlays.has(file) !== (text !== undefined)) this.resolutionsChanged++;
    if (text === undefined) this.overlays.delete(file);
    else this.overlays.set(file, text);
  }

  /** Counts the times module resolutions may have changed: what was resolved before may now resolve elsewhere. */
  get resolutionGeneration(): number {
    return this.resolutionsChanged;
  }

  /**
   * Sets what reads skip. Returns the files whose reads may now give another answer, or 'all' when
   * the size limit changed.
   */
  setLimits(maxFileSize: number, named: Iterable<string>): string[] | 'all' {
    const previous = this.limits;
    this.limits = { maxFileSize, named: new Set(named) };
    if (previous.maxFileSize !== maxFileSize) return 'all';
    const changed = [...previous.named].filter((f) => !this.limits.named.has(f));
    return [...changed, ...[...this.limits.named].filter((f) => !previous.named.has(f))];
  }

  overlay(file: string): string | undefined {
    return this.overlays.get(file);
  }

  /** Whether an editor buffer stands in for the file. */
  hasOverlay(file: string): boolean {
    return this.overlays.has(file);
  }

  /** Whether a read of a file of this size skips it (it is over the limit, and not named). */
  skipsForSize(file: string, size: number): boolean {
    return size > this.limits.maxFileSize && !this.limits.named.has(file);
  }

  read(file: string): SourceText {
    if (this.outside(file)) return { file, text: '', problem: 'outside the files that may be read' };
    const source = this.readSource(file);
    this.trace?.set(`read\0${file}`, this.fingerprint(source));
    return source;
  }

  /** Whether a regular file exists (an editor buffer counts). */
  exists(file: string): boolean {
    if (this.outside(file)) return false;
    const found = this.overlays.has(file) || isFile(file);
    this.trace?.set(`exists\0${file}`, String(found));
    return found;
  }

  private readSource(file: string): SourceText {
    const overlay = this.overlays.get(file);
    // An editor buffer is the file the user has open: never skipped for its size.
    if (overlay !== undefined) {
      // One object per buffer text, so its digest (fingerprint) is computed once.
      let source = this.overlaySources.get(file);
      if (!source) {
        const problem = skipReason(overlay.length, true, this.limits, overlay);
        source = problem ? { file, text: '', problem } : { file, text: overlay };
        this.overlaySources.set(file, source);
      }
      return source;
    }
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) return { file, text: '', problem: 'not a regular file' };
      // Decided on the size alone: a skipped bundle is never read.
      const tooLarge = skipReason(stat.size, this.limits.named.has(file), this.limits);
      if (tooLarge) return { file, text: '', problem: tooLarge };
      const stamp = stampOfStat(stat);
      const cached = this.diskCache.get(file);
      if (cached && sameStamp(cached.stamp, stamp)) return cached.source;
      const bytes = readRegularFile(file, MAX_READ_BYTES, { stat });
      const problem = skipReason(bytes.length, true, this.limits, bytes);
      // Bytes that are not UTF-8 (Latin-1, corruption) become U+FFFD, one code unit each, as editors show them.
      const source: SourceText = problem ? { file, text: '', problem } : { file, text: bytes.toString('utf8') };
      this.diskCache.set(file, { stamp, source });
      return source;
    } catch (error) {
      return { file, text: '', problem: `cannot read the file (${readFailure(error)})` };
    }
  }

  /** Parses a file's current text; the tree is reused while the text is unchanged. */
  parse(source: SourceText): ParsedFile {
    const cached = this.parseCache.get(source.file);
    if (cached && cached.text === source.text) return cached;
    const ts = typescript();
    // Pages are parsed as the program of their inline scripts, at the same offsets.
    const embedded = isEmbedding(source.file) ? embeddedProgram(source.text) : undefined;
    const code = embedded ? embedded.code : source.text;
    // What the edit changed, worked out once for both ways of reusing the tree below.
    const span = cached && changedSpan(cached.sourceFile.text, code);
    // Typing inside a string: the same tree, patched (literal-edit.ts), and the same ParsedFile.
    if (span && !embedded && patchLiteralEdit(cached.sourceFile, code, span)) {
      cached.text = source.text;
      return cached;
    }
    const kind = embedded ? (embedded.lang === 'ts' ? ts.ScriptKind.TS : ts.ScriptKind.JS) : scriptKind(source.file);
    // An edited buffer is parsed incrementally: the compiler reuses the subtrees the edit did not touch.
    const sourceFile =
      span && cached.sourceFile.text.length > INCREMENTAL_MIN_LENGTH
        ? ts.updateSourceFile(cached.sourceFile, code, changeRange(span))
        : ts.createSourceFile(
            source.file,
            code,
            { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
            true,
            kind,
          );
    // The compiler turns `\` into `/` in file names; a backslash is a legal character on POSIX, and
    // findings are matched to files by this name.
    sourceFile.fileName = source.file;
    const parsed = { file: source.file, text: source.text, sourceFile };
    this.parseCache.set(source.file, parsed);
    return parsed;
  }

  /** Resolves a relative or bare specifier to a source file of the app (never into node_modules). */
  resolve(specifier: string, fromFile: string): string | undefined {
    const found = this.resolveUntraced(specifier, fromFile);
    this.trace?.set(`resolve\0${path.dirname(fromFile)}\0${specifier}`, found ?? '');
    return found !== undefined && this.outside(found) ? undefined : found;
  }

  private resolveUntraced(specifier: string, fromFile: string): string | undefined {
    if (!specifier.startsWith('.') && !specifier.startsWith('/')) return undefined;
    const key = `${path.dirname(fromFile)}\0${specifier}`;
    const cached = this.resolutionCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const found = firstTarget(specifier, fromFile, (c) => this.overlays.has(c) || isFile(c)) ?? null;
    this.resolutionCache.set(key, found);
    return found ?? undefined;
  }

  /** A file deleted, or a buffer closed for good: its text, tree and resolutions are dropped. */
  forget(file: string): void {
    this.setOverlay(file, undefined);
    this.diskCache.delete(file);
    this.parseCache.delete(file);
    this.invalidateResolutions();
  }

  /** Forgets cached resolutions (files were created or deleted). */
  invalidateResolutions(): void {
    this.resolutionCache.clear();
    this.resolutionsChanged++;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
