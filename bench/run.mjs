// `npm run bench`: generates the corpora, times callstats-lint against ESLint, its own ESLint plugin, oxlint and the floor, measures editor latency, writes bench/results.md.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { measureEditor } from './editor.mjs';
import { DEFAULT_SEED, ensureCorpus } from './generate/index.mjs';
import { ensureBenchDeps } from './lib/deps.mjs';
import { compareFindings, reportedFindings } from './lib/findings.mjs';
import { measureNode, median, rssMethod } from './lib/measure.mjs';
import { renderResults } from './lib/report.mjs';
import { evaluateTargets } from './lib/targets.mjs';
import { BENCH, LINTER_TOOLS, ROOT, TOOLS, TOOL_NAMES, cacheDirOf, packageVersion } from './lib/tools.mjs';

const USAGE = `Usage: node bench/run.mjs [options]
  --size LIST        corpus sizes (default 250,2500,25000)
  --tools LIST       ${TOOL_NAMES.join(',')} (default all)
  --runs N           timed runs per tool (default 5, and 3 at 25,000 files)
  --warmup N         untimed runs per tool before timing (default 1; 0 at 25,000 files, where one run takes minutes)
  --seed TEXT        corpus seed (default ${DEFAULT_SEED})
  --corpus-dir DIR   where corpora live (default bench/corpus; one folder per size)
  --out FILE         results file (default bench/results.md; raw numbers go to FILE with .json)
  --reports-dir DIR  keep each tool's last report there (<tool>-<size>.json)
  --no-editor        skip the editor latency measurement
  --edits N          edits for the editor soak (default 10000)
`;

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '250,2500,25000' },
    tools: { type: 'string', default: TOOL_NAMES.join(',') },
    runs: { type: 'string' },
    warmup: { type: 'string' },
    seed: { type: 'string', default: DEFAULT_SEED },
    'corpus-dir': { type: 'string', default: path.join(BENCH, 'corpus') },
    out: { type: 'string', default: path.join(BENCH, 'results.md') },
    'reports-dir': { type: 'string' },
    'no-editor': { type: 'boolean', default: false },
    edits: { type: 'string', default: '10000' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const sizes = values.size.split(',').map(Number);
const tools = values.tools.split(',');
for (const name of tools) if (!TOOLS[name]) throw new Error(`unknown tool ${name}; known: ${TOOL_NAMES.join(', ')}`);
if (sizes.some((s) => !Number.isInteger(s) || s < 10)) throw new Error(`--size takes whole numbers of at least 10 (got ${values.size})`);
const runsFor = (size) => (values.runs ? Number(values.runs) : size >= 25_000 ? 3 : 5);
const warmupFor = (size) => (values.warmup !== undefined ? Number(values.warmup) : size >= 25_000 ? 0 : 1);
const corpusRoot = path.resolve(values['corpus-dir']);
const log = (line) => process.stderr.write(`${line}\n`);

if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js')) || !fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) {
  throw new Error('dist/ is missing: run `npm run build` first');
}
ensureBenchDeps(tools);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-out-'));
const method = rssMethod();

function runTool(name, cwd, size) {
  const tool = TOOLS[name];
  const out = path.join(scratch, `${name}-${size}.json`);
  const result = measureNode(tool.script, tool.args(out), { cwd, stdoutFile: tool.stdout ? out : undefined, method });
  if (!tool.okExit.includes(result.exitCode)) {
    throw new Error(`${name} exited with ${result.exitCode ?? result.signal} on ${cwd}:\n${result.stderr.slice(0, 4000)}`);
  }
  return { ...result, out };
}

