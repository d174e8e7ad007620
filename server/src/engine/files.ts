// File discovery for the CLI: paths and globs to the JavaScript/TypeScript files (and pages with scripts) to lint, honouring .gitignore.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { RefusedRead, readRegularFile } from './disk.js';

export interface Discovery {
  files: string[];
  /** The files among `files` that a pattern named directly (not found in a folder or by a glob). */
  named: string[];
  /**
   * The real paths of the folders walked and the files named: what the patterns cover. A file found
   * in a folder through a link that leads elsewhere is outside them.
   */
  roots: string[];
  /** Files named directly that an ignore rule covers: not linted, and reported as ignored. */
  ignored: string[];
  /** Files named directly that are neither scripts nor pages with scripts: not linted, only noted. */
  skipped: string[];
  /** How many lintable files ignore rules left out of folders and globs. */
  ignoredCount: number;
  problems: { path: string; message: string }[];
}

/** Globs relative to a folder, as in `ignores` of a configuration (a trailing `/` matches folders only). */
export interface IgnorePatterns {
  base: string;
  patterns: readonly string[];
}

export interface IgnoreOptions {
  /** false turns every ignore rule off (--no-ignore); node_modules and .git are still not walked into. */
  ignore?: boolean;
  /** Globs relative to the working folder (--ignore-pattern). */
  patterns?: readonly string[];
  /** The `ignores` of the configuration that applies to the files of a folder. */
  configIgnores?: (folder: string) => IgnorePatterns | undefined;
  /** Told the names of each folder the walk lists (the configuration lookup need not ask the disk again). */
  listed?: (folder: string, names: string[]) => void;
}

/** Scripts, and the pages whose <script> blocks hold scripts (HTML, Vue, Svelte). */
export const LINTABLE = /\.(?:[cm]?[jt]s|[jt]sx|html?|vue|svelte)$/i;
const DECLARATION = /\.d\.[cm]?ts$/;
/** Never walked into: dependencies and git's own data are not the app's code. */
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** A .gitignore longer than this is not one a person wrote. */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

export function isLintableFile(file: string): boolean {
  return LINTABLE.test(file) && !DECLARATION.test(file);
}

/** The rules of one .gitignore, which apply below its folder. */
interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

