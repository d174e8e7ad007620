// Shared by the bad-input reliability tests: the real CLI in a child process, its JSON report, and a common fixture.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../helpers/lint.js';

export const BIN = path.join(ROOT, 'bin', 'callstats-lint.js');

/** id-max-bytes (error) at 2:32-2:47, on the `'x'.repeat(300)` of line 2. */
export const TOO_LONG = "const cs = new callstats();\ncs.initialize('app', 'secret', 'x'.repeat(300));\n";
export const TOO_LONG_MESSAGE = 'userID is 300 bytes in UTF-8 (300 characters); the limit is 256';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(cwd: string, args: string[], options: SpawnSyncOptions = {}): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' }, maxBuffer: 64 * 1024 * 1024, ...options });
  return { code: run.status, stdout: String(run.stdout), stderr: String(run.stderr) };
}

export interface JsonMessage {
  ruleId: string | null;
  message: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  fatal?: boolean;
}

/** The JSON report as `relative path → ["line:column ruleId" or "fatal: message", ...]`. */
export function jsonReport(dir: string, stdout: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const result of JSON.parse(stdout) as { filePath: string; messages: JsonMessage[] }[]) {
    const name = path.relative(dir, result.filePath).split(path.sep).join('/');
    out[name] = result.messages.map((m) => (m.fatal ? `fatal: ${m.message}` : `${m.line}:${m.column} ${m.ruleId}`));
  }
  return out;
}
