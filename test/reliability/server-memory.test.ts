// 10,000 edits in a row: the server's memory stays flat (RSS after a forced GC, read from /proc).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { TestClient, tempFolder, uriOf, workspace } from '../lsp/client.js';

const EDITS = 10_000;
const BASELINE_AFTER = 500;
const HALFWAY = 5_000;
/**
 * A pull (an analysis of the whole file, ~80 ms on an idle machine) after every this many edits,
 * as an editor pulls while typing; a hover and a code action after every HOVER_EVERY. About 110
 * analyses: with the edits themselves (~3 s), well under half a minute on an idle machine.
 */
const PULL_EVERY = 100;
const HOVER_EVERY = 1_000;
const MB = 1024 * 1024;

/** 2,000 lines that the engine parses and analyses: SDK calls throughout, hundreds of findings. */
function bigFile(): { text: string; commentLines: number[] } {
  const lines = ['const cs = new callstats();', "cs.initialize('app', 'secret', 'alice');"];
  const commentLines: number[] = [];
  for (let i = 0; lines.length < 2000; i++) {
    commentLines.push(lines.length);
    lines.push(`// participant ${i}: revision 0`);
    lines.push(`function join${i}(pc, user) {`);
    lines.push(`  const remote = 'peer-${i}-' + user;`);
    lines.push(`  cs.addNewFabric(pc, remote, 'multiplex', 'conference-${i % 7}');`);
    lines.push('  return remote;');
    lines.push('}');
  }
  return { text: lines.join('\n') + '\n', commentLines };
}

/**
 * Loaded into the server with --require: on SIGUSR2, collect garbage and print the memory usage to
 * stderr. Test instrumentation only; the server itself has no such hook.
 */
const GC_PRELOAD = `process.on('SIGUSR2', () => {
  global.gc(); global.gc();
  process.stderr.write('callstats-lint-test-gc ' + JSON.stringify(process.memoryUsage()) + '\\n');
});
`;

interface Sample {
  edits: number;
  rssMb: number;
  heapUsedMb: number;
}

async function sample(client: TestClient, edits: number): Promise<Sample> {
  const before = client.stderrText.split('callstats-lint-test-gc ').length;
  process.kill(client.pid, 'SIGUSR2');
  const usage = await client.waitFor('the GC report', () => {
    const reports = client.stderrText.split('callstats-lint-test-gc ');
    return reports.length > before && reports.at(-1)!.includes('\n') && (JSON.parse(reports.at(-1)!.split('\n')[0]) as NodeJS.MemoryUsage);
  });
  const status = fs.readFileSync(`/proc/${client.pid}/status`, 'utf8');
  const rssKb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]);
  return { edits, rssMb: Math.round((rssKb * 1024 * 10) / MB) / 10, heapUsedMb: Math.round((usage.heapUsed * 10) / MB) / 10 };
}

