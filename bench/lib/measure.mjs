// Runs one command and measures it: wall time here, CPU and peak RSS from /usr/bin/time or, without it, an rusage probe preloaded into Node.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./rss-probe.cjs', import.meta.url));
const GNU_TIME = '/usr/bin/time';

/** Which way peak RSS is read: 'time' when GNU time is installed (and not switched off with BENCH_NO_TIME=1), else 'probe'. */
export function rssMethod() {
  if (process.env.BENCH_NO_TIME === '1') return 'probe';
  return fs.existsSync(GNU_TIME) ? 'time' : 'probe';
}

/**
 * Runs `node script ...args` in `cwd` with stdout to `stdoutFile` (or /dev/null) and returns
 * { wallMs, cpuMs, maxRssKb, exitCode, stderr }. Every tool measured here is started through Node
 * (oxlint's npm bin loads its native binding into Node), so the probe fallback covers them all.
 */
export function measureNode(script, args, { cwd, stdoutFile, method = rssMethod() }) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-run-'));
  const usageFile = path.join(scratch, 'usage');
  const out = fs.openSync(stdoutFile ?? '/dev/null', 'w');
  const err = path.join(scratch, 'stderr');
  const errFd = fs.openSync(err, 'w');
  let command = process.execPath;
  let argv = [script, ...args];
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  if (method === 'time') {
    argv = ['-f', '%U %S %M', '-o', usageFile, process.execPath, ...argv];
    command = GNU_TIME;
  } else {
    argv = ['--require', PROBE, ...argv];
    env.BENCH_RUSAGE_FILE = usageFile;
  }
  const started = process.hrtime.bigint();
  const run = spawnSync(command, argv, { cwd, env, stdio: ['ignore', out, errFd], maxBuffer: 1 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  fs.closeSync(out);
  fs.closeSync(errFd);
  const stderr = fs.readFileSync(err, 'utf8');
  let usage = { cpuMs: NaN, maxRssKb: NaN };
  try {
    const text = fs.readFileSync(usageFile, 'utf8').trim();
    if (method === 'time') {
      // GNU time may print "Command exited with non-zero status N" first; the numbers are the last line.
      const [user, sys, rss] = text.split('\n').at(-1).split(' ').map(Number);
      usage = { cpuMs: (user + sys) * 1000, maxRssKb: rss };
    } else {
      const probe = JSON.parse(text);
      usage = { cpuMs: probe.userMs + probe.sysMs, maxRssKb: probe.maxRssKb };
    }
  } catch {
    // no usage file: the process died before exit handlers ran; the caller reports the exit code
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  return { wallMs, ...usage, exitCode: run.status, signal: run.signal, stderr };
}

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The value at quantile q (0..1) by nearest rank. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
