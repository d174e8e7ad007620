// Code actions as a client applies them: the engine's quick fixes, "disable for this line", and source.fixAll.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-protocol';
import { TestClient, applyEdits, uriOf, workspace } from './client.js';
import { LITERAL_JS, X300, literalDiagnostic, sha1Hex } from './fixtures.js';

const INDENTED_JS = "function start() {\n  const cs = new callstats();\n  cs.initialize('app', 'secret', 'x'.repeat(300));\n}\n";
/** Two IDs with a safe fix (id-unicode, the literal in the call) and one with suggestions only (id-max-bytes). */
const TWO_LITERALS_JS = `const cs = new callstats();\ncs.initialize('app', 'secret', 'alice\\u200B');\ncs.initialize('app', 'secret', "\\u00A0bob");\ncs.initialize('app', 'secret', '${X300}');\n`;

let client: TestClient;
let dir: string;

before(async () => {
  dir = workspace({ 'literal.js': LITERAL_JS, 'indented.js': INDENTED_JS, 'two.js': TWO_LITERALS_JS });
  client = await TestClient.start({ folders: [dir], pull: true });
});
after(() => client.stop());

function codeActions(file: string, range: Range, diagnostics: Diagnostic[], only?: string[]) {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: uriOf(file) },
    range,
    context: { diagnostics, ...(only ? { only } : {}) },
  });
}

/** The text of `file` after applying an action's edit (all of it must target that file). */
function applied(action: CodeAction, file: string, text: string): string {
  const changes = action.edit?.changes ?? {};
  assert.deepEqual(Object.keys(changes), [uriOf(file)]);
  return applyEdits(text, changes[uriOf(file)]);
}

test('a too-long literal: SHA-1 (preferred), truncate (both suggestions), then disable; each applies to the exact text', async () => {
  const file = path.join(dir, 'literal.js');
  await client.open(file);
  const diagnostic = literalDiagnostic(uriOf(file));
  const actions = await codeActions(file, diagnostic.range, [diagnostic]);
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind, a.isPreferred]),
    [
      ['Replace the value with its SHA-1 hex digest', 'quickfix', true],
      ['Truncate the literal to the limit', 'quickfix', false],
      ['Disable id-max-bytes for this line', 'quickfix', undefined],
    ],
  );
  for (const action of actions) assert.deepEqual(action.diagnostics, [diagnostic]);
  const [sha1, truncate, disable] = actions;
  assert.equal(applied(sha1, file, LITERAL_JS), `const cs = new callstats();\ncs.initialize('app', 'secret', '${sha1Hex(X300)}');\n`);
  assert.equal(applied(truncate, file, LITERAL_JS), `const cs = new callstats();\ncs.initialize('app', 'secret', '${'x'.repeat(256)}');\n`);
  assert.equal(
    applied(disable, file, LITERAL_JS),
    `const cs = new callstats();\n// callstats-lint-disable-next-line id-max-bytes\ncs.initialize('app', 'secret', '${X300}');\n`,
  );
});

test('no actions away from a finding', async () => {
  const file = path.join(dir, 'literal.js');
  const firstLine = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };
  assert.deepEqual(await codeActions(file, firstLine, []), []);
});

test('"disable" keeps the indentation, and the engine then honours the comment', async () => {
  const file = path.join(dir, 'indented.js');
  await client.open(file);
  const range = { start: { line: 2, character: 33 }, end: { line: 2, character: 33 } };
  const disable = (await codeActions(file, range, [])).find((a) => a.title === 'Disable id-max-bytes for this line');
  assert.ok(disable, 'a disable action');
  const text = applied(disable, file, INDENTED_JS);
  assert.equal(
    text,
    "function start() {\n  const cs = new callstats();\n  // callstats-lint-disable-next-line id-max-bytes\n  cs.initialize('app', 'secret', 'x'.repeat(300));\n}\n",
  );
  await client.change(file, [{ text }]);
  const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uriOf(file) } });
  assert.deepEqual(report.items, []);
});

test('source.fixAll applies every safe fix of the document and nothing else', async () => {
  const file = path.join(dir, 'two.js');
  await client.open(file);
  const whole = { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } };
  const actions = await codeActions(file, whole, [], ['source.fixAll']);
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind]),
    [['Fix all safe callstats-lint problems', 'source.fixAll.callstats-lint']],
  );
  assert.equal(
    applied(actions[0], file, TWO_LITERALS_JS),
    `const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\ncs.initialize('app', 'secret', "bob");\ncs.initialize('app', 'secret', '${X300}');\n`,
  );
  assert.deepEqual(await codeActions(file, whole, [], ['quickfix.other']), []);
});
