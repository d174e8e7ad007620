// Keeps the benchmark from rotting: a deterministic corpus, and one small bench run whose table and findings are checked exactly.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(__dirname, '../../..');
const GENERATE = path.join(ROOT, 'bench', 'generate', 'index.mjs');
const RUN = path.join(ROOT, 'bench', 'run.mjs');
const HEADER = '| tool | median wall | min–max | median CPU | peak RSS | reported | × callstats-lint | × floor |';

interface Planted {
  file: string;
  line: number;
  ruleId: string;
}
interface Manifest {
  size: number;
  files: number;
  integrationFiles: string[];
  consoleFile: string;
  expected: { total: number; byRule: Record<string, number>; findings: Planted[] };
}
interface EslintResult {
  filePath: string;
  messages: { ruleId: string | null; line?: number }[];
}

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

function scratch(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'callstats-bench-')));
  made.push(dir);
  return dir;
}

function node(args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** sha256 over every file of a tree (relative path and bytes), in path order. */
function treeHash(dir: string): string {
  const hash = createHash('sha256');
  const walk = (sub: string): void => {
    for (const name of fs.readdirSync(path.join(dir, sub)).sort()) {
      const rel = path.join(sub, name);
      if (fs.statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else hash.update(`${rel}\0`).update(fs.readFileSync(path.join(dir, rel))).update('\0');
    }
  };
  walk('.');
  return hash.digest('hex');
}

const manifestOf = (dir: string): Manifest => JSON.parse(fs.readFileSync(path.join(dir, 'bench-manifest.json'), 'utf8'));

test('the corpus generator writes the same bytes for the same seed and size, and other bytes for another seed', () => {
  const dir = scratch();
  const [a, b, c] = ['a', 'b', 'c'].map((name) => path.join(dir, name));
  for (const [out, seed] of [[a, 'callstats-lint-bench-1'], [b, 'callstats-lint-bench-1'], [c, 'another-seed']]) {
    const run = node([GENERATE, '--size', '250', '--seed', seed, '--out', out]);
    assert.equal(run.code, 0, run.stderr);
  }
  assert.equal(treeHash(a), treeHash(b));
  assert.notEqual(treeHash(a), treeHash(c));

  const manifest = manifestOf(a);
  assert.equal(manifest.files, 250);
  const sources = fs.readdirSync(a, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(tsx?|jsx?)$/.test(f));
  assert.equal(sources.length, 250);
  assert.ok(sources.some((f) => f.endsWith('.tsx')) && sources.some((f) => f.endsWith('.js')) && sources.some((f) => f.endsWith('.test.ts')));
  // A small share integrates callstats, including the 3,000-line console the editor benchmark types into.
  assert.ok(manifest.integrationFiles.length >= 4 && manifest.integrationFiles.length <= 10, String(manifest.integrationFiles.length));
  assert.ok(fs.readFileSync(path.join(a, manifest.consoleFile), 'utf8').split('\n').length > 3000);
  assert.ok(manifest.expected.total > 0);
  // The marks the generator plants findings with never reach the corpus.
  for (const file of sources) assert.ok(!fs.readFileSync(path.join(a, file), 'utf8').includes('⟪'), file);
});

test('npm run bench at 250 files (callstats-lint and the floor): a well-formed results table and exactly the planted findings', () => {
  const dir = scratch();
  const out = path.join(dir, 'results.md');
  const reports = path.join(dir, 'reports');
  // BENCH_NO_TIME=1: peak RSS through the preloaded rusage probe, the path machines without GNU time take.
  const run = node(
    [RUN, '--size', '250', '--tools', 'callstats-lint,floor', '--runs', '1', '--warmup', '0', '--no-editor', '--corpus-dir', path.join(dir, 'corpus'), '--out', out, '--reports-dir', reports],
    { BENCH_NO_TIME: '1' },
  );
  assert.equal(run.code, 0, run.stderr);
  const markdown = fs.readFileSync(out, 'utf8');
  assert.match(markdown, /^# callstats-lint benchmark\n/);
  assert.match(markdown, /^- Machine: .+, \d+ cores, /m);
  assert.match(markdown, new RegExp(`^- Node ${process.version.replace(/\./g, '\\.')};`, 'm'));
  assert.match(markdown, /process\.resourceUsage\(\)\.maxRSS/);
  assert.match(markdown, /^\| 2,500 files: callstats-lint ≥ 20× faster than the ESLint setup \| n\/a \| — not measured \|$/m);

  const lines = markdown.split('\n');
  const start = lines.indexOf(HEADER);
  assert.ok(start > 0, 'the table header is missing');
  assert.ok(lines.slice(0, start).includes('### 250 files'));
  assert.match(lines[start + 1], /^\| --- (\| ---: ){7}\|$/);
  const rows = lines.slice(start + 2, start + 4).map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/g, '')));
  assert.deepEqual(rows.map((r) => r[0]), ['callstats-lint', 'floor (read + scan text)']);
  for (const row of rows) {
    assert.equal(row.length, 8, row.join(' | '));
    assert.match(row[1], /^\d+\.\d\d s$/);
    assert.match(row[2], /^\d+\.\d\d s–\d+\.\d\d s$/);
    assert.match(row[3], /^\d+\.\d\d s$/);
    assert.match(row[4], /^\d[\d,]* MB$/);
    assert.match(row[6], /^\d[\d,.]*×$/);
    assert.match(row[7], /^\d[\d,.]*×$/);
  }
  assert.equal(rows[0][6], '1.0×');
  assert.equal(rows[1][7], '1.0×');

  const manifest = manifestOf(path.join(dir, 'corpus', '250'));
  assert.equal(rows[0][5], `${manifest.expected.total} (of ${manifest.expected.total} planted)`);
  assert.match(markdown, new RegExp(`callstats-lint reported exactly the ${manifest.expected.total} planted findings`));

  // From callstats-lint's own JSON report: exact counts per rule, and the very lines planted.
  const results: EslintResult[] = JSON.parse(fs.readFileSync(path.join(reports, 'callstats-lint-250.json'), 'utf8'));
  assert.equal(results.length, 250);
  const corpus = path.join(dir, 'corpus', '250');
  const reported = results.flatMap((r) => r.messages.map((m) => ({ file: path.relative(corpus, r.filePath).split(path.sep).join('/'), line: m.line ?? 0, ruleId: m.ruleId ?? 'problem' })));
  const byRule: Record<string, number> = {};
  for (const f of reported) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  assert.deepEqual(byRule, manifest.expected.byRule);
  const key = (f: Planted): string => `${f.file}:${f.line} ${f.ruleId}`;
  assert.deepEqual(reported.map(key).sort(), manifest.expected.findings.map(key).sort());

  // The floor reads all 250 files, and only some of them mention the SDK.
  const floor: { files: number; mentions: number } = JSON.parse(fs.readFileSync(path.join(reports, 'floor-250.json'), 'utf8'));
  assert.equal(floor.files, 250);
  assert.ok(floor.mentions > 0 && floor.mentions < 250 * 0.05, String(floor.mentions));
});

