// Which callstats-lint command line the "lint workspace" task runs: the workspace's own, else the one in the extension.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

export interface CliChoice {
  /** The script to run with Node.js. */
  script: string;
  /** `workspace`: the callstats-lint the folder installed (the version its CI runs); `bundled`: the extension's. */
  from: 'workspace' | 'bundled';
}

/**
 * The callstats-lint that Node.js resolution finds from `folder` (its node_modules or one above, as npx
 * finds it), else `bundled` (dist/cli.js of the extension). Only tasks run it, and VS Code runs tasks
 * only in trusted workspaces.
 */
export function findCli(folder: string, bundled: string): CliChoice {
  try {
    const manifest = createRequire(path.join(folder, 'package.json')).resolve('callstats-lint/package.json');
    const script = path.join(path.dirname(manifest), 'bin', 'callstats-lint.js');
    if (fs.existsSync(script)) return { script, from: 'workspace' };
  } catch {
    // Not installed there: the extension's own.
  }
  return { script: bundled, from: 'bundled' };
}
