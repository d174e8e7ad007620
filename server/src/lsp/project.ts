// Keeps the engine's list of each workspace folder's files current, so an open file is analysed with the whole project.
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverFiles, isLintableFile } from '../engine/files.js';
import type { Linter } from '../engine/linter.js';

export class ProjectFiles {
  private readonly byFolder = new Map<string, Set<string>>();

  constructor(private readonly linter: Linter) {}

  /** Discovers the folders' files as the CLI would (.gitignore honoured) and forgets folders no longer open. */
  setFolders(folders: string[]): void {
    for (const folder of this.byFolder.keys()) {
      if (!folders.includes(folder)) {
        this.byFolder.delete(folder);
        this.linter.setProjectFiles(folder, undefined);
      }
    }
    for (const folder of folders) {
      if (this.byFolder.has(folder)) continue;
      const files = new Set(discoverFiles(['.'], folder).files);
      this.byFolder.set(folder, files);
      this.linter.setProjectFiles(folder, [...files]);
    }
  }

  /** The open workspace folder holding a file, if any (the innermost). */
  folderOf(file: string): string | undefined {
    let found: string | undefined;
    for (const folder of this.byFolder.keys()) {
      if (file.startsWith(folder + path.sep) && (!found || folder.length > found.length)) found = folder;
    }
    return found;
  }

  /** Applies watched-file events: created and deleted files join or leave their folder's list. */
  apply(changes: FileEvent[]): void {
    const touched = new Set<string>();
    for (const change of changes) {
      if (!change.uri.startsWith('file:')) continue;
      const file = fileURLToPath(change.uri);
      if (!isLintableFile(file)) continue;
      for (const [folder, files] of this.byFolder) {
        if (!file.startsWith(folder)) continue;
        if (change.type === FileChangeType.Created) files.add(file);
        if (change.type === FileChangeType.Deleted) files.delete(file);
        if (change.type !== FileChangeType.Changed) touched.add(folder);
      }
    }
    for (const folder of touched) this.linter.setProjectFiles(folder, [...this.byFolder.get(folder)!]);
  }
}
