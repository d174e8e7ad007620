// The engine failing on one file, cancellation, and the Lint Workspace command with work-done progress.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { CancellationTokenSource, type CodeAction, type Hover } from 'vscode-languageserver-protocol/node';
import { FAULTY_SERVER, TestClient, uriOf, workspace } from './client.js';
import { CLEAN_JS, REPEAT_JS, repeatDiagnostic } from './fixtures.js';

test('the engine throwing on one file: that file gets one diagnostic, files of another project are linted, the server goes on', async () => {
  // A file is analysed with its whole project, so an engine failure on boom.js fails its folder's analyses; another folder's go on.
  const dir = workspace({ 'one/boom.js': REPEAT_JS, 'two/a.js': REPEAT_JS });
  const client = await TestClient.start({ folders: [path.join(dir, 'one'), path.join(dir, 'two')], pull: false, server: FAULTY_SERVER, args: ['--fault=engine:boom'] });
  try {
    const boom = path.join(dir, 'one', 'boom.js');
    const a = path.join(dir, 'two', 'a.js');
    const failed = client.nextPublished(boom);
    await client.open(boom);
    assert.deepEqual((await failed).diagnostics, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 1,
        source: 'callstats-lint',
        message: `callstats-lint failed on this file: a fault planted in the engine on ${boom}`,
      },
    ]);
    const status = await client.waitFor('a failed status', () => client.statuses.find((s) => s.state === 'failed'));
    assert.equal(status.detail, `a fault planted in the engine on ${boom}`);

    const ok = client.nextPublished(a);
    await client.open(a);
    assert.deepEqual((await ok).diagnostics, [repeatDiagnostic(uriOf(a))]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(boom) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
    assert.equal(client.exitCode, null);
  } finally {
    await client.stop();
  }
});

test('Lint Workspace: every file of every folder, published, with work-done progress', async () => {
  const one = workspace({ 'a.js': REPEAT_JS, 'b.js': CLEAN_JS, 'ignored/c.js': REPEAT_JS, '.gitignore': 'ignored/\n' });
  const two = workspace({ 'd.js': REPEAT_JS });
  const client = await TestClient.start({ folders: [one, two], pull: false });
  try {
    const result = await client.request('workspace/executeCommand', { command: 'callstats-lint.lintWorkspace', arguments: [], workDoneToken: 'lint-1' });
    assert.deepEqual(result, { files: 3, findings: 2, problems: [] });
    for (const file of [path.join(one, 'a.js'), path.join(two, 'd.js')]) {
      await client.waitFor(`diagnostics for ${file}`, () => client.lastPublished(file)?.diagnostics.length === 1);
      assert.deepEqual(client.lastPublished(file)!.diagnostics, [repeatDiagnostic(uriOf(file))]);
    }
    assert.deepEqual(client.lastPublished(path.join(one, 'b.js'))!.diagnostics, []);
    assert.equal(client.lastPublished(path.join(one, 'ignored', 'c.js')), undefined);
    const kinds = client.progress.filter((p) => (p as { token: string }).token === 'lint-1').map((p) => (p as { value: { kind: string } }).value);
    assert.deepEqual(kinds[0], { kind: 'begin', title: 'callstats-lint', cancellable: true, message: 'Linting 3 files', percentage: 0 });
    assert.deepEqual(kinds.at(-1), { kind: 'end' });
    // One engine run for the files that share settings, as the CLI lints them: one report when it is done.
    assert.deepEqual(
      kinds.filter((k) => k.kind === 'report').map((k) => (k as unknown as { message: string }).message),
      ['3/3'],
    );
  } finally {
    await client.stop();
  }
});

test('$/cancelRequest stops Lint Workspace between files; the server answers later requests', async () => {
  const dir = workspace(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.js`, REPEAT_JS])));
  const client = await TestClient.start({ folders: [dir], pull: false });
  try {
    let open!: () => void;
    client.configurationGate = new Promise((resolve) => (open = resolve));
    const source = new CancellationTokenSource();
    const request = client.request('workspace/executeCommand', { command: 'callstats-lint.lintWorkspace', arguments: [], workDoneToken: 'lint-2' }, source);
    // The server is now waiting for the first file's settings: cancel, then let it go on. The
    // $/cancelRequest is written before the settings answer, so it lands first.
    await client.waitFor('the first settings request', () => client.configurationRequests.length > 0);
    source.cancel();
    open();
    await assert.rejects(request, (error: { code: number }) => error.code === -32800);
    await client.waitFor('the progress to end', () => client.progress.some((p) => JSON.stringify(p) === '{"token":"lint-2","value":{"kind":"end"}}'));
    assert.equal(client.published.length, 0, 'cancelled before the first file was analysed');
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: uriOf(path.join(dir, 'f0.js')) },
      position: { line: 0, character: 0 },
    });
    assert.equal(hover, null);
  } finally {
    await client.stop();
  }
});
