// Watched-file events: what they change in the project's file list, in the engine's memory, and in the diagnostics shown.
import * as path from 'node:path';
import { FileChangeType, type Connection, type FileEvent, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE } from '../engine/config.js';
import { isLintableFile } from '../engine/files.js';
import type { Linter } from '../engine/linter.js';
import type { Analyzer } from './analyzer.js';
import type { Diagnoser } from './diagnoser.js';
import { fileToUri, uriToFile } from './paths.js';
import type { ProjectFiles } from './project-files.js';
import type { SettingsStore } from './settings.js';

export interface WatchContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  linter: Linter;
  project: ProjectFiles;
  analyzer: Analyzer;
  diagnoser: Diagnoser;
  settings: SettingsStore;
  /** A configuration file changed: every diagnostic shown may be wrong now. */
  configChanged(): void;
}

/**
 * Applies a batch of events. Open files are the editor's business; for the rest the disk is the
 * truth. A deleted file is forgotten everywhere (so memory stays bounded however many come and go),
 * and the files that depended on a changed, created or deleted file are analysed again.
 */
export function applyWatchedFiles(changes: FileEvent[], context: WatchContext): void {
  const { linter, analyzer, diagnoser } = context;
  let configChanged = false;
  const changed: string[] = [];
  const deleted: string[] = [];
  for (const change of changes) {
    const file = uriToFile(change.uri);
    if (!file) continue;
    const name = path.basename(file);
    if (name === CONFIG_FILE || name === 'package.json') configChanged = true;
    else if (isLintableFile(file) && !context.documents.get(change.uri)) (change.type === FileChangeType.Deleted ? deleted : changed).push(file);
  }
  context.project.apply(changes);
  // Worked out before the engine forgets the deleted files: afterwards nothing ties their importers to them.
  const dependents = [...changed, ...deleted].flatMap((file) => linter.dependentsOf(file));
  for (const file of deleted) {
    analyzer.forget(file);
    context.settings.forget(fileToUri(file));
    if (!diagnoser.pull) void context.connection.sendDiagnostics({ uri: fileToUri(file), diagnostics: [] });
  }
  linter.forget(deleted);
  // A created or deleted file can change what an import resolves to; a changed one, what it holds.
  if (changed.length || deleted.length) linter.filesChanged(changed);
  if (configChanged) context.configChanged();
  else {
    const gone = new Set(deleted);
    const again = [...changed, ...dependents].filter((file) => !gone.has(file));
    if (again.length) void diagnoser.rediagnose(again);
  }
}