function errorMessage(error: unknown, what: string): string {
  if (error instanceof RefusedRead) return `cannot read ${what}: ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return `cannot read ${what}: permission denied`;
  return `cannot read ${what}: ${code ?? String(error)}`;
}

/** Compiled ignore globs of one folder; a folder matches a pattern or anything above it does. */
class GlobLayer {
  private readonly any: picomatch.Matcher;
  private readonly folders: picomatch.Matcher;

  constructor(
    readonly base: string,
    patterns: readonly string[],
  ) {
    const strip = (p: string) => (p.endsWith('/') ? p.slice(0, -1) : p);
    this.any = picomatch(patterns.filter((p) => !p.endsWith('/')), { dot: true });
    this.folders = picomatch(patterns.map(strip), { dot: true });
  }

  /** Whether `entry` or a folder between the base and it is ignored. */
  covers(entry: string, isDir: boolean): boolean {
    const rel = toPosix(path.relative(this.base, entry));
    if (!rel || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) if (this.folders(parts.slice(0, i).join('/'))) return true;
    return isDir ? this.folders(rel) : this.any(rel);
  }
}

/** `.git/info/exclude` of the repository whose work tree is `root` (a linked work tree keeps it in the main one). */
function excludeFile(root: string): string | undefined {
  const dotGit = path.join(root, '.git');
  try {
    if (fs.statSync(dotGit).isDirectory()) return path.join(dotGit, 'info', 'exclude');
    const pointer = readRegularFile(dotGit, MAX_IGNORE_FILE_BYTES).toString('utf8').trim();
    const gitDir = path.resolve(root, pointer.startsWith('gitdir:') ? pointer.slice('gitdir:'.length).trim() : pointer);
    let common = gitDir;
    try {
      common = path.resolve(gitDir, readRegularFile(path.join(gitDir, 'commondir'), MAX_IGNORE_FILE_BYTES).toString('utf8').trim());
    } catch {
      // Not a linked work tree: the git folder is the common one.
    }
    return path.join(common, 'info', 'exclude');
  } catch {
    return undefined;
  }
}

/** The folder holding `.git` above `dir`, if any. */
function gitRoot(dir: string): string | undefined {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
}

class Walker {
  readonly files = new Set<string>();
  readonly problems: Discovery['problems'] = [];
  /** Real paths of folders walked for the current pattern: symlink loops end here. */
  private visited = new Set<string>();
  readonly named = new Set<string>();
  readonly roots = new Set<string>();
  /** Real paths of files found, to the path listed: a file reached through a link and directly is linted once. */
  private readonly realFiles = new Map<string, string>();
  private readonly layers = new Map<string, IgnoreLayer | null>();
  /** Folders being walked, innermost last: what is left of each. */
  private readonly stack: { dir: string; real: string; entries: fs.Dirent[]; next: number; active: IgnoreLayer[]; accept: (file: string) => boolean }[] = [];
  /** Entries listed so far, folders and files alike. */
  entries = 0;
  readonly ignoredNamed = new Set<string>();
  readonly skipped = new Set<string>();
  ignoredCount = 0;
  private readonly useIgnores: boolean;
  private readonly cliLayer: GlobLayer | undefined;
  private readonly configLayers = new Map<string, GlobLayer | undefined>();
  private readonly folderLayers = new Map<string, GlobLayer | undefined>();

  constructor(
    readonly cwd: string,
    private readonly options: IgnoreOptions = {},
  ) {
    this.useIgnores = options.ignore !== false;
    this.cliLayer = options.patterns?.length ? new GlobLayer(cwd, options.patterns) : undefined;
  }

  /** The configuration's ignores for the files of `folder`, compiled once per configuration folder. */
  private configLayer(folder: string): GlobLayer | undefined {
    // Asked for every entry of a folder: the answer is the folder's.
    if (this.folderLayers.has(folder)) return this.folderLayers.get(folder);
    const found = this.options.configIgnores?.(folder);
    let layer: GlobLayer | undefined;
    if (found?.patterns.length) {
      if (!this.configLayers.has(found.base)) this.configLayers.set(found.base, new GlobLayer(found.base, found.patterns));
      layer = this.configLayers.get(found.base);
    }
    this.folderLayers.set(folder, layer);
    return layer;
  }

  /** Whether an ignore pattern (the configuration's or the command line's) covers an entry of a folder. */
  private globIgnored(entry: string, isDir: boolean): boolean {
    if (this.cliLayer?.covers(entry, isDir)) return true;
    return this.configLayer(path.dirname(entry))?.covers(entry, isDir) ?? false;
  }

  /**
   * The .gitignore layers that apply to a walk starting at `dir`: every .gitignore from the git
   * root (or from cwd when not in a repository) down to `dir`, so a walk of a subfolder still
   * honours the rules of the folders above it.
   */
  layersAbove(dir: string): IgnoreLayer[] {
    const inCwd = dir === this.cwd || dir.startsWith(this.cwd + path.sep);
    const top = gitRoot(dir) ?? (inCwd ? this.cwd : dir);
    const chain: string[] = [];
    for (let current = dir; ; current = path.dirname(current)) {
      chain.unshift(current);
      if (current === top || path.dirname(current) === current) break;
    }
    // As in git, .git/info/exclude comes first: any .gitignore can override it.
    const exclude = top === gitRoot(dir) ? this.excludeLayer(top) : undefined;
    return [...(exclude ? [exclude] : []), ...chain.slice(0, -1).flatMap((folder) => this.layerOf(folder) ?? [])];
  }

  private excludeLayer(root: string): IgnoreLayer | undefined {
    const key = `${root}\0exclude`;
    if (!this.layers.has(key)) {
      const file = excludeFile(root);
      let layer: IgnoreLayer | null = null;
      try {
        if (file) layer = { base: root, rules: ignore().add(readRegularFile(file, MAX_IGNORE_FILE_BYTES).toString('utf8')) };
      } catch {
        // No exclude file: most repositories have only git's template, or none.
      }
      this.layers.set(key, layer);
    }
    return this.layers.get(key) ?? undefined;
  }

  layerOf(dir: string): IgnoreLayer | null {
    if (!this.layers.has(dir)) {
      let layer: IgnoreLayer | null = null;
      const file = path.join(dir, '.gitignore');
      try {
        layer = { base: dir, rules: ignore().add(readRegularFile(file, MAX_IGNORE_FILE_BYTES).toString('utf8')) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          this.problems.push({ path: file, message: errorMessage(error, 'file') });
        }
      }
      this.layers.set(dir, layer);
    }
    return this.layers.get(dir) ?? null;
  }

  /** Records that a folder has no .gitignore (its listing shows none). */
  private noLayer(dir: string): null {
    if (!this.layers.has(dir)) this.layers.set(dir, null);
    return null;
  }

  /** Deeper .gitignore files override shallower ones, as in git (a `!pattern` can re-include); ignore patterns cover the rest. */
  isIgnored(entry: string, isDir: boolean, layers: IgnoreLayer[]): boolean {
    if (!this.useIgnores) return false;
    if (this.globIgnored(entry, isDir)) return true;
    let ignored = false;
    for (const layer of layers) {
      const rel = toPosix(path.relative(layer.base, entry)) + (isDir ? '/' : '');
      const result = layer.rules.test(rel);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  /** Walks a folder to the end (see enter and drain). */
  walk(dir: string, layers: IgnoreLayer[], accept: (file: string) => boolean, real?: string): void {
    this.enter(dir, layers, accept, real);
    this.drain(Infinity);
  }

  /**
   * Starts walking a folder: lists it and puts it on the stack. `real` is its real path when already
   * known. Only roots and symbolic links need a realpath call: an entry that is not a link, in a folder
   * whose path is real, has a real path too.
   */
  enter(dir: string, layers: IgnoreLayer[], accept: (file: string) => boolean, real?: string): void {
    let entries: fs.Dirent[];
    try {
      real ??= fs.realpathSync.native(dir);
      if (this.visited.has(real)) return;
      this.visited.add(real);
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.problems.push({ path: dir, message: errorMessage(error, 'directory') });
      return;
    }
    this.options.listed?.(dir, entries.map((e) => e.name));
    // The listing tells whether there is a .gitignore: most folders have none, and a failed read costs an exception.
    const own = entries.some((e) => e.name === '.gitignore') ? this.layerOf(dir) : this.noLayer(dir);
    const active = own ? [...layers, own] : layers;
    this.stack.push({ dir, real, entries: entries.sort((a, b) => (a.name < b.name ? -1 : 1)), next: 0, active, accept });
    this.entries += entries.length;
  }

  /**
   * Walks the folders on the stack, depth first in name order (as a recursive walk would), until
   * they are done (true) or `deadline` (a performance.now() time) has passed (false).
   */
  drain(deadline: number): boolean {
    for (let steps = 0; this.stack.length; steps++) {
      if (steps % 256 === 255 && performance.now() > deadline) return false;
      const frame = this.stack[this.stack.length - 1];
      if (frame.next === frame.entries.length) {
        this.stack.pop();
        continue;
      }
      const entry = frame.entries[frame.next++];
      const full = path.join(frame.dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      const link = entry.isSymbolicLink();
      if (link) {
        try {
          const target = fs.statSync(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link names nothing to lint
        }
      }
      if (isDir && SKIPPED_DIRS.has(entry.name)) continue;
      if (!isDir && !isFile) continue;
      if (this.isIgnored(full, isDir, frame.active)) {
        if (!isDir && frame.accept(full)) this.ignoredCount++;
        continue;
      }
      const realEntry = link ? undefined : path.join(frame.real, entry.name);
      if (isDir) this.enter(full, frame.active, frame.accept, realEntry);
      else if (frame.accept(full)) this.addFile(full, realEntry);
    }
    return true;
  }

  /** Stops the walk where it is. */
  stop(): void {
    this.stack.length = 0;
  }

  /** Lists a file once; returns the path it is listed under. `real` is its real path when already known. */
  addFile(file: string, real?: string): string {
    if (real === undefined) {
      try {
        real = fs.realpathSync.native(file);
      } catch {
        real = file; // keep the path as given; reading it will report the problem
      }
    }
    const listed = this.realFiles.get(real);
    if (listed !== undefined) return listed;
    this.realFiles.set(real, file);
    this.files.add(file);
    return file;
  }

  add(pattern: string): void {
    this.visited = new Set();
    const scan = picomatch.scan(pattern);
    // A path that exists is taken as it is, glob characters and all (Next.js's `pages/[id].js`), as ESLint does.
    if (scan.isGlob && !fs.existsSync(path.resolve(this.cwd, pattern))) {
      const base = path.resolve(this.cwd, scan.base || '.');
      const matches = picomatch(scan.glob, { posix: true });
      if (!fs.existsSync(base)) return;
      this.addRoot(base);
      this.walk(base, this.layersAbove(base), (file) => isLintableFile(file) && matches(toPosix(path.relative(base, file))));
      return;
    }
    const full = path.resolve(this.cwd, pattern);
    let stats: fs.Stats;
    try {
      stats = fs.statSync(full);
    } catch (error) {
      this.problems.push({ path: full, message: errorMessage(error, 'path') });
      return;
    }
    this.addRoot(full);
    if (stats.isDirectory()) {
      this.walk(full, this.layersAbove(full), isLintableFile);
    } else if (!isLintableFile(full)) {
      // lint-staged and pre-commit name every staged file: the others are noted, not an error.
      this.skipped.add(full);
    } else if (this.isNamedFileIgnored(full)) {
      this.ignoredNamed.add(full);
    } else {
      // A file named on the command line is linted even when it is large: the user asked.
      this.named.add(this.addFile(full));
    }
  }

  /** A named file is ignored as it would be in a walk: by a .gitignore above it, or an ignore pattern covering it or a folder above it. */
  isNamedFileIgnored(file: string): boolean {
    const dir = path.dirname(file);
    const own = this.layerOf(dir);
    return this.isIgnored(file, false, [...this.layersAbove(dir), ...(own ? [own] : [])]);
  }

  private addRoot(target: string): void {
    try {
      this.roots.add(fs.realpathSync.native(target));
    } catch {
      // Reading it reports the problem.
    }
  }
}

/**
 * Expands paths and globs (relative to `cwd`) to absolute, sorted, unique file paths. Folders are
 * walked recursively, skipping node_modules, .git and whatever .git/info/exclude, .gitignore files
 * and ignore patterns exclude (unless `options.ignore` is false).
 * Missing paths and unreadable folders become problems, never exceptions.
 */
export function discoverFiles(patterns: string[], cwd: string, options: IgnoreOptions = {}): Discovery {
  const walker = new Walker(path.resolve(cwd), options);
  for (const pattern of patterns) walker.add(pattern);
  return {
    files: [...walker.files].sort(),
    named: [...walker.named].sort(),
    roots: [...walker.roots],
    ignored: [...walker.ignoredNamed].sort(),
    skipped: [...walker.skipped].sort(),
    ignoredCount: walker.ignoredCount,
    problems: walker.problems,
  };
}

/** Whether a file named explicitly (which need not exist: standard input's --stdin-filename) is ignored. */
export function isIgnoredFile(file: string, cwd: string, options: IgnoreOptions = {}): boolean {
  return options.ignore !== false && new Walker(path.resolve(cwd), options).isNamedFileIgnored(path.resolve(cwd, file));
}

/**
 * The discovery of one folder as the CLI does it (`callstats-lint .` in that folder), done a slice at
 * a time so an editor can answer in between, and stopped past a size no app has: a folder that is
 * `/` or a home folder must not hold up the editor nor fill its memory.
 */
export class FolderDiscovery {
  private readonly walker: Walker;
  /** Stopped at `limits`: the list is not the folder's whole. */
  truncated = false;

  constructor(
    readonly root: string,
    private readonly limits: { maxFiles: number; maxEntries: number },
    options: IgnoreOptions = {},
  ) {
    this.walker = new Walker(path.resolve(root), options);
    this.walker.enter(this.walker.cwd, this.walker.layersAbove(this.walker.cwd), isLintableFile);
  }

  /** Walks on until done or `deadline` (a performance.now() time); true once done. */
  step(deadline: number): boolean {
    const done = this.walker.drain(deadline);
    if (this.walker.files.size > this.limits.maxFiles || this.walker.entries > this.limits.maxEntries) {
      this.truncated = true;
      this.walker.stop();
      return true;
    }
    return done;
  }

  get files(): string[] {
    return [...this.walker.files].sort();
  }

  get problems(): Discovery['problems'] {
    return this.walker.problems;
  }

  /** Whether the discovery would list `file`, one created since: lintable, in no skipped folder, ignored by no .gitignore. */
  wouldList(file: string): boolean {
    const rel = path.relative(this.walker.cwd, file);
    if (!isLintableFile(file) || !rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const parts = rel.split(path.sep);
    if (parts.slice(0, -1).some((part) => SKIPPED_DIRS.has(part))) return false;
    let layers = this.walker.layersAbove(this.walker.cwd);
    let dir = this.walker.cwd;
    for (const [i, part] of parts.entries()) {
      const own = this.walker.layerOf(dir);
      if (own) layers = [...layers, own];
      dir = path.join(dir, part);
      if (this.walker.isIgnored(dir, i < parts.length - 1, layers)) return false;
    }
    return true;
  }
}
