// Where callstats-lint spends its time: runs the CLI under `node --cpu-prof` on a corpus and lists the top self-time functions and files.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SourceMap } from 'node:module';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED, ensureCorpus } from './generate/index.mjs';
import { markdownTable } from './lib/report.mjs';
import { BENCH, ROOT } from './lib/tools.mjs';

const { values } = parseArgs({ options: { size: { type: 'string', default: '2500' }, top: { type: 'string', default: '25' }, keep: { type: 'string' }, 'no-cache': { type: 'boolean', default: false } } });
const size = Number(values.size);
const corpus = path.join(BENCH, 'corpus', String(size));
ensureCorpus(corpus, size, DEFAULT_SEED);

const dir = values.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-prof-'));
fs.mkdirSync(dir, { recursive: true });
const started = performance.now();
const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '200', path.join(ROOT, 'bin', 'callstats-lint.js'), '.', '--format', 'json', '--output-file', '/dev/null', ...(values['no-cache'] ? ['--no-cache'] : [])], { cwd: corpus, encoding: 'utf8' });
const wallMs = performance.now() - started;
if (![0, 1].includes(run.status)) throw new Error(`callstats-lint exited with ${run.status}: ${run.stderr}`);
const file = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));

// Self time per node: the sampling intervals attributed to the sample's leaf node.
const selfUs = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
const shortUrl = (url) => {
  if (!url) return '(native)';
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  return nm >= 0 ? clean.slice(nm + 'node_modules/'.length) : path.relative(ROOT, clean) || clean;
};
// dist/*.js frames are mapped back to server/src through esbuild's source maps, so the lead sees engine files.
const maps = new Map();
function original(url, line, column) {
  const clean = url.replace(/^file:\/\//, '');
  if (!clean.startsWith(path.join(ROOT, 'dist'))) return undefined;
  if (!maps.has(clean)) maps.set(clean, fs.existsSync(`${clean}.map`) ? new SourceMap(JSON.parse(fs.readFileSync(`${clean}.map`, 'utf8'))) : null);
  const entry = maps.get(clean)?.findEntry(line, column);
  if (!entry?.originalSource) return undefined;
  return `${path.relative(ROOT, path.resolve(path.dirname(clean), entry.originalSource.replace(/^file:\/\//, '')))}:${entry.originalLine + 1}`;
}
const byFunction = new Map();
const byFile = new Map();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (!us) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const mapped = url ? original(url, lineNumber, node.callFrame.columnNumber) : undefined;
  const where = mapped ? mapped.replace(/:\d+$/, '') : shortUrl(url);
  const key = `${functionName || '(anonymous)'} ${mapped ?? `${where}${url ? `:${lineNumber + 1}` : ''}`}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  byFile.set(where, (byFile.get(where) ?? 0) + us);
}
// Inclusive time of the engine's own functions (and module loading): each sample counts once per function on its stack.
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
const labelOf = (node) => {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const mapped = url ? original(url, lineNumber, columnNumber) : undefined;
  if (mapped?.startsWith('server/')) return `${functionName || '(anonymous)'} ${mapped}`;
  // Module._load also wraps the whole program (the bin is loaded by it); require() calls are the loading proper.
  return functionName === 'require' ? 'require() (module loading and evaluation)' : undefined;
};
const inclusive = new Map();
for (const [id, us] of selfUs) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const label = labelOf(nodeById.get(at));
    if (label && !seen.has(label)) {
      seen.add(label);
      inclusive.set(label, (inclusive.get(label) ?? 0) + us);
    }
  }
}
const top = Number(values.top);
const rows = (map) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => [`\`${k}\``, `${(us / 1000).toFixed(0)} ms`, `${((us / totalUs) * 100).toFixed(1)}%`]);

console.log(`## CPU profile: callstats-lint on ${size.toLocaleString('en-US')} files\n`);
console.log(`Wall ${(wallMs / 1000).toFixed(2)} s under the profiler; ${(totalUs / 1000).toFixed(0)} ms sampled. Profile: ${file}\n`);
console.log(`### Top ${top} functions by self time\n`);
console.log(markdownTable(['function (file:line)', 'self', 'share'], rows(byFunction)));
console.log(`\n### Inclusive time of engine functions and module loading\n`);
console.log(markdownTable(['function (file:line)', 'inclusive', 'share'], rows(inclusive).slice(0, 20)));
console.log(`\n### Self time by file\n`);
console.log(markdownTable(['file', 'self', 'share'], rows(byFile).slice(0, 15)));
