// A rule that throws: the files it fails on get one diagnostic naming the rule and the error; other rules and files are unaffected.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import type { DocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { FAULTY_SERVER, TestClient, uriOf, workspace } from '../lsp/client.js';
import { REPEAT_JS, repeatDiagnostic } from '../lsp/fixtures.js';

/** id-max-bytes on line 2, id-empty on line 3. */
const TWO_RULES_JS = REPEAT_JS + "cs.addNewFabric(pc, 'bob', 'multiplex', '');\n";
const NO_SDK_JS = 'export const answer = 42;\n';

const failure = (rule: string) => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  severity: 1,
  source: 'callstats-lint',
  message: `rule ${rule} failed: a fault planted in ${rule}`,
});

async function pulled(client: TestClient, file: string) {
  await client.open(file);
  const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uriOf(file) } });
  assert.equal(report.kind, 'full');
  return report.kind === 'full' ? report.items : [];
}

test('a rule that throws on one file: that file gets one diagnostic naming the rule and the error, the other files keep their findings', async () => {
  const dir = workspace({ 'boom.js': REPEAT_JS, 'a.js': REPEAT_JS });
  const client = await TestClient.start({ folders: [dir], pull: true, server: FAULTY_SERVER, args: ['--fault=rule:id-max-bytes:boom'] });
  try {
    const boom = path.join(dir, 'boom.js');
    const a = path.join(dir, 'a.js');
    assert.deepEqual(await pulled(client, boom), [failure('id-max-bytes')]);
    const status = await client.waitFor('a failed status', () => client.statuses.find((s) => s.state === 'failed'));
    assert.equal(status.detail, 'rule id-max-bytes failed: a fault planted in id-max-bytes');
    assert.deepEqual(await pulled(client, a), [repeatDiagnostic(uriOf(a))]);
    assert.equal(client.statuses.at(-1)!.state, 'ok');
    // The server goes on: the failing file again, after an edit.
    await client.change(boom, [{ text: REPEAT_JS + '\n' }]);
    assert.deepEqual(await pulled(client, boom), [failure('id-max-bytes')]);
  } finally {
    await client.stop();
  }
});

test("a rule whose whole run throws: each file with SDK calls gets one diagnostic for it, the other rules' findings stay", async () => {
  const dir = workspace({ 'two.js': TWO_RULES_JS, 'plain.js': NO_SDK_JS });
  const client = await TestClient.start({ folders: [dir], pull: false, server: FAULTY_SERVER, args: ['--fault=rule:id-empty'] });
  try {
    const two = path.join(dir, 'two.js');
    const plain = path.join(dir, 'plain.js');
    const published = client.nextPublished(two);
    await client.open(two);
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.map((d) => d.code ?? d.message),
      ['id-max-bytes', failure('id-empty').message],
      'id-max-bytes still reports; id-empty is one failure diagnostic',
    );
    assert.deepEqual(diagnostics[0], repeatDiagnostic(uriOf(two)));
    assert.deepEqual(diagnostics[1], failure('id-empty'));
    const clean = client.nextPublished(plain);
    await client.open(plain);
    assert.deepEqual((await clean).diagnostics, []);
    assert.equal(client.exitCode, null);
  } finally {
    await client.stop();
  }
});
