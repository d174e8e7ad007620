// Findings that depend on another file: editing the importer updates the imported file's diagnostics.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TestClient, uriOf, workspace } from './client.js';
import { idMaxBytes } from './fixtures.js';

/** ids.js holds the value, app.js hands it to initialize(): the finding is in ids.js, related to app.js. */
const FILES = {
  'ids.js': "export const USER = 'x'.repeat(300);\n",
  'app.js': "import { USER } from './ids.js';\nconst cs = new callstats();\ncs.initialize('app', 'secret', USER);\n",
};

function expected(dir: string) {
  const diagnostic = idMaxBytes(uriOf(path.join(dir, 'app.js')), 0, 20, 35);
  // The related location is the call in app.js, line 3.
  diagnostic.relatedInformation![0].location.range = { start: { line: 2, character: 0 }, end: { line: 2, character: 36 } };
  return diagnostic;
}

/** In app.js, line 3: `USER` → `'bob'`. */
const USE_SHORT_ID = [{ range: { start: { line: 2, character: 31 }, end: { line: 2, character: 35 } }, text: "'bob'" }];

test('push: editing the importer re-publishes the imported file', async () => {
  const dir = workspace(FILES);
  const client = await TestClient.start({ folders: [dir], pull: false });
  try {
    const ids = path.join(dir, 'ids.js');
    const app = path.join(dir, 'app.js');
    await client.open(ids);
    await client.open(app);
    await client.waitFor('the finding in ids.js', () => client.lastPublished(ids)?.diagnostics.length === 1);
    assert.deepEqual(client.lastPublished(ids)!.diagnostics, [expected(dir)]);

    const cleared = client.nextPublished(ids, (p) => p.diagnostics.length === 0);
    await client.change(app, USE_SHORT_ID);
    await cleared;
  } finally {
    await client.stop();
  }
});

test('pull: editing the importer sends workspace/diagnostic/refresh, and the re-pull is current', async () => {
  const dir = workspace(FILES);
  const client = await TestClient.start({ folders: [dir], pull: true });
  const pull = (file: string) =>
    client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uriOf(file) } });
  try {
    const ids = path.join(dir, 'ids.js');
    const app = path.join(dir, 'app.js');
    await client.open(ids);
    await client.open(app);
    await pull(app);
    const before = await pull(ids);
    assert.deepEqual(before.kind === 'full' && before.items, [expected(dir)]);

    const refreshes = client.refreshes;
    await client.change(app, USE_SHORT_ID);
    await client.waitFor('workspace/diagnostic/refresh', () => client.refreshes > refreshes);
    await pull(app);
    const after = await pull(ids);
    assert.deepEqual(after.kind === 'full' && after.items, []);
  } finally {
    await client.stop();
  }
});
