// Generates the benchmark corpus: `node bench/generate/index.mjs --size 2500 [--seed S] [--out DIR]`; same seed and size, same bytes.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { consoleFiles } from './big-file.mjs';
import { CLUSTERS, CONFERENCE_SERVER_IDS } from './integrations.mjs';
import { moduleText } from './modules.mjs';
import { planApp } from './plan.mjs';
import { random } from './random.mjs';

export const DEFAULT_SEED = 'callstats-lint-bench-1';
/** A hash of the generator's own source: a corpus written by an older generator is regenerated, never reused. */
export const GENERATOR_VERSION = (() => {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort()) hash.update(name).update(fs.readFileSync(path.join(dir, name)));
  return hash.digest('hex').slice(0, 16);
})();
export const MANIFEST = 'bench-manifest.json';
/** The share of files that integrate callstats, as in an app where calling is one feature among many. */
const INTEGRATION_SHARE = 0.015;
const MARK = /⟪([a-z-]+)⟫/g;

/** Removes the ⟪rule⟫ marks, returning the clean text and the 1-based lines they were on. */
function stripMarks(file, text) {
  const expected = [];
  const lines = text.split('\n').map((line, i) => {
    for (const match of line.matchAll(MARK)) expected.push({ file, line: i + 1, ruleId: match[1] });
    return line.replace(MARK, '');
  });
  return { text: lines.join('\n'), expected };
}

/** The corpus in memory: every file's text plus the manifest of what was planted. */
export function generateCorpus({ size, seed = DEFAULT_SEED }) {
  if (!Number.isInteger(size) || size < 10) throw new Error(`size must be a whole number of at least 10 (got ${size})`);
  const rng = random(`${seed}/${size}/plan`);
  const target = Math.max(4, Math.round(size * INTEGRATION_SHARE));
  const clusters = [{ make: (r, dir) => ({ files: consoleFiles(r, dir) }), count: 2, console: true }];
  for (let total = 2; total < target; ) {
    const make = rng.weighted(CLUSTERS);
    // A cluster's file count does not depend on its random choices: a throwaway draw tells it.
    const count = make(random('count'), 'x').files.length;
    clusters.push({ make, count });
    total += count;
  }
  const integrationCount = clusters.reduce((n, c) => n + c.count, 0);
  const { modules, features } = planApp(rng, size - integrationCount);

  const files = [];
  const expected = [];
  const integrationFiles = [];
  let consoleFile;
  clusters.forEach((cluster, i) => {
    const feature = features[i % features.length];
    const dir = `src/features/${feature.name}/${cluster.console ? 'call-console' : `calls-${i}`}`;
    const made = cluster.make(random(`${seed}/${size}/cluster/${i}`), dir);
    for (const file of made.files) {
      const clean = stripMarks(file.path, file.text);
      files.push({ path: file.path, text: clean.text });
      expected.push(...clean.expected);
      integrationFiles.push(file.path);
    }
    if (cluster.console) consoleFile = made.files[1].path;
    // Components of the host feature start calls: they import the integration, as real screens do.
    const entry = made.entry;
    if (entry && entry.kind !== 'class') {
      for (const component of feature.members.filter((m) => m.kind === 'component').slice(0, 2)) {
        component.imports.push({ module: { path: entry.path }, names: [{ name: entry.name, kind: 'fn', call: entry.call }] });
      }
    }
  });
  for (const module of modules) files.push({ path: module.path, text: moduleText(random(`${seed}/${module.path}`), module) });
  files.sort((a, b) => (a.path < b.path ? -1 : 1));
  expected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));

  const byRule = {};
  for (const e of expected) byRule[e.ruleId] = (byRule[e.ruleId] ?? 0) + 1;
  const digest = createHash('sha256');
  for (const file of files) digest.update(`${file.path}\0${file.text}\0`);
  const manifest = {
    seed,
    size,
    generator: GENERATOR_VERSION,
    files: files.length,
    lines: files.reduce((n, f) => n + f.text.split('\n').length - 1, 0),
    bytes: files.reduce((n, f) => n + Buffer.byteLength(f.text), 0),
    integrationFiles: integrationFiles.sort(),
    consoleFile,
    decoys: modules.filter((m) => m.decoy).length,
    expected: { total: expected.length, byRule, findings: expected },
    sha256: digest.digest('hex'),
  };
  const extra = [
    { path: 'package.json', text: JSON.stringify({ name: `bench-app-${size}`, private: true, type: 'module', dependencies: { 'callstats-js': '^3.73.16', react: '^18.3.1', 'socket.io-client': '^4.7.5' } }, null, 2) + '\n' },
    { path: '.callstatslintrc.json', text: JSON.stringify({ conferenceServerIds: CONFERENCE_SERVER_IDS }) + '\n' },
  ];
  return { files: [...extra, ...files], manifest };
}

/** Writes the corpus to `dir`, replacing an earlier corpus there (and refusing to clear anything else). */
export function writeCorpus(dir, corpus) {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length && !fs.existsSync(path.join(dir, MANIFEST))) {
    throw new Error(`${dir} is not empty and holds no ${MANIFEST}: not clearing it`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  // The corpus is an app checkout of its own: an empty .git marks its root, so the .gitignore of this
  // repository (which hides bench/corpus/) does not hide the corpus from tools that honour .gitignore.
  fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
  const made = new Set();
  for (const file of corpus.files) {
    const full = path.join(dir, file.path);
    const parent = path.dirname(full);
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    fs.writeFileSync(full, file.text);
  }
  fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(corpus.manifest, null, 2) + '\n');
}

/** Generates unless `dir` already holds the same seed and size from this generator; returns the manifest. */
export function ensureCorpus(dir, size, seed = DEFAULT_SEED) {
  const file = path.join(dir, MANIFEST);
  if (fs.existsSync(file)) {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (manifest.seed === seed && manifest.size === size && manifest.generator === GENERATOR_VERSION) return manifest;
  }
  const corpus = generateCorpus({ size, seed });
  writeCorpus(dir, corpus);
  return corpus.manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '2500' }, seed: { type: 'string', default: DEFAULT_SEED }, out: { type: 'string' } } });
  const size = Number(values.size);
  const out = values.out ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'corpus', String(size));
  const started = performance.now();
  const corpus = generateCorpus({ size, seed: values.seed });
  writeCorpus(out, corpus);
  const { manifest } = corpus;
  console.log(
    `${out}: ${manifest.files} files, ${manifest.lines} lines, ${(manifest.bytes / 1e6).toFixed(1)} MB, ` +
      `${manifest.integrationFiles.length} integrating callstats, ${manifest.expected.total} planted findings ` +
      `${JSON.stringify(manifest.expected.byRule)}, sha256 ${manifest.sha256} (${Math.round(performance.now() - started)} ms)`,
  );
}