test('10,000 small edits of a 2,000-line file: RSS stays within +25% (or +40 MB) of the RSS after the first 500, the heap flat in the second half', { skip: !fs.existsSync('/proc/self/status') && 'needs /proc' }, async (t) => {
  const { text, commentLines } = bigFile();
  const dir = workspace({ 'big.js': text });
  const preload = path.join(tempFolder('callstats-gc-'), 'gc-preload.js');
  fs.writeFileSync(preload, GC_PRELOAD);
  const client = await TestClient.start({ folders: [dir], pull: true, execArgv: ['--expose-gc', '--require', preload] });
  try {
    const file = path.join(dir, 'big.js');
    const uri = uriOf(file);
    await client.open(file, text);
    const samples: Sample[] = [];
    const startedAt = Date.now();
    let findings = 0;
    for (let edit = 1; edit <= EDITS; edit++) {
      // One character: the revision digit at the end of a comment line, all over the file.
      const line = commentLines[(edit * 37) % commentLines.length];
      const end = `// participant ${(line - 2) / 6}: revision 0`.length;
      void client.change(file, [{ range: { start: { line, character: end - 1 }, end: { line, character: end } }, text: String(edit % 10) }]);
      if (edit % PULL_EVERY === 0) {
        const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
        findings = report.kind === 'full' ? report.items.length : findings;
      }
      if (edit % HOVER_EVERY === 0) {
        await client.request('textDocument/hover', { textDocument: { uri }, position: { line: line + 3, character: 30 } });
        await client.request('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: line + 3, character: 0 }, end: { line: line + 3, character: 80 } },
          context: { diagnostics: [] },
        });
      }
      if (edit === BASELINE_AFTER || edit % 2_500 === 0) samples.push(await sample(client, edit));
    }
    const seconds = (Date.now() - startedAt) / 1000;
    for (const s of samples) t.diagnostic(`after ${s.edits} edits: RSS ${s.rssMb} MB, heap used ${s.heapUsedMb} MB`);
    t.diagnostic(`${EDITS} edits, ${EDITS / PULL_EVERY} pulls of ${findings} findings, in ${seconds.toFixed(1)} s`);
    assert.ok(findings > 100, 'the file is really analysed');
    const [baseline] = samples;
    const halfway = samples.find((s) => s.edits === HALFWAY)!;
    const last = samples.at(-1)!;
    // The compiler's incremental parser keeps a module-level WeakSet whose table grows to a peak
    // and stays there (+13 to +25 MB of heap over the first few hundred parses, then flat): warm-up, which
    // this bound leaves room for. A per-edit leak would keep the heap growing in the second half.
    const allowed = Math.max(baseline.rssMb * 1.25, baseline.rssMb + 40);
    assert.ok(last.rssMb <= allowed, `RSS grew from ${baseline.rssMb} MB to ${last.rssMb} MB (allowed: ${allowed.toFixed(1)} MB)`);
    assert.ok(
      last.heapUsedMb <= halfway.heapUsedMb + 10,
      `the heap after a full GC grew from ${halfway.heapUsedMb} MB at ${HALFWAY} edits to ${last.heapUsedMb} MB at ${EDITS}`,
    );
  } finally {
    await client.stop();
  }
});

/** Files made, analysed and deleted in turn, each under a new name, as a generator or a test run makes them. */
const CYCLES = 300;
const CYCLES_BASELINE = 100;

test(`${CYCLES} files created, analysed and deleted under new names (watched-file events sent): the heap stays flat`, { skip: !fs.existsSync('/proc/self/status') && 'needs /proc' }, async (t) => {
  // 40 kB of SDK calls per file: its text and tree are what a server that never forgets would keep.
  const { text } = bigFile();
  const content = text.slice(0, 40_000).replace(/\n[^\n]*$/, '\n');
  const dir = workspace({ '.callstatslintrc.json': '{}' });
  const preload = path.join(tempFolder('callstats-gc-'), 'gc-preload.js');
  fs.writeFileSync(preload, GC_PRELOAD);
  const client = await TestClient.start({ folders: [dir], pull: true, execArgv: ['--expose-gc', '--require', preload] });
  try {
    const samples: Sample[] = [];
    let findings = 0;
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const file = path.join(dir, `generated-${cycle}.js`);
      fs.writeFileSync(file, content);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 1 }] });
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uriOf(file) } });
      findings = report.kind === 'full' ? report.items.length : findings;
      fs.rmSync(file);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 3 }] });
      if (cycle === CYCLES_BASELINE || cycle === CYCLES) samples.push(await sample(client, cycle));
    }
    for (const s of samples) t.diagnostic(`after ${s.edits} files: RSS ${s.rssMb} MB, heap used ${s.heapUsedMb} MB`);
    assert.ok(findings > 50, 'each file is really analysed');
    const [baseline, last] = samples;
    assert.ok(last.heapUsedMb <= baseline.heapUsedMb + 10, `the heap after a full GC grew from ${baseline.heapUsedMb} MB after ${CYCLES_BASELINE} files to ${last.heapUsedMb} MB after ${CYCLES}`);
  } finally {
    await client.stop();
  }
});
