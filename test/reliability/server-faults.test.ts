// Faults a client can send the server over stdio: broken frames, unknown methods, unknown documents, bad positions, edits racing cancellation.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { CancellationTokenSource, type CodeAction, type DocumentDiagnosticReport, type Hover } from 'vscode-languageserver-protocol/node';
import { TestClient, uriOf, workspace } from '../lsp/client.js';
import { CLEAN_JS, LITERAL_JS, REPEAT_JS, literalDiagnostic, repeatDiagnostic } from '../lsp/fixtures.js';

let client: TestClient;
let dir: string;
let opened: string;

before(async () => {
  dir = workspace({ 'opened.js': REPEAT_JS, 'literal.js': LITERAL_JS, 'closed.js': REPEAT_JS, 'README.md': '# not a script\n' });
  client = await TestClient.start({ folders: [dir], pull: true });
  opened = path.join(dir, 'opened.js');
  await client.open(opened);
});
after(() => client.stop());

const pull = (uri: string) => client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
const items = (report: DocumentDiagnosticReport) => (report.kind === 'full' ? report.items : undefined);

/** A normal request after a fault: the open file's diagnostics, as before the fault. */
async function stillWorks(): Promise<void> {
  assert.deepEqual(items(await pull(uriOf(opened))), [repeatDiagnostic(uriOf(opened))]);
  assert.equal(client.exitCode, null);
}

const frame = (body: string, length = Buffer.byteLength(body)) => `Content-Length: ${length}\r\n\r\n${body}`;
const json = (message: object) => JSON.stringify({ jsonrpc: '2.0', ...message });
const errorsSince = (from: number) => client.received.slice(from).filter((m) => m.error !== undefined && !('result' in m));
const codeOf = (error: unknown) => (error as { code: number }).code;

test('malformed JSON-RPC gets one JSON-RPC error per fault, and the next request is answered', async (t) => {
  const hover = json({ id: 'h', method: 'textDocument/hover', params: { textDocument: { uri: uriOf(opened) }, position: { line: 0, character: 0 } } });
  const cases: { name: string; bytes: string; code?: number; id?: string | null }[] = [
    { name: 'invalid JSON', bytes: frame('{"jsonrpc":"2.0","id":'), code: -32700, id: null },
    { name: 'Content-Length not a number', bytes: 'Content-Length: abc\r\n\r\n{}', code: -32700, id: null },
    { name: 'no Content-Length header', bytes: 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}', code: -32700, id: null },
    { name: 'header line without a colon', bytes: 'Content-Length 2\r\n\r\n{}', code: -32700, id: null },
    { name: 'Content-Length too small', bytes: frame(hover, 10), code: -32700, id: null },
    { name: 'Content-Length too large', bytes: frame(hover, hover.length + 500), code: -32700, id: null },
    // A classic client bug: counting characters instead of UTF-8 bytes.
    { name: 'Content-Length in characters, not bytes', bytes: frame(json({ method: 'window/x', params: { text: 'é'.repeat(20) } }), json({ method: 'window/x', params: { text: 'é'.repeat(20) } }).length), code: -32700, id: null },
    { name: 'garbage that is no frame at all', bytes: 'hello\r\n\r\n', code: -32700, id: null },
    { name: 'a request without method', bytes: frame(json({ id: 'no-method', params: {} })), code: -32600, id: 'no-method' },
    { name: 'a method that is not a string', bytes: frame(json({ id: 'bad-method', method: 42 })), code: -32600, id: 'bad-method' },
    { name: 'an id that is an object', bytes: frame(json({ id: {}, method: 'textDocument/hover' })), code: -32600, id: null },
    { name: 'params that are a number', bytes: frame(json({ id: 'bad-params', method: 'textDocument/hover', params: 5 })), code: -32600, id: 'bad-params' },
    { name: 'a batch (array)', bytes: frame('[' + hover + ']'), code: -32600, id: null },
    { name: 'a bare string', bytes: frame('"hello"'), code: -32600, id: null },
    { name: '$/cancelRequest without params (a notification: never answered)', bytes: frame(json({ method: '$/cancelRequest' })) },
    { name: 'a notification with params that are a number (never answered)', bytes: frame(json({ method: 'textDocument/didChange', params: 5 })) },
  ];
  for (const fault of cases) {
    const from = client.received.length;
    await client.writeRaw(fault.bytes);
    // Sent right behind the fault: a frame with a too-large length is only found broken when
    // the next header arrives inside its body.
    await stillWorks();
    const errors = errorsSince(from);
    if (fault.code === undefined) {
      assert.deepEqual(errors, [], fault.name);
      continue;
    }
    assert.equal(errors.length, 1, `${fault.name}: ${JSON.stringify(errors)}`);
    assert.equal((errors[0].error as { code: number }).code, fault.code, fault.name);
    assert.equal(errors[0].id, fault.id, fault.name);
    t.diagnostic(`${fault.name}: ${JSON.stringify(errors[0].error)}`);
  }
});

