// Which files an analysis takes in: the cheap text facts of every file, and from them the files worth parsing.
import * as path from 'node:path';
import { digest, type FactsCache } from './cache.js';
import { stampOf } from './disk.js';
import { mayHaveDirectives } from './directives.js';
import { STRONG_WORDS } from './sdk.js';
import { RELATIVE_IMPORT, firstTarget, mentionsSdk, relativeImports, type SourceText, type Workspace } from './workspace.js';

/** What the pre-filter knows of a file from its text alone. */
export interface Facts {
  /** Names the SDK or one of its identifier methods. */
  strong: boolean;
  /** Re-exports from another module (`export … from`), so it may pass an instance along. */
  reexports: boolean;
  /** Relative import specifiers. */
  imports: string[];
}

const EXPORT_START = /\bexport\s*([*{])/g;
const FROM = /\s*from\b/y;

/**
 * Whether the text re-exports from another module (`export * from`, `export { a } from`): the
 * pattern `\bexport\s*(?:\*|\{[^}]*\})\s*from\b`, with each brace's end found by indexOf, since the
 * regular expression alone rescans to the end of the text for every unclosed `export {`.
 */
export function reexports(text: string): boolean {
  const start = new RegExp(EXPORT_START);
  let braceless = text.length + 1;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    let at = match.index + match[0].length;
    if (match[1] === '{') {
      const close = at < braceless ? text.indexOf('}', at) : -1;
      if (close < 0) {
        braceless = Math.min(braceless, at);
        continue;
      }
      at = close + 1;
    }
    FROM.lastIndex = at;
    if (FROM.test(text)) return true;
  }
  return false;
}

/** Identifies the pre-filter (the code that computes facts): facts kept by another version of it are not used. */
const FACTS_VERSION = digest(
  [STRONG_WORDS.join('|'), RELATIVE_IMPORT.source, EXPORT_START.source, FROM.source, mentionsSdk, relativeImports, reexports, mayHaveDirectives].map(String).join('\n'),
);

const SOURCE_EXTENSION = /\.(?:[cm]?[jt]sx?|[jt]sx)$/i;

/** A module path without its source extension: what a specifier with or without one names. */
function moduleStem(file: string): string {
  return file.replace(SOURCE_EXTENSION, '');
}
/** How far an import of a requested file is followed on disk through re-exporting barrels. */
const MAX_BARREL_DEPTH = 3;

/**
 * The analysis universe of a request is the requested files, the project's other files (when the
 * editor has told which they are), and modules the requested files import from disk. Findings
 * then never depend on which files happened to be asked about: the editor answers as the CLI does.
 */
export class Candidates {
  private readonly facts = new Map<string, Facts>();
  /** Reverse imports: a file any specifier may name → the files whose specifiers may name it. */
  private readonly importers = new Map<string, Set<string>>();
  private readonly projects = new Map<string, string[]>();
  /** The files analysed by the last two runs, for dependentsOf: an edit can take a file out of the group. */
  private lastGroup = new Set<string>();
  private previousGroup = new Set<string>();

  /** Facts kept across runs, for the run under way (LintRequest.cache). */
  private cache: FactsCache | undefined;

  constructor(private readonly workspace: Workspace) {}

  /** Uses a facts cache for the run under way (undefined when it is over). */
  useCache(cache: FactsCache | undefined): void {
    cache?.open(FACTS_VERSION);
    this.cache = cache;
  }

  /** The lintable files of a project folder (an editor's workspace folder); undefined forgets it. */
  setProjectFiles(root: string, files: string[] | undefined): void {
    if (files) this.projects.set(root, files);
    else this.projects.delete(root);
  }

  /** A file's text changed (edited, or changed on disk): its facts are read again when needed. */
  invalidate(file: string): void {
    this.setFacts(file, undefined);
  }

  /** A file deleted, or a buffer closed for good: nothing of it is kept. */
  forget(file: string): void {
    this.setFacts(file, undefined);
    this.lastGroup.delete(file);
    this.previousGroup.delete(file);
  }

  /** What reads skip changed: every file's facts are read again when needed. */
  invalidateAll(): void {
    this.facts.clear();
    this.importers.clear();
  }

  /** Facts of a text just read. */
  record(source: SourceText): Facts {
    const facts = source.problem
      ? { strong: false, reexports: false, imports: [] }
      : { strong: mentionsSdk(source.text), reexports: reexports(source.text), imports: relativeImports(source.text) };
    this.setFacts(source.file, facts);
    return facts;
  }

  /** Facts known without reading the file (kept from an earlier run). */
  adopt(file: string, facts: Facts): void {
    this.setFacts(file, facts);
  }

  private setFacts(file: string, facts: Facts | undefined): void {
    const previous = this.facts.get(file);
    if (previous) {
      for (const stem of this.importedStems(file, previous)) {
        const set = this.importers.get(stem);
        // An empty set goes too: else every specifier ever typed in a buffer would keep a key.
        if (set?.delete(file) && set.size === 0) this.importers.delete(stem);
      }
    }
    if (!facts) {
      this.facts.delete(file);
      return;
    }
    this.facts.set(file, facts);
    for (const stem of this.importedStems(file, facts)) {
      let set = this.importers.get(stem);
      if (!set) this.importers.set(stem, (set = new Set()));
      set.add(file);
    }
  }

