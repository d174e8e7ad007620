// Settings read per resource with workspace/configuration, re-read on didChangeConfiguration; .callstatslintrc.json overrides them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, uriOf, workspace } from './client.js';
import { idMaxBytes } from './fixtures.js';

const messageOf = (d: Diagnostic | undefined): string => (typeof d?.message === 'object' ? d.message.value : (d?.message ?? ''));

const ID_200_JS = "const cs = new callstats();\ncs.initialize('app', 'secret', 'x'.repeat(200));\n";

let client: TestClient;
let dir: string;
let file: string;

before(async () => {
  dir = workspace({ 'a.js': ID_200_JS, 'sub/b.js': ID_200_JS, 'sub/.callstatslintrc.json': '{ "userIdMaxBytes": 256 }\n' });
  file = path.join(dir, 'a.js');
  client = await TestClient.start({ folders: [dir], pull: false, settings: { '*': { userIdMaxBytes: 128 } } });
});
after(() => client.stop());

/** Changes what workspace/configuration answers, then tells the server, as VS Code does. */
async function changeSettings(value: unknown) {
  client.settings = { '*': value };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
}

test('the settings apply, asked for with the file as scope', async () => {
  const published = client.nextPublished(file);
  await client.open(file);
  assert.deepEqual((await published).diagnostics, [idMaxBytes(uriOf(file), 1, 31, 46, 200, 128)]);
  assert.ok(
    client.configurationRequests.some((r) => JSON.stringify(r) === JSON.stringify({ items: [{ scopeUri: uriOf(file), section: 'callstatsLint' }] })),
  );
});

test("a folder's .callstatslintrc.json overrides the settings", async () => {
  const b = path.join(dir, 'sub', 'b.js');
  const published = client.nextPublished(b);
  await client.open(b);
  assert.deepEqual((await published).diagnostics, []);
});

test('didChangeConfiguration re-reads the settings and re-diagnoses open files', async () => {
  const cleared = client.nextPublished(file, (p) => p.diagnostics.length === 0);
  await changeSettings({ userIdMaxBytes: 128, enable: false });
  await cleared;
  const back = client.nextPublished(file, (p) => p.diagnostics.length === 1);
  await changeSettings({ userIdMaxBytes: 128 });
  assert.deepEqual((await back).diagnostics, [idMaxBytes(uriOf(file), 1, 31, 46, 200, 128)]);
});

test('invalid settings: one message, a diagnostic on line 1, and the server goes on', async () => {
  const messages = client.messages.length;
  const broken = client.nextPublished(file, (p) => p.diagnostics[0]?.range.end.character === 0);
  await changeSettings({ userIdMaxBytes: 999 });
  const problem = 'editor settings (callstatsLint.*): "userIdMaxBytes" must be a whole number from 1 to 256 (got 999)';
  assert.deepEqual((await broken).diagnostics, [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 1,
      source: 'callstats-lint',
      message: `callstats-lint configuration error, this file was not checked: ${problem}`,
    },
  ]);
  await client.waitFor('the error message', () => client.messages.length > messages);
  assert.deepEqual(client.messages.slice(messages), [{ type: 1, message: `callstats-lint: ${problem}` }]);
  const fixed = client.nextPublished(file, (p) => p.diagnostics[0]?.code === 'id-max-bytes');
  await changeSettings({ userIdMaxBytes: 128 });
  await fixed;
});

test('a broken .callstatslintrc.json, reported once, and recovery when it is fixed on disk', async () => {
  const rc = path.join(dir, 'sub', '.callstatslintrc.json');
  const b = path.join(dir, 'sub', 'b.js');
  const c = path.join(dir, 'sub', 'c.js');
  fs.writeFileSync(rc, '{ "userIdMaxBytes": ');
  fs.writeFileSync(c, ID_200_JS);
  const messages = client.messages.length;
  const brokenB = client.nextPublished(b, (p) => /configuration error/.test(messageOf(p.diagnostics[0])));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(rc), type: 2 }] });
  await brokenB;
  const brokenC = client.nextPublished(c, (p) => /configuration error/.test(messageOf(p.diagnostics[0])));
  await client.open(c);
  const [diagnostic] = (await brokenC).diagnostics;
  const message = messageOf(diagnostic);
  assert.ok(message.startsWith(`callstats-lint configuration error, this file was not checked: ${rc}: invalid JSON: `), message);
  await client.waitFor('the error message', () => client.messages.length > messages);
  assert.equal(client.messages.length, messages + 1, 'one message for one broken file, however many files it breaks');

  fs.writeFileSync(rc, '{ "userIdMaxBytes": 100 }\n');
  const fixed = client.nextPublished(b, (p) => p.diagnostics[0]?.code === 'id-max-bytes');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(rc), type: 2 }] });
  assert.deepEqual((await fixed).diagnostics, [idMaxBytes(uriOf(b), 1, 31, 46, 200, 100)]);
});
