// Which files the analysis sees: reading (editor buffers first), the cheap text pre-filter, parsing and module resolution.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ts } from 'ts-morph';
import { embeddedProgram, isEmbedding } from './embedded.js';
import { STRONG_WORDS } from './sdk.js';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const STRONG = new RegExp(STRONG_WORDS.join('|'), 'i');
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"\n]*)['"]/g;

export interface SourceText {
  file: string;
  text: string;
  /** Why the file could not be read, when it could not. */
  problem?: string;
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

function scriptKind(file: string): ts.ScriptKind {
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

/** The span of `before` that `after` replaced: common prefix and suffix removed. */
function changeRange(before: string, after: string): ts.TextChangeRange {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { span: { start, length: before.length - start - end }, newLength: after.length - start - end };
}

/** The files a relative specifier may name, in resolution order (no disk access). */
export function specifierTargets(specifier: string, fromFile: string): string[] {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const stem = base.replace(/\.(m|c)?jsx?$/, '');
  return [
    base,
    ...SOURCE_EXTENSIONS.map((ext) => stem + ext),
    ...SOURCE_EXTENSIONS.map((ext) => path.join(base, 'index' + ext)),
  ];
}

/**
 * Holds file texts and parsed trees between runs. Editor buffers (overlays) stand in for the
 * disk; disk reads are cached by modification time and size, parses by text.
 */
export class Workspace {
  private readonly overlays = new Map<string, string>();
  private readonly diskCache = new Map<string, { mtimeMs: number; size: number; text: string }>();
  private readonly parseCache = new Map<string, ParsedFile>();
  private readonly resolutionCache = new Map<string, string | null>();

  setOverlay(file: string, text: string | undefined): void {
    if (text === undefined) this.overlays.delete(file);
    else this.overlays.set(file, text);
  }

  read(file: string): SourceText {
    const overlay = this.overlays.get(file);
    if (overlay !== undefined) return { file, text: overlay };
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) return { file, text: '', problem: 'not a regular file' };
      const cached = this.diskCache.get(file);
      if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return { file, text: cached.text };
      const text = fs.readFileSync(file, 'utf8');
      this.diskCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, text });
      return { file, text };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { file, text: '', problem: `cannot read the file (${code ?? (error as Error).message})` };
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
    const kind = embedded ? (embedded.lang === 'ts' ? ts.ScriptKind.TS : ts.ScriptKind.JS) : scriptKind(source.file);
    // An edited buffer is parsed incrementally: the compiler reuses the subtrees the edit did not touch.
    const sourceFile =
      cached && cached.sourceFile.text.length > INCREMENTAL_MIN_LENGTH
        ? ts.updateSourceFile(cached.sourceFile, code, changeRange(cached.sourceFile.text, code))
        : ts.createSourceFile(
            source.file,
            code,
            { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
            true,
            kind,
          );
    const parsed = { file: source.file, text: source.text, sourceFile };
    this.parseCache.set(source.file, parsed);
    return parsed;
  }

  /** Resolves a relative or bare specifier to a source file of the app (never into node_modules). */
  resolve(specifier: string, fromFile: string): string | undefined {
    if (!specifier.startsWith('.') && !specifier.startsWith('/')) return undefined;
    const key = `${path.dirname(fromFile)}\0${specifier}`;
    const cached = this.resolutionCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const found = specifierTargets(specifier, fromFile).find((c) => this.overlays.has(c) || isFile(c)) ?? null;
    this.resolutionCache.set(key, found);
    return found ?? undefined;
  }

  /** Forgets cached resolutions (files were created or deleted). */
  invalidateResolutions(): void {
    this.resolutionCache.clear();
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
