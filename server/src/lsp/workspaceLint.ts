// The "Lint Workspace" command: every JS/TS file of every workspace folder, with progress and cancellation.
import { MessageType, ShowMessageNotification, type Connection, type WorkDoneProgressReporter } from 'vscode-languageserver';
import type { Analyzer } from './analyzer.js';
import { cancelled, type Diagnoser } from './diagnoser.js';
import type { ProjectFiles } from './project-files.js';
import type { LintWorkspaceResult } from './protocol.js';

export async function lintWorkspace(
  connection: Connection,
  project: ProjectFiles,
  diagnoser: Diagnoser,
  analyzer: Analyzer,
  token: { isCancellationRequested: boolean },
  progress: WorkDoneProgressReporter,
): Promise<LintWorkspaceResult> {
  // The files the folders' discovery found: the ones the CLI lints there.
  const { files, problems } = await project.allFiles();
  if (token.isCancellationRequested) throw cancelled();
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