function benchSize(size) {
  const dir = path.join(corpusRoot, String(size));
  log(`\n== ${size.toLocaleString('en-US')} files: ${dir}`);
  const manifest = ensureCorpus(dir, size, values.seed);
  // The cache starts empty; the first callstats-lint run (a warm-up, or one untimed run) fills it.
  fs.rmSync(cacheDirOf(dir), { recursive: true, force: true });
  if (tools.includes('callstats-lint') && warmupFor(size) === 0) runTool('callstats-lint', dir, size);
  for (let i = 0; i < warmupFor(size); i++) for (const name of tools) runTool(name, dir, size);
  const samples = Object.fromEntries(tools.map((name) => [name, []]));
  const runs = runsFor(size);
  for (let run = 0; run < runs; run++) {
    // Round-robin, so a slow moment of the machine does not land on one tool only.
    for (const name of tools) {
      const sample = runTool(name, dir, size);
      samples[name].push(sample);
      log(`  run ${run + 1}/${runs} ${name}: ${(sample.wallMs / 1000).toFixed(2)} s, ${Math.round(sample.maxRssKb / 1024)} MB`);
    }
  }
  const result = { manifest, runs, tools: {}, findingsCheck: '' };
  for (const name of tools) {
    const list = samples[name];
    const last = list.at(-1);
    const walls = list.map((s) => s.wallMs);
    result.tools[name] = {
      label: TOOLS[name].label,
      medianWallMs: median(walls),
      minWallMs: Math.min(...walls),
      maxWallMs: Math.max(...walls),
      medianCpuMs: median(list.map((s) => s.cpuMs)),
      peakRssKb: Math.max(...list.map((s) => s.maxRssKb)),
      wallMs: walls,
      reported: TOOLS[name].count(last.out),
    };
    if (values['reports-dir']) {
      fs.mkdirSync(values['reports-dir'], { recursive: true });
      fs.copyFileSync(last.out, path.join(values['reports-dir'], `${name}-${size}.json`));
    }
  }
  const checks = [];
  for (const name of LINTER_TOOLS.filter((n) => result.tools[n])) {
    const cl = result.tools[name];
    const reported = reportedFindings(JSON.parse(fs.readFileSync(path.join(scratch, `${name}-${size}.json`), 'utf8')), dir);
    const { missed, unexpected } = compareFindings(manifest.expected, reported);
    cl.reportedNote = `${reported.total} (of ${manifest.expected.total} planted)`;
    checks.push(
      missed.length || unexpected.length
        ? `${TOOLS[name].label} findings differ from the planted ones: missed ${missed.join('; ') || 'none'}; unexpected ${unexpected.join('; ') || 'none'}.`
        : `${TOOLS[name].label} reported exactly the ${manifest.expected.total} planted findings (same files, lines and rules).`,
    );
    result.findingsMatch = (result.findingsMatch ?? true) && !missed.length && !unexpected.length;
  }
  result.findingsCheck = checks.join(' ');
  return result;
}

function gitRevision() {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${rev}, uncommitted changes` : rev;
  } catch {
    return 'no git revision';
  }
}

const meta = {
  command: ['node bench/run.mjs', ...process.argv.slice(2)].join(' '),
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  version: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version,
  revision: gitRevision(),
  toolVersions: [
    (tools.includes('eslint') || tools.includes('eslint-plugin')) && `ESLint ${packageVersion('eslint')}, @typescript-eslint/parser ${packageVersion('@typescript-eslint/parser')}, TypeScript ${packageVersion('typescript')}`,
    tools.includes('oxlint') && `oxlint ${packageVersion('oxlint')}`,
  ].filter(Boolean).join('; ') || 'no comparison tools in this run',
  seed: values.seed,
  loadAverage: os.loadavg()[0].toFixed(2),
  warmup: values.warmup ?? '1 (0 at 25,000 files)',
  rssMethod: method,
};

const results = sizes.map(benchSize);
let editor;
if (!values['no-editor']) {
  log('\n== editor latency (language server, 2,500-file corpus)');
  editor = await measureEditor({ corpusDir: path.join(corpusRoot, '2500'), seed: values.seed, edits: Number(values.edits), log: (l) => log(`  ${l}`) });
}
fs.rmSync(scratch, { recursive: true, force: true });

const targets = evaluateTargets(results, editor);
const markdown = renderResults({ meta, sizes: results, editor, targets });
fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
fs.writeFileSync(values.out, markdown);
fs.writeFileSync(values.out.replace(/\.md$/, '') + '.json', JSON.stringify({ meta, sizes: results, editor, targets }, null, 2) + '\n');
process.stdout.write(`\n${markdown}\n`);
log(`\nWrote ${values.out}`);
if (results.some((r) => r.findingsMatch === false)) process.exitCode = 1;
