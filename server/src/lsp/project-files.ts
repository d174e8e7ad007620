// Each workspace folder's files, found as the CLI finds them and a slice at a time, so an open file is analysed with the whole project without waiting for it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { CONFIG_FILE } from '../engine/config.js';
import { FolderDiscovery, type IgnorePatterns } from '../engine/files.js';
import type { Linter } from '../engine/linter.js';
import { uriToFile } from './paths.js';

/**
 * Past these a folder is no app but a home folder or `/`: its files are analysed with the modules
 * they import only (as the CLI analyses a file named alone), and memory stays bounded.
 */
export const PROJECT_LIMITS = { maxFiles: 50_000, maxEntries: 500_000 };
/** Files that decide what a folder's discovery lists. */
const LISTING_FILES = new Set(['.gitignore', CONFIG_FILE, 'package.json']);
/** How long discovery runs before it lets the editor's requests in. */
const SLICE_MS = 15;
/** How long a file's first analysis waits for its folder's files: past it, the file goes first. */
const READY_BUDGET_MS = 1000;

interface Folder {
  discovery: FolderDiscovery;
  /** The folder's files, once discovered (undefined before, and for a folder past the limits). */
  files: Set<string> | undefined;
  /** Resolves once discovery is over. */
  done: Promise<void>;
  /** Watched-file events that came while discovery ran: applied when it is over. */
  pending: FileEvent[];
  /** A file was analysed before discovery was over, so without the folder's other files. */
  early: boolean;
}

export class ProjectFiles {
  private readonly byFolder = new Map<string, Folder>();

  constructor(
    private readonly linter: Linter,
    /**
     * A folder's discovery is over: its files are the project now (unless `truncated`); `early` when
     * files were analysed before, without them.
     */
    private readonly onDiscovered: (folder: string, truncated: boolean, early: boolean) => void = () => undefined,
    /** A fresh look-up of the configuration's `ignores` for the files of a folder, as the CLI applies them. */
    private readonly ignores: () => (folder: string) => IgnorePatterns | undefined = () => () => undefined,
  ) {}

  /** Starts discovering new folders and forgets folders no longer open. */
  setFolders(folders: string[]): void {
    for (const folder of this.byFolder.keys()) {
      if (!folders.includes(folder)) {
        this.byFolder.delete(folder);
        this.linter.setProjectFiles(folder, undefined);
      }
    }
    for (const folder of folders) if (!this.byFolder.has(folder)) this.discover(folder);
  }

  /** Discovers a folder again from scratch (a .gitignore or a configuration changed what it lists). */
  private discover(root: string): void {
    const discovery = new FolderDiscovery(root, PROJECT_LIMITS, { configIgnores: this.ignores() });
    const folder: Folder = { discovery, files: undefined, done: Promise.resolve(), pending: [], early: false };
    this.byFolder.set(root, folder);
    const current = () => this.byFolder.get(root) === folder;
    folder.done = (async () => {
      while (!folder.discovery.step(performance.now() + SLICE_MS)) {
        await new Promise((resolve) => setImmediate(resolve));
        if (!current()) return;
      }
      if (!current()) return;
      if (!folder.discovery.truncated) {
        folder.files = new Set(folder.discovery.files);
        this.applyTo(folder, folder.pending);
      }
      folder.pending = [];
      this.linter.setProjectFiles(root, folder.files && [...folder.files]);
      this.onDiscovered(root, folder.discovery.truncated, folder.early);
    })();
  }

  /**
   * Resolves once the folder holding `file` is discovered, or once READY_BUDGET_MS have passed:
   * a file's analysis waits that long for its project, then goes first (and again once it is known).
   */
  async ready(file: string): Promise<void> {
    const root = this.folderOf(file);
    const folder = root === undefined ? undefined : this.byFolder.get(root);
    if (!folder || folder.files || folder.discovery.truncated) return;
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([folder.done.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), READY_BUDGET_MS)))]);
    clearTimeout(timer);
    if (late) folder.early = true;
  }

  /** The open workspace folder holding a file, if any (the innermost). */
  folderOf(file: string): string | undefined {
    let found: string | undefined;
    for (const folder of this.byFolder.keys()) {
      if (file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep) && (!found || folder.length > found.length)) found = folder;
    }
    return found;
  }

  /** Whether the folders' discoveries are over. */
  get discovered(): boolean {
    return [...this.byFolder.values()].every((folder) => folder.files !== undefined || folder.discovery.truncated);
  }

  /**
   * Every folder's files, once their discoveries are over: the workspace's file set, the one the
   * CLI would lint in each folder (for a folder past the limits, the files found before it stopped).
   */
  async allFiles(): Promise<{ files: string[]; problems: string[] }> {
    await Promise.all([...this.byFolder.values()].map((folder) => folder.done));
    const files = new Set<string>();
    const problems: string[] = [];
    for (const [root, folder] of this.byFolder) {
      for (const file of folder.files ?? folder.discovery.files) files.add(file);
      problems.push(...folder.discovery.problems.map((p) => `${p.path}: ${p.message}`));
      if (folder.discovery.truncated) problems.push(`${root}: more than ${PROJECT_LIMITS.maxFiles} files or ${PROJECT_LIMITS.maxEntries} entries; only those found first are listed`);
    }
    return { files: [...files].sort(), problems };
  }

  /**
   * Applies watched-file events: a created file joins its folder's list when discovery would list
   * it (not git-ignored, not in node_modules), a deleted one leaves it, and a changed .gitignore
   * makes the folder be discovered again.
   */
  apply(changes: FileEvent[]): void {
    for (const [root, folder] of [...this.byFolder]) {
      const inside = changes.filter((change) => {
        const file = uriToFile(change.uri);
        return file !== undefined && this.folderOf(file) === root;
      });
      if (!inside.length) continue;
      // A .gitignore or a configuration (its `ignores`) changes what is listed; a folder created (moved
      // in, say) brings files no event names.
      if (inside.some((change) => LISTING_FILES.has(path.basename(uriToFile(change.uri)!)) || (change.type === FileChangeType.Created && isFolder(uriToFile(change.uri)!)))) {
        this.discover(root);
        continue;
      }
      if (!folder.files) {
        if (!folder.discovery.truncated) folder.pending.push(...inside);
        continue;
      }
      if (this.applyTo(folder, inside)) this.linter.setProjectFiles(root, [...folder.files]);
    }
  }

  /** Applies created and deleted files to a discovered folder's list; true when it changed. */
  private applyTo(folder: Folder, changes: FileEvent[]): boolean {
    let changed = false;
    for (const change of changes) {
      const file = uriToFile(change.uri);
      if (!file || !folder.files) continue;
      if (change.type === FileChangeType.Created && folder.discovery.wouldList(file) && !folder.files.has(file)) {
        folder.files.add(file);
        changed = true;
      }
      if (change.type !== FileChangeType.Deleted) continue;
      // A folder deleted is one event for all its files.
      const below = file + path.sep;
      for (const listed of folder.files) {
        if (listed === file || listed.startsWith(below)) {
          folder.files.delete(listed);
          changed = true;
        }
      }
    }
    return changed;
  }
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