test('a 1 MB document arriving in 1,000-byte pieces is read whole', async () => {
  const file = path.join(dir, 'large.js');
  // A raw CR LF and "Content-Length:" inside a string: escaped in JSON, so never taken for a header.
  const filler = '// Content-Length: 12\r\n\r\n is only text here\n'.repeat(22_000);
  const text = filler + REPEAT_JS;
  const bytes = Buffer.from(frame(json({ method: 'textDocument/didOpen', params: { textDocument: { uri: uriOf(file), languageId: 'javascript', version: 1, text } } })));
  assert.ok(bytes.length > 1_000_000);
  const from = client.received.length;
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 1000) pieces.push(bytes.subarray(at, at + 1000));
  await client.writeRaw(pieces);
  const line = text.split('\n').length - 2;
  const report = await pull(uriOf(file));
  assert.deepEqual(items(report)?.map((d) => [d.code, d.range.start.line]), [['id-max-bytes', line]]);
  assert.deepEqual(errorsSince(from), [], 'no Parse error: the frame was read whole');
  await client.close(file);
  await stillWorks();
});

test('an unknown request gets MethodNotFound (-32601); an unknown notification is ignored', async () => {
  await assert.rejects(client.request('callstatsLint/noSuchMethod', {}), (error) => codeOf(error) === -32601);
  await assert.rejects(client.request('textDocument/noSuchMethod', { textDocument: { uri: uriOf(opened) } }), (error) => codeOf(error) === -32601);
  const from = client.received.length;
  await client.connection.sendNotification('callstatsLint/noSuchNotification', { x: 1 });
  await client.connection.sendNotification('$/noSuchNotification', { x: 1 });
  await stillWorks();
  assert.deepEqual(errorsSince(from), []);
});

test('requests about documents never opened: diagnostics from disk for a lintable file, else empty; hover null; no code actions', async () => {
  const closed = path.join(dir, 'closed.js');
  const report = await pull(uriOf(closed));
  assert.deepEqual(items(report), [repeatDiagnostic(uriOf(closed))], 'a file on disk that is not open: analysed as it is on disk');
  const unknownUris = [uriOf(path.join(dir, 'missing.js')), uriOf(path.join(dir, 'README.md')), uriOf(dir), 'untitled:Untitled-99', 'https://example.com/app.js'];
  for (const uri of [uriOf(closed), ...unknownUris]) {
    if (uri !== uriOf(closed)) assert.deepEqual(items(await pull(uri)), [], uri);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 40 } });
    assert.equal(hover, null, uri);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 1, character: 31 }, end: { line: 1, character: 46 } },
      context: { diagnostics: [], only: ['quickfix', 'source.fixAll.callstats-lint'] },
    });
    assert.deepEqual(actions, [], uri);
  }
  await stillWorks();
});

test('notifications about documents never opened, or without the fields they need, change nothing', async () => {
  const stranger = { uri: uriOf(path.join(dir, 'never-opened.js')), version: 7 };
  const notifications: [string, unknown][] = [
    ['textDocument/didChange', { textDocument: stranger, contentChanges: [{ text: REPEAT_JS }] }],
    ['textDocument/didSave', { textDocument: stranger }],
    ['textDocument/didClose', { textDocument: stranger }],
    ['textDocument/didChange', { textDocument: { uri: uriOf(opened), version: 99 } }],
    ['textDocument/didOpen', { textDocument: { uri: uriOf(path.join(dir, 'no-text.js')), languageId: 'javascript', version: 1 } }],
    ['textDocument/didOpen', {}],
    ['workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///nowhere/x.js' }] }],
    ['workspace/didChangeWatchedFiles', {}],
    ['workspace/didChangeConfiguration', {}],
  ];
  for (const [method, params] of notifications) await client.connection.sendNotification(method, params);
  await stillWorks();
  assert.doesNotMatch(client.stderrText, /\n\s+at /, 'no stack trace on stderr');
});

test('malformed params get InvalidParams (-32602)', async () => {
  const textDocument = { uri: uriOf(opened) };
  const bad: [string, unknown][] = [
    ['textDocument/hover', { textDocument }],
    ['textDocument/hover', { textDocument, position: { line: -1, character: 0 } }],
    ['textDocument/hover', { textDocument, position: { line: 0.5, character: 0 } }],
    ['textDocument/hover', { position: { line: 0, character: 0 } }],
    ['textDocument/codeAction', { textDocument, context: { diagnostics: [] } }],
    ['textDocument/codeAction', { textDocument, range: { start: { line: 0, character: 0 } }, context: { diagnostics: [] } }],
    ['textDocument/codeAction', { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }],
    ['textDocument/diagnostic', { textDocument: {} }],
    ['textDocument/diagnostic', {}],
  ];
  for (const [method, params] of bad) {
    await assert.rejects(client.request(method, params), (error) => codeOf(error) === -32602, `${method} ${JSON.stringify(params)}`);
  }
  await stillWorks();
});

