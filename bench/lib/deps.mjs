// Installs the comparison tools into bench/node_modules on first use, so the root package never depends on them.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BENCH, TOOLS } from './tools.mjs';

/** Runs `npm install --prefix bench` when a selected tool's packages are missing. */
export function ensureBenchDeps(toolNames) {
  const needed = [...new Set(toolNames.flatMap((name) => TOOLS[name].packages))];
  const missing = needed.filter((pkg) => !fs.existsSync(path.join(BENCH, 'node_modules', pkg, 'package.json')));
  if (!missing.length) return;
  console.log(`Installing the benchmark's own tools into bench/node_modules (missing: ${missing.join(', ')})...`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['install', '--prefix', BENCH, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`npm install --prefix bench failed (exit ${run.status})`);
}
