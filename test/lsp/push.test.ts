// Push diagnostics (a client without textDocument/diagnostic): on open, on incremental change, with status notifications.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { TestClient, uriOf, workspace } from './client.js';
import { REPEAT_JS, repeatDiagnostic } from './fixtures.js';

let client: TestClient;
let dir: string;

before(async () => {
  dir = workspace({ 'a.js': REPEAT_JS, 'plain.js': 'export const answer = 42;\n' });
  client = await TestClient.start({ folders: [dir], pull: false });
});
after(() => client.stop());

test('declares push mode: no diagnosticProvider, incremental sync, code actions, hover, the command', () => {
  assert.equal(client.capabilities.diagnosticProvider, undefined);
  assert.deepEqual(client.capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
  assert.deepEqual(client.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.callstats-lint'] });
  assert.equal(client.capabilities.hoverProvider, true);
  assert.deepEqual(client.capabilities.executeCommandProvider, { commands: ['callstats-lint.lintWorkspace'] });
});

test('a file without findings gets an empty publication and a status notification', async () => {
  const file = path.join(dir, 'plain.js');
  const statuses = client.statuses.length;
  const published = client.nextPublished(file);
  await client.open(file);
  assert.deepEqual((await published).diagnostics, []);
  const status = await client.waitFor('a status notification', () => client.statuses[statuses]);
  assert.equal(status.state, 'ok');
  assert.equal(status.files, 1);
  assert.ok(!Number.isNaN(Date.parse(status.finishedAt)));
});

test('diagnostics on open, then on incremental changes of the unsaved buffer', async () => {
  const file = path.join(dir, 'a.js');
  const opened = client.nextPublished(file);
  await client.open(file);
  assert.deepEqual(await opened, { uri: uriOf(file), version: 1, diagnostics: [repeatDiagnostic(uriOf(file))] });

  // 300 → 30: replace the "0" at line 2, character 44 (0-based) with nothing.
  const fixed = client.nextPublished(file, (p) => p.version === 2);
  await client.change(file, [{ range: { start: { line: 1, character: 44 }, end: { line: 1, character: 45 } }, text: '' }]);
  assert.deepEqual((await fixed).diagnostics, []);

  // And back: the buffer, not the file on disk (unchanged all along), is what is analysed.
  const broken = client.nextPublished(file, (p) => p.version === 3);
  await client.change(file, [{ range: { start: { line: 1, character: 44 }, end: { line: 1, character: 44 } }, text: '0' }]);
  assert.deepEqual((await broken).diagnostics, [repeatDiagnostic(uriOf(file))]);
});

test('closing a document clears its diagnostics', async () => {
  const file = path.join(dir, 'a.js');
  const cleared = client.nextPublished(file);
  await client.close(file);
  assert.deepEqual((await cleared).diagnostics, []);
});

test('an untitled buffer is analysed too, by its language', async () => {
  const uri = 'untitled:Untitled-1';
  const from = client.published.length;
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: REPEAT_JS } });
  const published = await client.waitFor('diagnostics for the untitled buffer', () => client.published.slice(from).find((p) => p.uri === uri));
  assert.deepEqual(published.diagnostics, [repeatDiagnostic(uri)]);
});