test('the editor latency script: string and code edits over LSP stdio, the diagnostics of the opening text before and after', async () => {
  const dir = scratch();
  const { measureEditor } = (await import(pathToFileURL(path.join(ROOT, 'bench', 'editor.mjs')).href)) as {
    measureEditor: (options: { corpusDir: string; edits: number; latencyEdits: number; codeEdits: number; rssEarlyAt: number }) => Promise<Record<string, unknown>>;
  };
  // Whole turns (a 9-letter word typed and deleted: 18 edits each), so the text ends as it opened.
  const result = await measureEditor({ corpusDir: dir, edits: 36, latencyEdits: 36, codeEdits: 18, rssEarlyAt: 0 });
  const manifest = manifestOf(dir);
  const planted = manifest.expected.findings.filter((f) => f.file === manifest.consoleFile).length;
  assert.ok(planted > 0, 'findings are planted in the console file');
  assert.equal(result.diagnosticsAtOpen, planted);
  assert.equal(result.backToOpeningText, true);
  assert.equal(result.diagnosticsAtEnd, planted);
  assert.equal(result.latencyEdits, 36);
  assert.equal(result.codeEdits, 18);
  for (const key of ['coldFirstDiagnosticsMs', 'firstDiagnosticsMs', 'p50Ms', 'p95Ms', 'codeP50Ms', 'codeP95Ms']) {
    assert.ok(typeof result[key] === 'number' && (result[key] as number) > 0, `${key}: ${String(result[key])}`);
  }
});
