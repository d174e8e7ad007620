// Hover over an identifier argument: the engine's markdown over the argument's exact range.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient, uriOf, workspace } from './client.js';
import { REPEAT_JS } from './fixtures.js';

let client: TestClient;
let file: string;

before(async () => {
  const dir = workspace({ 'a.js': REPEAT_JS });
  file = path.join(dir, 'a.js');
  client = await TestClient.start({ folders: [dir], pull: true });
  await client.open(file);
});
after(() => client.stop());

const hover = (line: number, character: number) =>
  client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line, character } });

test('hovering the userID argument shows its UTF-8 size against the limit', async () => {
  const result = await hover(1, 35);
  assert.ok(result, 'a hover');
  const contents = result.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  assert.equal(
    contents.value,
    ['**callstats local userID**: the 3rd argument of `initialize()`', '', `- value: \`"${'x'.repeat(80)}…"\``, '- size: 300 bytes of UTF-8 (300 characters), limit 256: over the limit'].join('\n'),
  );
  assert.deepEqual(result.range, { start: { line: 1, character: 31 }, end: { line: 1, character: 46 } });
});

test('no hover away from identifiers', async () => {
  assert.equal(await hover(0, 0), null);
});
