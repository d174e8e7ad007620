// The server's files under the real LSP: deleted and created files, untitled buffers, hover outside the folders, `/` as a folder, eglot's null params, odd folder URIs and a BOM.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport, Hover } from 'vscode-languageserver-protocol';
import { TestClient, tempFolder, uriOf, workspace } from '../lsp/client.js';
import { CLEAN_JS, REPEAT_JS, X300 } from '../lsp/fixtures.js';

const CREATED = 1;
const DELETED = 3;

async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  return report.kind === 'full' ? report.items : [];
}
const codes = (items: Diagnostic[]) => items.map((d) => d.code);

/** Resolves with `promise`, or rejects once `ms` have passed: a server that hangs fails the test instead of holding it. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

test('a file deleted (Deleted event sent) takes its findings out of the open files that imported it', async () => {
  const dir = workspace({ '.callstatslintrc.json': '{}', 'lib.js': "export const EMPTY = '';\n", 'app.js': "import { EMPTY } from './lib.js';\nconst cs = new callstats();\ncs.initialize('app', 'secret', EMPTY);\n" });
  const app = path.join(dir, 'app.js');
  const client = await TestClient.start({ folders: [dir], pull: false });
  try {
    await client.open(app);
    await client.waitFor('the id-empty finding', () => codes(client.lastPublished(app)?.diagnostics ?? []).includes('id-empty'));
    fs.rmSync(path.join(dir, 'lib.js'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, 'lib.js')), type: DELETED }] });
    await client.waitFor('app.js without the finding', () => client.lastPublished(app)?.diagnostics.length === 0);
  } finally {
    await client.stop();
  }
});

test('"Created" events add only the files discovery lists: a git-ignored file or one in node_modules never joins the project', async () => {
  const collision = (id: string) => `const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\nexport function join(pc) { cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, '${id}'); }\n`;
  const dir = workspace({ '.callstatslintrc.json': '{}', '.gitignore': 'a-gen/\n', 'app.js': collision('Room-A') });
  const app = path.join(dir, 'app.js');
  const client = await TestClient.start({ folders: [dir], pull: true });
  const create = async (name: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), collision('room-a'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, name)), type: CREATED }] });
  };
  let version = 1;
  const edit = () => client.change(app, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: `// ${++version}\n` }]);
  try {
    await client.open(app);
    assert.ok(!codes(await pull(client, uriOf(app))).includes('id-case-collision'));
    await create('a-gen/other.js');
    await create('node_modules/pkg/a-other.js');
    await edit();
    assert.deepEqual(codes(await pull(client, uriOf(app))).filter((c) => c === 'id-case-collision'), [], 'ignored files are not in the project');
    await create('a-src/other.js');
    await edit();
    assert.deepEqual(codes(await pull(client, uriOf(app))).filter((c) => c === 'id-case-collision'), ['id-case-collision'], 'a listed file joins it');
  } finally {
    await client.stop();
  }
});

test('an untitled buffer never stands in for a real file of that name', async () => {
  const dir = workspace({ '.callstatslintrc.json': '{}', 'Untitled-1.js': REPEAT_JS });
  const real = path.join(dir, 'Untitled-1.js');
  const client = await TestClient.start({ folders: [dir], pull: true });
  try {
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'javascript', version: 1, text: CLEAN_JS } });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-2', languageId: 'javascript', version: 1, text: REPEAT_JS } });
    assert.deepEqual(await pull(client, 'untitled:Untitled-1'), []);
    assert.deepEqual(codes(await pull(client, 'untitled:Untitled-2')), ['id-max-bytes']);
    assert.deepEqual(codes(await pull(client, uriOf(real))), ['id-max-bytes'], 'the file on disk keeps its own finding');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: 'untitled:Untitled-2' } });
    assert.deepEqual(codes(await pull(client, uriOf(real))), ['id-max-bytes']);
  } finally {
    await client.stop();
  }
});

test('hover never reads or shows a file outside the workspace folders (../.., an absolute path, a link)', async () => {
  const root = tempFolder('callstats-hover-');
  fs.mkdirSync(path.join(root, 'app'));
  fs.mkdirSync(path.join(root, 'secrets'));
  fs.writeFileSync(path.join(root, 'secrets', 'ids.js'), "export const USER = 'top-secret-user-name';\n");
  fs.symlinkSync(path.join(root, 'secrets'), path.join(root, 'app', 'linked'));
  const specifiers = ['../secrets/ids.js', path.join(root, 'secrets', 'ids.js'), './linked/ids.js'];
  const client = await TestClient.start({ folders: [path.join(root, 'app')], pull: true });
  try {
    for (const [i, specifier] of specifiers.entries()) {
      const file = path.join(root, 'app', `app${i}.js`);
      const text = `import { USER } from '${specifier}';\nconst cs = new callstats();\ncs.initialize('app', 'secret', USER);\n`;
      fs.writeFileSync(file, text);
      await client.open(file, text);
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 2, character: 33 } });
      assert.ok(!JSON.stringify(hover).includes('top-secret'), `${specifier}: ${JSON.stringify(hover)}`);
    }
    // Inside the folder, values are shown as before.
    const inside = path.join(root, 'app', 'inside.js');
    fs.writeFileSync(path.join(root, 'app', 'ids.js'), "export const USER = 'visible-user-name';\n");
    const text = "import { USER } from './ids.js';\nconst cs = new callstats();\ncs.initialize('app', 'secret', USER);\n";
    fs.writeFileSync(inside, text);
    await client.open(inside, text);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(inside) }, position: { line: 2, character: 33 } });
    assert.ok(JSON.stringify(hover).includes('visible-user-name'), JSON.stringify(hover));
  } finally {
    await client.stop();
  }
});

test('a workspace folder that is `/`: the first diagnostics of one small file do not wait for the whole disk', async () => {
  const dir = workspace({ 'small.js': REPEAT_JS });
  const file = path.join(dir, 'small.js');
  const client = await TestClient.start({ folders: ['/'], pull: true });
  try {
    await client.open(file);
    assert.deepEqual(codes(await within(20_000, 'the first pull', pull(client, uriOf(file)))), ['id-max-bytes']);
    // The server goes on answering while the folder is discovered.
    const hover = await within(20_000, 'a hover', client.request('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 1, character: 33 } }));
    assert.ok(hover);
  } finally {
    await client.stop();
  }
});

test("eglot's `params: null` for shutdown and exit: shutdown is answered, later requests get InvalidRequest, exit ends the server with 0", async () => {
  const client = await TestClient.start({ folders: [workspace({ 'a.js': CLEAN_JS })], pull: true });
  const frame = (message: object) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
  };
  const answer = (id: number) => client.waitFor(`the answer to ${id}`, () => client.received.find((m) => m.id === id));
  await client.writeRaw(frame({ id: 9001, method: 'shutdown', params: null }));
  assert.deepEqual(await answer(9001), { jsonrpc: '2.0', id: 9001, result: null });
  await client.writeRaw(frame({ id: 9002, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///a.js' }, position: { line: 0, character: 0 } } }));
  assert.equal(((await answer(9002)) as { error: { code: number } }).error.code, -32600);
  await client.writeRaw(frame({ method: 'exit', params: null }));
  assert.equal(await client.exited(), 0);
});

test('a workspace folder URI with a host does not fail initialize; the other folders work', async () => {
  const dir = workspace({ 'a.js': REPEAT_JS });
  const client = await TestClient.start({ folders: [dir], folderUris: ['file://fileserver/share/app'], pull: true });
  try {
    assert.ok(client.capabilities.diagnosticProvider);
    await client.open(path.join(dir, 'a.js'));
    assert.deepEqual(codes(await pull(client, uriOf(path.join(dir, 'a.js')))), ['id-max-bytes']);
  } finally {
    await client.stop();
  }
});

test('a BOM in a buffer is a character like any other: line-1 columns are those of the buffer', async () => {
  const dir = workspace({});
  const file = path.join(dir, 'bom.js');
  const text = `\uFEFFnew callstats().initialize('app', 'secret', '${X300}');\n`;
  const client = await TestClient.start({ folders: [dir], pull: true });
  try {
    await client.open(file, text);
    const [diagnostic] = await pull(client, uriOf(file));
    const start = text.indexOf(`'${X300}'`);
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: start }, end: { line: 0, character: start + X300.length + 2 } });
  } finally {
    await client.stop();
  }
});
