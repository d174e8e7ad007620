// The command line run in this process: main() with a test's streams, in a given folder (test/cli/cli.test.ts spawns the real bin).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { main } from '../../server/src/cli.js';
import { RULES } from '../../server/src/rules/index.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Standard input's text. */
  stdin?: string;
  /** The environment main() sees (colour variables); empty by default. */
  env?: NodeJS.ProcessEnv;
  /** Whether standard output is a terminal. */
  tty?: boolean;
}

/**
 * Runs `callstats-lint ...args` in `cwd`. Tests in a file run one after another, so changing the
 * working folder for the run is safe; it is restored afterwards.
 */
export async function runCli(cwd: string, args: string[], options: CliOptions = {}): Promise<CliRun> {
  const previous = process.cwd();
  let stdout = '';
  let stderr = '';
  process.chdir(cwd);
  try {
    const code = await main(args, RULES, {
      stdout: { write: (text: string, done?: () => void) => ((stdout += text), done?.()), isTTY: options.tty },
      stderr: { write: (text: string, done?: () => void) => ((stderr += text), done?.()) },
      stdin: async function* () {
        if (options.stdin !== undefined) yield Buffer.from(options.stdin);
      },
      env: options.env ?? {},
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(previous);
  }
}

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder with these files (path → text or bytes), removed after the test file. */
export function tree(files: Record<string, string | Uint8Array>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'callstats-lint-cli-')));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
