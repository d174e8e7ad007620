// Editing a buffer: the incrementally updated tree gives exactly the findings a fresh parse of the same text gives.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ConfigResolver } from '../../server/src/engine/config.js';
import { Linter } from '../../server/src/engine/linter.js';
import type { FileReport } from '../../server/src/engine/types.js';
import { ROOT, writeTree } from '../helpers/lint.js';

/** A deterministic sequence of edits: inserts, deletions and replacements spread over the text. */
function* edits(text: string, count: number): Generator<string> {
  let current = text;
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const snippets = ["'x'.repeat(300)", 'userId', ' + ', "'room-1'", ';\n', '(', ')', '{', '}', '`${a}`', '// c\n', 'cs.initialize(a, b, c);\n'];
  for (let i = 0; i < count; i++) {
    const at = next() % (current.length + 1);
    const kind = next() % 3;
    const length = Math.min(next() % 12, current.length - at);
    const snippet = snippets[next() % snippets.length];
    current = kind === 0 ? current.slice(0, at) + snippet + current.slice(at) : kind === 1 ? current.slice(0, at) + current.slice(at + length) : current.slice(0, at) + snippet + current.slice(at + length);
    yield current;
  }
}

const summary = (reports: FileReport[]) => reports.flatMap((r) => [...r.problems, ...r.findings.map((f) => `${f.ruleId} ${f.range.start}-${f.range.end} ${f.message}`)]);

test('findings after each of 150 edits of a large file equal those of a fresh parse', () => {
  const mesh = fs.readFileSync(path.join(ROOT, 'examples/src/mesh.ts'), 'utf8');
  // Large enough to be parsed incrementally (16 KiB and more).
  const big = `${mesh}\n${Array.from({ length: 400 }, (_, i) => `export const filler${i} = 'room-${i}';`).join('\n')}\n`;
  // The whole example app, so the edited module's values and instances resolve as they do in examples/.
  const app = Object.fromEntries(fs.readdirSync(path.join(ROOT, 'examples/src')).map((name) => [`src/${name}`, fs.readFileSync(path.join(ROOT, 'examples/src', name), 'utf8')]));
  const dir = writeTree({ ...app, 'src/mesh.ts': big, '.callstatslintrc.json': fs.readFileSync(path.join(ROOT, 'examples/.callstatslintrc.json'), 'utf8') });
  const file = path.join(dir, 'src/mesh.ts');
  const resolver = new ConfigResolver();
  const configFor = (f: string) => resolver.forFile(f);
  const editing = new Linter();
  assert.ok(big.length > 16 * 1024, 'the file is large enough to be parsed incrementally');
  assert.ok(summary(editing.lint({ files: [file], configFor })).length >= 3, 'the unedited file has findings to compare');
  let checked = 0;
  for (const text of edits(big, 150)) {
    editing.setOverlay(file, text);
    const incremental = summary(editing.lint({ files: [file], configFor }));
    const fresh = new Linter();
    fresh.setOverlay(file, text);
    assert.deepEqual(incremental, summary(fresh.lint({ files: [file], configFor })));
    checked++;
  }
  assert.equal(checked, 150);
});