test('positions and ranges past the end are clamped to the end, never an error', async () => {
  const literal = path.join(dir, 'literal.js');
  await client.open(literal);
  const textDocument = { uri: uriOf(literal) };
  for (const position of [{ line: 10_000, character: 10_000 }, { line: 1, character: 10_000 }, { line: 10_000, character: 0 }]) {
    assert.equal(await client.request<Hover | null>('textDocument/hover', { textDocument, position }), null, JSON.stringify(position));
  }
  const actions = (range: object, only?: string[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument, range, context: { diagnostics: [], ...(only ? { only } : {}) } });
  assert.deepEqual(await actions({ start: { line: 9_999, character: 0 }, end: { line: 10_000, character: 10_000 } }), [], 'a range after the end touches no finding');
  const all = await actions({ start: { line: 0, character: 0 }, end: { line: 10_000, character: 10_000 } });
  assert.deepEqual(
    all.map((a) => a.title),
    ['Replace the value with its SHA-1 hex digest', 'Truncate the literal to the limit', 'Disable id-max-bytes for this line'],
    'a range from the start to past the end touches every finding',
  );
  await client.close(literal);
  // A document with a safe fix: fix-all covers it whatever the range.
  const unicode = path.join(dir, 'unicode.js');
  await client.open(unicode, "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice\\u200B');\n");
  const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: uriOf(unicode) },
    range: { start: { line: 10_000, character: 0 }, end: { line: 10_000, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.callstats-lint'] },
  });
  assert.deepEqual(fixAll.map((a) => a.kind), ['source.fixAll.callstats-lint'], 'fix-all covers the document whatever the range');
  await client.close(unicode);
  await stillWorks();
});

test('edits racing with cancellation (pull): each request is cancelled (-32800) or answered, the next one sees the last edit', async (t) => {
  const file = path.join(dir, 'race.js');
  await client.open(file, REPEAT_JS);
  const uri = uriOf(file);
  // An answered request reports the text it was sent after, or a later one (edits that landed
  // while it waited for settings), up to the final text.
  const valid = [JSON.stringify([repeatDiagnostic(uri)]), JSON.stringify([]), JSON.stringify([literalDiagnostic(uri)])];
  const outcomes: Promise<'cancelled' | 'answered'>[] = [];
  const settle = (request: Promise<unknown>, check: (result: unknown) => void) =>
    request.then(
      (result) => {
        check(result);
        return 'answered' as const;
      },
      (error) => {
        assert.equal(codeOf(error), -32800, `a cancelled request failed otherwise: ${JSON.stringify(error)}`);
        return 'cancelled' as const;
      },
    );
  for (let round = 0; round < 200; round++) {
    // Nothing is awaited: changes, requests and cancellations reach the server back to back.
    void client.change(file, [{ text: round % 2 ? REPEAT_JS : CLEAN_JS }]);
    const source = new CancellationTokenSource();
    const report = client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }, source);
    const actions = client.request<CodeAction[]>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 60 } }, context: { diagnostics: [] } },
      source,
    );
    if (round % 4 !== 3) source.cancel();
    outcomes.push(settle(report, (r) => assert.ok(valid.includes(JSON.stringify(items(r as DocumentDiagnosticReport))), JSON.stringify(r))));
    outcomes.push(settle(actions, (r) => assert.ok(Array.isArray(r))));
  }
  await client.change(file, [{ text: LITERAL_JS }]);
  const last = await pull(uri);
  const settled = await Promise.all(outcomes);
  assert.deepEqual(items(last), [literalDiagnostic(uri)]);
  t.diagnostic(`cancelled ${settled.filter((s) => s === 'cancelled').length} of ${settled.length} requests`);
  await client.close(file);
  await stillWorks();
});

test('edits racing with cancellation (push): the diagnostics published last are those of the last version', async () => {
  const pushDir = workspace({ 'race.js': REPEAT_JS });
  const push = await TestClient.start({ folders: [pushDir], pull: false });
  try {
    const file = path.join(pushDir, 'race.js');
    const uri = uriOf(file);
    await push.open(file);
    const requests: Promise<unknown>[] = [];
    for (let round = 0; round < 100; round++) {
      void push.change(file, [{ text: round % 2 ? CLEAN_JS : REPEAT_JS }]);
      const source = new CancellationTokenSource();
      const hover = push.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 35 } }, source);
      source.cancel();
      requests.push(hover.catch((error) => assert.equal(codeOf(error), -32800)));
    }
    await push.change(file, [{ text: REPEAT_JS }]);
    const final = await push.waitFor('diagnostics of version 102', () => push.published.find((p) => p.uri === uri && p.version === 102));
    assert.deepEqual(final.diagnostics, [repeatDiagnostic(uri)]);
    await Promise.all(requests);
    assert.deepEqual(push.lastPublished(file), final, 'nothing older is published after it');
  } finally {
    await push.stop();
  }
});
