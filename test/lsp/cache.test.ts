// The server's first analysis of a workspace folder goes through the folder's cache; later ones follow the buffers.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { cacheEntries, rewriteEntry } from '../helpers/cache.js';
import { ROOT, TestClient, tempFolder, uriOf, workspace } from './client.js';
import { REPEAT_JS, idMaxBytes, repeatDiagnostic, ID_MAX_BYTES_HELP } from './fixtures.js';

const PLANTED = 'planted in the cache';
/** The servers' own user cache folder (the key that signs cache files), not the real ~/.cache. */
const USER_CACHE = tempFolder('callstats-lsp-user-cache-');

async function openAndPull(dir: string, file: string): Promise<{ client: TestClient; items: unknown[] }> {
  const client = await TestClient.start({ folders: [dir], pull: true, env: { XDG_CACHE_HOME: USER_CACHE } });
  await client.open(file);
  const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uriOf(file) } });
  return { client, items: report.kind === 'full' ? report.items : [] };
}

test('the server takes the facts the CLI kept: files the CLI linted are not read again', async () => {
  const dir = workspace({ 'package.json': '{ "name": "app" }\n', 'a.js': REPEAT_JS, 'b.js': 'export const b = 1;\n' });
  const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'callstats-lint.js'), '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: USER_CACHE } });
  assert.equal(cli.status, 1, cli.stderr);
  const facts = path.join(dir, 'node_modules', '.cache', 'callstats-lint', 'facts.json');
  const before = fs.statSync(facts).mtimeMs;
  const file = path.join(dir, 'a.js');
  const { client, items } = await openAndPull(dir, file);
  await client.stop();
  assert.deepEqual(items, [repeatDiagnostic(uriOf(file))]);
  // Every file's facts were found in the cache, so the server had nothing new to write.
  assert.equal(fs.statSync(facts).mtimeMs, before);
});

test('a folder opened again gets its first diagnostics from the cache; edits are analysed afresh', async () => {
  const dir = workspace({ 'package.json': '{ "name": "app" }\n', 'a.js': REPEAT_JS });
  const file = path.join(dir, 'a.js');
  const first = await openAndPull(dir, file);
  assert.deepEqual(first.items, [repeatDiagnostic(uriOf(file))]);
  await first.client.stop();

  const entries = cacheEntries(path.join(dir, 'node_modules', '.cache', 'callstats-lint'));
  assert.equal(entries.length, 1);
  rewriteEntry(entries[0], USER_CACHE, (body) => {
    (body.findings as { message: string }[])[0].message = PLANTED;
  });

  const second = await openAndPull(dir, file);
  try {
    assert.deepEqual(second.items, [{ ...repeatDiagnostic(uriOf(file)), message: `${PLANTED}\n${ID_MAX_BYTES_HELP}` }]);
    // 'x'.repeat(300) → 'x'.repeat(30): no finding, and nothing from the cache.
    await second.client.change(file, [{ range: { start: { line: 1, character: 44 }, end: { line: 1, character: 45 } }, text: '' }]);
    const edited = await second.client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uriOf(file) } });
    assert.deepEqual(edited.kind === 'full' && edited.items, []);
    await second.client.change(file, [{ range: { start: { line: 1, character: 44 }, end: { line: 1, character: 44 } }, text: '1' }]);
    const again = await second.client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uriOf(file) } });
    assert.deepEqual(again.kind === 'full' && again.items, [idMaxBytes(uriOf(file), 1, 31, 46, 301)]);
  } finally {
    await second.client.stop();
  }
});
