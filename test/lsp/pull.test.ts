// Pull diagnostics (textDocument/diagnostic and workspace/diagnostic) for a client that declares them.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import { TestClient, uriOf, workspace } from './client.js';
import { CLEAN_JS, REPEAT_JS, repeatDiagnostic } from './fixtures.js';

let client: TestClient;
let dir: string;

before(async () => {
  dir = workspace({ 'a.js': REPEAT_JS, 'clean.js': CLEAN_JS, 'closed.js': REPEAT_JS, 'node_modules/dep/index.js': REPEAT_JS });
  client = await TestClient.start({ folders: [dir], pull: true });
});
after(() => client.stop());

const pullDocument = (file: string, previousResultId?: string) =>
  client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uriOf(file) }, previousResultId });

test('declares pull diagnostics with inter-file dependencies and workspace diagnostics', () => {
  assert.deepEqual(client.capabilities.diagnosticProvider, {
    identifier: 'callstats-lint',
    interFileDependencies: true,
    workspaceDiagnostics: true,
  });
});

test('a pull reports the buffer; the same result id answers "unchanged"; an edit gives a new full report', async () => {
  const file = path.join(dir, 'a.js');
  await client.open(file);
  const first = await pullDocument(file);
  assert.equal(first.kind, 'full');
  assert.deepEqual(first.kind === 'full' && first.items, [repeatDiagnostic(uriOf(file))]);
  assert.ok(first.resultId);

  assert.deepEqual(await pullDocument(file, first.resultId), { kind: 'unchanged', resultId: first.resultId });

  await client.change(file, [{ range: { start: { line: 1, character: 44 }, end: { line: 1, character: 45 } }, text: '' }]);
  const edited = await pullDocument(file, first.resultId);
  assert.equal(edited.kind, 'full');
  assert.deepEqual(edited.kind === 'full' && edited.items, []);
  assert.notEqual(edited.resultId, first.resultId);
  assert.equal(client.published.length, 0, 'a pull client gets no publishDiagnostics');
});

test('workspace/diagnostic reports every file, open ones by their buffer, skipping node_modules; then "unchanged"', async () => {
  const report = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
  const byUri = new Map(report.items.map((item) => [item.uri, item]));
  assert.deepEqual([...byUri.keys()].sort(), ['a.js', 'clean.js', 'closed.js'].map((f) => uriOf(path.join(dir, f))));
  const closed = byUri.get(uriOf(path.join(dir, 'closed.js')))!;
  assert.equal(closed.kind, 'full');
  assert.equal(closed.version, null);
  assert.deepEqual(closed.kind === 'full' && closed.items, [repeatDiagnostic(closed.uri)]);
  // a.js is open and was edited by the previous test: its buffer (version 2) has no finding left.
  const open = byUri.get(uriOf(path.join(dir, 'a.js')))!;
  assert.equal(open.version, 2);
  assert.deepEqual(open.kind === 'full' && open.items, []);

  const again = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', {
    previousResultIds: report.items.map((item) => ({ uri: item.uri, value: item.resultId })),
  });
  assert.deepEqual(
    again.items.map((item) => item.kind),
    report.items.map(() => 'unchanged'),
  );
});

test('run: onSave keeps reporting the saved text until the next save', async () => {
  const onSaveDir = workspace({ 'a.js': REPEAT_JS });
  const onSave = await TestClient.start({ folders: [onSaveDir], pull: true, settings: { '*': { run: 'onSave' } } });
  try {
    const file = path.join(onSaveDir, 'a.js');
    const pull = () => onSave.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uriOf(file) } });
    await onSave.open(file);
    const opened = await pull();
    assert.deepEqual(opened.kind === 'full' && opened.items, [repeatDiagnostic(uriOf(file))]);
    await onSave.change(file, [{ range: { start: { line: 1, character: 44 }, end: { line: 1, character: 45 } }, text: '' }]);
    assert.deepEqual(await pull(), opened, 'an unsaved edit changes nothing');
    await onSave.connection.sendNotification('textDocument/didSave', { textDocument: { uri: uriOf(file) } });
    const saved = await pull();
    assert.deepEqual(saved.kind === 'full' && saved.items, []);
  } finally {
    await onSave.stop();
  }
});
