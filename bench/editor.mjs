// Editor latency: drives the language server over stdio on the 2,500-file corpus (first diagnostics, didChange → diagnostics, RSS over many edits).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { ensureCorpus, DEFAULT_SEED } from './generate/index.mjs';
import { EDIT_ANCHOR } from './generate/big-file.mjs';
import { quantile } from './lib/measure.mjs';
import { BENCH, ROOT, cacheDirOf } from './lib/tools.mjs';

// The protocol package is a devDependency of the root package (the LSP tests use it), not of bench/.
const require = createRequire(path.join(ROOT, 'package.json'));
const { StreamMessageReader, StreamMessageWriter, createProtocolConnection } = require('vscode-languageserver-protocol/node');

const TYPED = 'reconnect';

function rssKb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
}

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/**
 * The places typed into, by turns: the string every conferenceID of the file is built from, and a
 * string in the middle of the file. Each turn types TYPED one character at a time and deletes it
 * again, so the document returns to its opening text and memory growth is the server's own.
 */
function editSites(text) {
  const anchor = text.indexOf(EDIT_ANCHOR);
  if (anchor < 0) throw new Error(`the console file has no ${EDIT_ANCHOR}`);
  const middle = text.indexOf("bundlePolicy: '", Math.floor(text.length / 2));
  if (middle < 0) throw new Error('the console file has no bundlePolicy string after its middle');
  return [anchor + EDIT_ANCHOR.length, middle + "bundlePolicy: '".length].map((offset) => positionAt(text, offset));
}

/**
 * Where code is typed, for comparison: the end of a property name (`bundlePolicy`) in the last
 * quarter of the file. The name grows into another one; every state is valid code.
 */
function codeSite(text) {
  const key = 'bundlePolicy';
  const at = text.indexOf(key, Math.floor((text.length * 3) / 4));
  if (at < 0) throw new Error(`the console file has no ${key} in its last quarter`);
  return positionAt(text, at + key.length);
}

