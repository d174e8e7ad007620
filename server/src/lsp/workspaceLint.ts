// The "Lint Workspace" command: every JS/TS file of every workspace folder, with progress and cancellation.
import { MessageType, ShowMessageNotification, type Connection, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { discoverFiles } from '../engine/files.js';
import type { Analyzer } from './analyzer.js';
import { cancelled, type Diagnoser } from './diagnoser.js';
import type { LintWorkspaceResult } from './protocol.js';

/** The lintable files of the folders, as the CLI would find them (.gitignore honoured). */
export function discoverWorkspace(folders: string[]): { files: string[]; problems: string[] } {
  const files = new Set<string>();
  const problems: string[] = [];
  for (const folder of folders) {
    const found = discoverFiles(['.'], folder);
    for (const file of found.files) files.add(file);
    problems.push(...found.problems.map((p) => `${p.path}: ${p.message}`));
  }
  return { files: [...files].sort(), problems };
}

export async function lintWorkspace(
  connection: Connection,
  folders: string[],
  diagnoser: Diagnoser,
  analyzer: Analyzer,
  token: { isCancellationRequested: boolean },
  progress: WorkDoneProgressReporter,
): Promise<LintWorkspaceResult> {
  const { files, problems } = discoverWorkspace(folders);
  progress.begin('callstats-lint', 0, `Linting ${files.length} files`, true);
  const startedAt = Date.now();
  try {
    const analyses = await analyzer.analyseMany(
      files.map((file) => diagnoser.targetOfFile(file)),
      () => token.isCancellationRequested,
      (done) => progress.report(Math.floor((done / Math.max(files.length, 1)) * 100), `${done}/${files.length}`),
    );
    if (!analyses) throw cancelled();
    diagnoser.workspaceScanned = true;
    // Pull clients get the results through workspace/diagnostic; publishing too would show them twice.
    if (diagnoser.pull) diagnoser.requestRefresh();
    else for (const analysis of analyses) diagnoser.publish(analysis);
    diagnoser.sendStatus(analyses, startedAt);
    if (problems.length) {
      const message = `callstats-lint could not read: ${problems.join('; ')}`;
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
    return { files: files.length, findings: analyses.reduce((n, a) => n + a.findings.length, 0), problems };
  } finally {
    progress.done();
  }
}