  /** What each import names, extension dropped: `./a` and `./a.js` both name the stem `/dir/a`. */
  private importedStems(file: string, facts: Facts): string[] {
    const dir = path.dirname(file);
    return facts.imports.map((specifier) => moduleStem(path.resolve(dir, specifier)));
  }

  /** Known files whose imports may name `file` (by its stem, or its folder for an index file). */
  private importersOfFile(file: string): Iterable<string> {
    const stem = moduleStem(file);
    const direct = this.importers.get(stem);
    if (path.basename(stem) !== 'index') return direct ?? [];
    const viaFolder = this.importers.get(path.dirname(stem));
    return [...(direct ?? []), ...(viaFolder ?? [])];
  }

  private factsOf(file: string): Facts {
    return this.facts.get(file) ?? this.learn(file).facts;
  }

  /**
   * Reads a file's facts: from the facts cache when the file is unchanged since (then the file is not
   * read, and `source` is undefined), else from its text, which then goes into the cache.
   */
  learn(file: string): { facts: Facts; directives: boolean; source?: SourceText } {
    // An editor buffer is not what the disk's stamp describes.
    const cache = this.workspace.hasOverlay(file) ? undefined : this.cache;
    const stamp = cache && stampOf(file);
    // A file the size limit now skips is read, so that the read says so.
    const known = stamp && !this.workspace.skipsForSize(file, stamp.size) ? cache!.lookup(file, stamp) : undefined;
    if (known) {
      const facts = { strong: known.strong, reexports: known.reexports, imports: known.imports };
      this.setFacts(file, facts);
      return { facts, directives: known.directives };
    }
    const source = this.workspace.read(file);
    const facts = this.record(source);
    const directives = !source.problem && mayHaveDirectives(source.text);
    if (stamp && !source.problem) cache!.remember(file, stamp, { ...facts, directives });
    return { facts, directives, source };
  }

  /** The requested files, the projects around them, and the SDK modules they import from disk. */
  universe(requested: string[]): string[] {
    const out = new Set(requested);
    for (const [root, files] of this.projects) {
      if (requested.some((f) => f.startsWith(root + path.sep))) for (const file of files) out.add(file);
    }
    const known = new Set(out);
    let frontier = requested.filter((f) => this.factsOf(f).imports.length);
    for (let depth = 0; frontier.length && depth < MAX_BARREL_DEPTH; depth++) {
      const next: string[] = [];
      for (const file of frontier) {
        for (const specifier of this.factsOf(file).imports) {
          if (firstTarget(specifier, file, (t) => known.has(t)) !== undefined) continue;
          const target = this.workspace.resolve(specifier, file);
          if (!target || out.has(target)) continue;
          const facts = this.factsOf(target);
          if (facts.strong || facts.reexports) out.add(target);
          if (facts.reexports) next.push(target);
        }
      }
      frontier = next;
    }
    return [...out];
  }

  /**
   * Files worth parsing: those that name the SDK or its identifier methods, barrels that re-export
   * them, and files that import any of those (they may call a wrapper with a user ID). Everything
   * else costs only the text scan.
   */
  select(universe: string[]): string[] {
    const inUniverse = new Set(universe);
    const strong = new Set(universe.filter((f) => this.factsOf(f).strong));
    const queue = [...strong];
    while (queue.length) {
      for (const importer of this.importersOfFile(queue.pop()!)) {
        if (!strong.has(importer) && inUniverse.has(importer) && this.factsOf(importer).reexports) {
          strong.add(importer);
          queue.push(importer);
        }
      }
    }
    return [...strong, ...this.importersOf(strong, universe)];
  }

  /** Files of the universe, not in `known`, that import a file in `known`. */
  importersOf(known: Set<string>, universe: string[]): string[] {
    const inUniverse = new Set(universe);
    const out = new Set<string>();
    for (const file of known) {
      for (const importer of this.importersOfFile(file)) if (!known.has(importer) && inUniverse.has(importer)) out.add(importer);
    }
    return [...out];
  }

  /** Remembers what a run analysed. */
  analysed(files: string[]): void {
    this.previousGroup = this.lastGroup;
    this.lastGroup = new Set(files);
  }

  /**
   * Files whose findings may change when `file` changes: the files analysed with it before and after
   * the change (a finding sits where a value is written, which may be a module its users import) and
   * the files importing it.
   */
  dependentsOf(file: string): string[] {
    const out = new Set<string>();
    for (const group of [this.lastGroup, this.previousGroup]) if (group.has(file)) for (const member of group) out.add(member);
    const seen = new Set([file]);
    const queue = [file];
    while (queue.length) {
      for (const importer of this.importersOfFile(queue.pop()!)) {
        if (seen.has(importer)) continue;
        seen.add(importer);
        out.add(importer);
        queue.push(importer);
      }
    }
    out.delete(file);
    return [...out];
  }
}