/** The text after an LSP content change. */
function applyChange(text, { range, text: inserted }) {
  const offset = ({ line, character }) => {
    let at = 0;
    for (let i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
    return at + character;
  };
  return text.slice(0, offset(range.start)) + inserted + text.slice(offset(range.end));
}

/** The n-th edit (0-based) as an LSP content change. */
function editAt(n, sites) {
  const turn = Math.floor(n / (2 * TYPED.length));
  const step = n % (2 * TYPED.length);
  const { line, character } = sites[turn % sites.length];
  if (step < TYPED.length) {
    const at = { line, character: character + step };
    return { range: { start: at, end: at }, text: TYPED[step] };
  }
  const length = 2 * TYPED.length - step;
  return { range: { start: { line, character: character + length - 1 }, end: { line, character: character + length } }, text: '' };
}

/**
 * Starts the server on the corpus, opens `file` and pulls its diagnostics; `then` gets the connection
 * for more. The server is shut down afterwards, whatever happens.
 */
async function openSession(corpusDir, file, text, then = async () => ({})) {
  const uri = pathToFileURL(file).href;
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'callstats-lint-server.js'), '--stdio'], { cwd: corpusDir, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr = [];
  child.stderr.on('data', (d) => stderr.push(String(d)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification(() => undefined);
  connection.listen();
  try {
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(corpusDir).href,
      workspaceFolders: [{ uri: pathToFileURL(corpusDir).href, name: path.basename(corpusDir) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
        textDocument: { synchronization: { didSave: true }, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
      },
    });
    const initializeMs = performance.now() - started;
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const firstDiagnosticsMs = performance.now() - started;
    return { initializeMs, firstDiagnosticsMs, diagnosticsAtOpen: report.items.length, ...(await then({ connection, child, uri, report })) };
  } catch (error) {
    error.message += `\nserver stderr: ${stderr.join('')}`;
    throw error;
  } finally {
    const exited = new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    try {
      await Promise.race([connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await connection.sendNotification('exit');
    } catch {
      // the server is gone already
    }
    const killer = setTimeout(() => child.kill(), 3000);
    await exited;
    clearTimeout(killer);
    connection.dispose();
  }
}

export async function measureEditor({ corpusDir, seed = DEFAULT_SEED, edits = 10_000, latencyEdits = 200, codeEdits = 200, rssEarlyAt = 100, log = () => {} }) {
  const manifest = ensureCorpus(corpusDir, 2500, seed);
  const file = path.join(corpusDir, manifest.consoleFile);
  const text = fs.readFileSync(file, 'utf8');
  const sites = editSites(text);

  // A first open with an empty cache (a project never opened or linted before), then the measured
  // session: a folder opened before, whose first diagnostics come through the cache.
  fs.rmSync(cacheDirOf(corpusDir), { recursive: true, force: true });
  const cold = await openSession(corpusDir, file, text);
  log(`first diagnostics with an empty cache after ${Math.round(cold.firstDiagnosticsMs)} ms (${cold.diagnosticsAtOpen} items)`);

  const warm = await openSession(corpusDir, file, text, async ({ connection, child, uri, report: opened }) => {
    let report = opened;
    /** The diagnostics last reported in full (an unchanged report has none of its own). */
    let items = opened.items;
    let current = text;
    let version = 1;
    /** Sends one change and pulls the diagnostics; returns the latency. */
    const change = async (contentChange) => {
      const t0 = performance.now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [contentChange] });
      report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
      if (report.kind === 'full') items = report.items;
      current = applyChange(current, contentChange);
      return performance.now() - t0;
    };
    const latencies = [];
    const rssSamples = [];
    // One VmRSS reading swings by a third with the garbage collector, so each end of the soak is the
    // median of the readings after every edit of a 100-edit window: edits 101–200, and the last 100.
    const earlyWindow = [];
    const lateWindow = [];
    for (let n = 0; n < edits; n++) {
      latencies.push(await change(editAt(n, sites)));
      if (n + 1 > rssEarlyAt && n + 1 <= rssEarlyAt + 100) earlyWindow.push(rssKb(child.pid));
      if (n + 1 > edits - 100) lateWindow.push(rssKb(child.pid));
      if ((n + 1) % 1000 === 0) {
        rssSamples.push({ edits: n + 1, rssKb: rssKb(child.pid) });
        log(`${n + 1} edits, RSS ${Math.round(rssSamples.at(-1).rssKb / 1024)} MB, last 1,000 p50 ${quantile(latencies.slice(-1000), 0.5).toFixed(1)} ms`);
      }
    }
    // Then typing code rather than a string, measured apart: such an edit changes what the analysis
    // follows, so the server works the whole analysis out again.
    const code = [];
    const codeSites = [codeSite(current)];
    for (let n = 0; n < codeEdits; n++) code.push(await change(editAt(n, codeSites)));
    const rssEarlyKb = quantile(earlyWindow, 0.5);
    const rssLateKb = quantile(lateWindow, 0.5);
    const first = latencies.slice(0, latencyEdits);
    const last = latencies.slice(-200);
    return {
      latencyEdits: first.length,
      p50Ms: quantile(first, 0.5),
      p95Ms: quantile(first, 0.95),
      maxMs: Math.max(...first),
      lateP50Ms: quantile(last, 0.5),
      lateP95Ms: quantile(last, 0.95),
      // Every turn types a word and deletes it: after whole turns the text is the opening one again,
      // and so must its diagnostics be.
      backToOpeningText: current === text,
      diagnosticsAtEnd: items.length,
      codeEdits: code.length,
      codeP50Ms: code.length ? quantile(code, 0.5) : undefined,
      codeP95Ms: code.length ? quantile(code, 0.95) : undefined,
      rssEarlyKb,
      rssLateKb,
      rssGrowthPct: ((rssLateKb - rssEarlyKb) / rssEarlyKb) * 100,
      rssSamples,
    };
  });
  log(`first diagnostics of a folder opened before after ${Math.round(warm.firstDiagnosticsMs)} ms (${warm.diagnosticsAtOpen} items)`);
  return {
    corpusFiles: manifest.files,
    file: manifest.consoleFile,
    fileLines: text.split('\n').length - 1,
    coldFirstDiagnosticsMs: cold.firstDiagnosticsMs,
    coldInitializeMs: cold.initializeMs,
    edits,
    rssEarlyAt,
    ...warm,
  };
}

/**
 * workspace/diagnostic on the corpus, its cache emptied first: how long until the editor has the
 * diagnostics of every file (the CLI's `--no-cache` run is the yardstick).
 */
export async function measureWorkspaceDiagnostics({ corpusDir, seed = DEFAULT_SEED }) {
  const manifest = ensureCorpus(corpusDir, 2500, seed);
  const file = path.join(corpusDir, manifest.consoleFile);
  fs.rmSync(cacheDirOf(corpusDir), { recursive: true, force: true });
  return openSession(corpusDir, file, fs.readFileSync(file, 'utf8'), async ({ connection }) => {
    const t0 = performance.now();
    const report = await connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });
    const workspaceDiagnosticsMs = performance.now() - t0;
    return { workspaceDiagnosticsMs, workspaceFiles: report.items.length, workspaceDiagnostics: report.items.reduce((n, item) => n + (item.items?.length ?? 0), 0) };
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { edits: { type: 'string', default: '10000' }, 'latency-edits': { type: 'string', default: '200' }, 'code-edits': { type: 'string', default: '200' }, seed: { type: 'string', default: DEFAULT_SEED }, workspace: { type: 'boolean', default: false } } });
  if (values.workspace) {
    console.log(JSON.stringify(await measureWorkspaceDiagnostics({ corpusDir: path.join(BENCH, 'corpus', '2500'), seed: values.seed }), null, 2));
    process.exit(0);
  }
  const result = await measureEditor({
    corpusDir: path.join(BENCH, 'corpus', '2500'),
    seed: values.seed,
    edits: Number(values.edits),
    latencyEdits: Number(values['latency-edits']),
    codeEdits: Number(values['code-edits']),
    log: (line) => console.error(line),
  });
  console.log(JSON.stringify(result, null, 2));
}
