// Editing a buffer: the incrementally updated tree gives exactly the findings a fresh parse of the same text gives.
import { RULES } from '../../server/src/rules/index.js';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ConfigResolver } from '../../server/src/engine/config.js';
import { Linter } from '../../server/src/engine/linter.js';
import { accessedName, buildIndex, unwrap, type FileIndex } from '../../server/src/engine/analysis.js';
import { Workspace } from '../../server/src/engine/workspace.js';
import { ts } from 'ts-morph';
import type { FileReport } from '../../server/src/engine/types.js';
import { ROOT, writeTree, RULE_IDS } from '../helpers/lint.js';

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
  const resolver = new ConfigResolver({ ruleIds: RULE_IDS });
  const configFor = (f: string) => resolver.forFile(f);
  const editing = new Linter({ rules: RULES });
  assert.ok(big.length > 16 * 1024, 'the file is large enough to be parsed incrementally');
  assert.ok(summary(editing.lint({ files: [file], configFor })).length >= 3, 'the unedited file has findings to compare');
  let checked = 0;
  for (const text of edits(big, 150)) {
    editing.setOverlay(file, text);
    const incremental = summary(editing.lint({ files: [file], configFor }));
    const fresh = new Linter({ rules: RULES });
    fresh.setOverlay(file, text);
    assert.deepEqual(incremental, summary(fresh.lint({ files: [file], configFor })));
    checked++;
  }
  assert.equal(checked, 150);
});

test('the index of an incrementally parsed tree, put together from its statements, equals one walk of a fresh parse, in order', () => {
  const mesh = fs.readFileSync(path.join(ROOT, 'examples/src/mesh.ts'), 'utf8');
  const big = `${mesh}\n${Array.from({ length: 400 }, (_, i) => `export const filler${i} = make('room-${i}', (x) => { state.last = x; return call${i % 7}(x); });`).join('\n')}\n`;
  const file = path.join(writeTree({ 'src/mesh.ts': big }), 'src/mesh.ts');
  const listed = (index: FileIndex) => {
    const at = (node: ts.Node) => `${ts.SyntaxKind[node.kind]}@${node.pos}-${node.end}`;
    const byName = (map: Map<string, ts.Node[]>) => [...map].map(([name, nodes]) => `${name}: ${nodes.map(at).join(' ')}`);
    return { writes: byName(index.writes), calls: byName(index.calls), functions: index.functions.map(at) };
  };
  /** The index as one depth-first walk of the whole file gives it: the order the engine's look-ups have always seen. */
  const oneWalk = (sourceFile: ts.SourceFile): FileIndex => {
    const index: FileIndex = { parsed: { file, text: sourceFile.text, sourceFile }, writes: new Map(), calls: new Map(), functions: [] };
    const add = <T>(map: Map<string, T[]>, name: string | undefined, node: T) => {
      if (name !== undefined) map.set(name, [...(map.get(name) ?? []), node]);
    };
    const stack: ts.Node[] = [sourceFile];
    while (stack.length) {
      const node = stack.pop()!;
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const left = unwrap(node.left);
        add(index.writes, ts.isIdentifier(left) ? left.text : accessedName(left), node);
      } else if (ts.isCallExpression(node)) {
        const callee = unwrap(node.expression);
        add(index.calls, ts.isIdentifier(callee) ? callee.text : accessedName(callee), node);
      } else if (ts.isFunctionLike(node) && (node as ts.FunctionLikeDeclaration).body) {
        index.functions.push(node as ts.FunctionLikeDeclaration);
      }
      ts.forEachChild(node, (child) => {
        stack.push(child);
      });
    }
    return index;
  };
  const editing = new Workspace();
  let reused = 0;
  let previous: ts.SourceFile | undefined;
  for (const text of edits(big, 100)) {
    editing.setOverlay(file, text);
    const parsed = editing.parse(editing.read(file));
    if (previous && parsed.sourceFile.statements.some((s) => previous!.statements.includes(s))) reused++;
    previous = parsed.sourceFile;
    const incremental = listed(buildIndex(parsed));
    assert.deepEqual(incremental, listed(oneWalk(new Workspace().parse({ file, text }).sourceFile)));
    assert.ok(incremental.calls.length > 0);
  }
  assert.ok(reused >= 90, `statements came back from the incremental parse in ${reused} of 100 edits`);
});
