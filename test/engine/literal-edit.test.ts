// Typing inside a string: the tree patched in place equals a fresh parse, edits that could change the structure are declined, the run keeps its structure only while it holds, and findings equal a fresh lint's.
import { RULES } from '../../server/src/rules/index.js';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { ts } from 'ts-morph';
import { ConfigResolver, defaultConfig } from '../../server/src/engine/config.js';
import { changedSpan } from '../../server/src/engine/positions.js';
import { isValueLiteral, patchLiteralEdit } from '../../server/src/engine/literal-edit.js';
import { discoverFiles } from '../../server/src/engine/files.js';
import { Linter } from '../../server/src/engine/linter.js';
import { RunKeeper, runRules } from '../../server/src/engine/run.js';
import { defineRule } from '../../server/src/engine/rule.js';
import type { FileReport } from '../../server/src/engine/types.js';
import { Workspace } from '../../server/src/engine/workspace.js';
import { ROOT, writeTree, RULE_IDS } from '../helpers/lint.js';

const parse = (text: string, file = 'a.ts') =>
  ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);

/** Every node and node array: kind, span, and a literal's value, with parents checked on the way. */
function shape(sourceFile: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node, parent: ts.Node | undefined): void => {
    assert.equal(node.parent, parent, `the parent of ${ts.SyntaxKind[node.kind]} at ${node.pos}`);
    out.push(`${ts.SyntaxKind[node.kind]} ${node.pos}-${node.end}${ts.isStringLiteral(node) ? ` ${JSON.stringify(node.text)}` : ''}`);
    ts.forEachChild(
      node,
      (child) => visit(child, node),
      (nodes) => {
        out.push(`[] ${nodes.pos}-${nodes.end}`);
        for (const child of nodes) visit(child, node);
      },
    );
  };
  visit(sourceFile, undefined);
  return out;
}

/** Types `inserted` at `at` (replacing `removed` characters) in a parsed `text`; returns the tree and whether it was patched. */
function edit(text: string, at: number, inserted: string, removed = 0) {
  const tree = parse(text);
  const newText = text.slice(0, at) + inserted + text.slice(at + removed);
  return { tree, newText, patched: patchLiteralEdit(tree, newText) };
}

const CODE = [
  "import { stats } from './stats';",
  "const room = 'room-1';",
  "const id = prefix + 'user' + suffix;",
  "cs.initialize(appId, secret, 'alice', cb);",
  "const cfg = { region: 'eu', nested: { deep: \"x\" } };",
  "function f(a = 'def') { return 'ret'; }",
  'const after = `${room}-x`; // trailing',
].join('\n');

describe('patchLiteralEdit', () => {
  const cases: [string, string, string][] = [
    ['a variable initializer', "'room-1'", 'ABC'],
    ['an operand of +', "'user'", '-é'],
    ['a call argument', "'alice'", '😀x'],
    ['a property initializer', "'eu'", '-west'],
    ['a nested property initializer (double quotes)', '"x"', "it's"],
    ['a parameter default', "'def'", 'ault'],
    ['a returned value', "'ret'", '\\u{1F600}\\n'],
  ];
  for (const [where, literal, typed] of cases) {
    test(`an edit inside ${where} is patched into the tree, which then equals a fresh parse`, () => {
      const at = CODE.indexOf(literal) + 2;
      const { tree, newText, patched } = edit(CODE, at, typed);
      assert.equal(patched, true);
      assert.equal(tree.text, newText);
      assert.deepEqual(shape(tree), shape(parse(newText)));
      // Line and column answers come from the new text.
      const last = newText.lastIndexOf('trailing');
      assert.deepEqual(tree.getLineAndCharacterOfPosition(last), parse(newText).getLineAndCharacterOfPosition(last));
    });
  }

  test('deleting characters inside a literal, down to the empty string', () => {
    const at = CODE.indexOf("'room-1'") + 1;
    const { tree, newText, patched } = edit(CODE, at, '', 'room-1'.length);
    assert.equal(patched, true);
    assert.ok(newText.includes("const room = '';"));
    assert.deepEqual(shape(tree), shape(parse(newText)));
  });

  test('the escapes typed decide the value: \\u{1F600} is one code point, \\n a line break', () => {
    const at = CODE.indexOf("'ret'") + 1;
    const { tree, patched } = edit(CODE, at, '\\u{1F600}\\n');
    assert.equal(patched, true);
    const ret = (((tree.statements[5] as ts.FunctionDeclaration).body!.statements[0] as ts.ReturnStatement).expression as ts.StringLiteral);
    assert.equal(ret.text, '\u{1F600}\nret');
    assert.equal(ret.getText(tree), "'\\u{1F600}\\nret'");
  });

  test("the parser's diagnostics and comment directives after the literal move with it, as a fresh parse has them", () => {
    const code = "const a = 'ab';\n// @ts-ignore\nconst b = ;\n/* @ts-expect-error */ c();\n";
    const { tree, newText, patched } = edit(code, 12, 'xyz');
    assert.equal(patched, true);
    const fresh = parse(newText);
    type Internals = { parseDiagnostics: { start: number; length: number; code: number }[]; commentDirectives?: { range: { pos: number; end: number }; type: number }[] };
    const internals = (sf: ts.SourceFile) => {
      const { parseDiagnostics, commentDirectives } = sf as unknown as Internals;
      return { diagnostics: parseDiagnostics.map((d) => [d.start, d.length, d.code]), directives: commentDirectives?.map((d) => [d.range.pos, d.range.end, d.type]) };
    };
    assert.ok(internals(fresh).diagnostics.length > 0 && internals(fresh).directives!.length === 2, 'the code has a syntax error and two directives');
    assert.deepEqual(internals(tree), internals(fresh));
    // A later incremental parse of the patched tree gives what the same incremental parse of a fresh
    // tree gives (the compiler's incremental parse lists a carried-over directive twice; both do).
    const later = newText.replace('c();', 'c(1);');
    const change = { span: { start: later.indexOf('c(1)') + 2, length: 0 }, newLength: 1 };
    const updated = ts.updateSourceFile(tree, later, change);
    assert.deepEqual(shape(updated), shape(parse(later)));
    assert.deepEqual(internals(updated), internals(ts.updateSourceFile(parse(newText), later, change)));
  });

  const declined: [string, string, number, string, number?][] = [
    ['a module specifier', "import { stats } from './stats';", 25, 'x'],
    ['a require() specifier', "const s = require('./stats');", 21, 'x'],
    ['an import() specifier', "const s = import('./stats');", 20, 'x'],
    ['a quoted property name', "const o = { 'key': 1 };", 15, 'x'],
    ['an o[\'name\'] key', "const v = o['key'];", 14, 'x'],
    ['a literal type', "type T = 'a' | 'b';", 10, 'x'],
    ["a 'use strict' prologue", "'use strict';\nconst a = 1;", 3, 'x'],
    ['a parenthesized literal', "const a = ('x');", 12, 'y'],
    ['a JSX attribute (read without escapes)', 'const e = <div id="a"/>;', 19, 'b'],
    ['a quote typed in the string', "const a = 'ab' + c;", 12, "'"],
    ['an escape left open at the end', "const a = 'ab';", 13, '\\'],
    ['a line break typed in the string', "const a = 'ab';", 12, '\n'],
    ['the opening quote replaced', "const a = 'ab';", 10, '"', 1],
    ['an edit across two literals', "f('ab', 'cd');", 4, 'x', 6],
    ['an edit outside any literal', "const a = 'ab';", 6, 'b'],
    ['a template literal', 'const a = `ab`;', 12, 'x'],
  ];
  for (const [what, code, at, typed, removed] of declined) {
    test(`declines ${what}, and leaves the tree as it was`, () => {
      const tree = parse(code, what.includes('JSX') ? 'a.tsx' : 'a.ts');
      const before = shape(tree);
      const newText = code.slice(0, at) + typed + code.slice(at + (removed ?? 0));
      assert.notEqual(newText, code);
      assert.equal(patchLiteralEdit(tree, newText), false);
      assert.deepEqual(shape(tree), before);
      assert.equal(tree.text, code);
    });
  }

  test('a character typed into each value literal of the example app gives the tree a fresh parse gives', () => {
    let patched = 0;
    for (const name of fs.readdirSync(path.join(ROOT, 'examples/src'))) {
      const text = fs.readFileSync(path.join(ROOT, 'examples/src', name), 'utf8');
      const offsets: number[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isStringLiteral(node) && isValueLiteral(node)) offsets.push(node.end - 1);
        ts.forEachChild(node, visit);
      };
      visit(parse(text, name));
      // One tree for the whole file, typed into from the last literal to the first, as someone editing it would.
      const tree = parse(text, name);
      let current = text;
      for (const at of offsets.reverse()) {
        current = current.slice(0, at) + 'é' + current.slice(at);
        assert.equal(patchLiteralEdit(tree, current), true, `${name} at ${at}`);
        patched++;
      }
      assert.deepEqual(shape(tree), shape(parse(current, name)), name);
    }
    assert.ok(patched >= 50, `${patched} literals typed into`);
  });

  test('isValueLiteral: values yes; names, specifiers and types no', () => {
    const tree = parse("import x from 'm'; const a = 'v'; o['k'] = f('arg'); type T = 'lit'; const o2 = { 'name': 'val' };");
    const literals: Record<string, boolean> = {};
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node)) literals[node.text] = isValueLiteral(node);
      ts.forEachChild(node, visit);
    };
    visit(tree);
    assert.deepEqual(literals, { m: false, v: true, k: false, arg: true, lit: false, name: false, val: true });
  });
});

describe('RunKeeper', () => {
  const files = {
    'src/a.ts': "import { make } from './b';\nconst cs = make();\ncs.initialize('app', 'secret', 'alice');\n",
    'src/b.ts': "import callstats from 'callstats-js';\nexport function make() { const tag = 'v1'; return new callstats(); }\n",
  };

  function setUp() {
    const dir = writeTree(files);
    const a = path.join(dir, 'src/a.ts');
    const b = path.join(dir, 'src/b.ts');
    const workspace = new Workspace();
    const keeper = new RunKeeper();
    const text = files['src/a.ts'];
    // Both open in the editor from the start: opening a buffer is a change of its own (see below).
    workspace.setOverlay(a, text);
    workspace.setOverlay(b, files['src/b.ts']);
    const opened = keeper.start(workspace, [a]);
    assert.equal(opened.reused, false);
    return { a, b, workspace, keeper, text, first: opened.run };
  }

  test('keeps the structure across an edit inside a string, with a fresh evaluator and list of calls', () => {
    const { a, workspace, keeper, text, first } = setUp();
    assert.equal(first.calls.length, 1);
    workspace.setOverlay(a, text.replace("'alice'", "'alice-2'"));
    const { run: second, reused } = keeper.start(workspace, [a]);
    assert.equal(reused, true);
    assert.equal(second.analysis, first.analysis);
    assert.equal(second.receivers, first.receivers);
    assert.notEqual(second.evaluator, first.evaluator);
    assert.notEqual(second.calls, first.calls);
    assert.deepEqual(second.calls, first.calls);
    const value = second.evaluator.evaluate(second.calls[0].call.arguments[2] as ts.Expression);
    assert.equal(value.kind === 'string' && value.text, 'alice-2');
  });

  test('builds the structure again after a code edit, a resolution change or for other files', () => {
    const { a, b, workspace, keeper, text, first } = setUp();
    workspace.setOverlay(a, text.replace('const cs', 'let cs'));
    const afterCode = keeper.start(workspace, [a]).run;
    assert.notEqual(afterCode.analysis, first.analysis);
    workspace.invalidateResolutions();
    const afterResolutions = keeper.start(workspace, [a]).run;
    assert.notEqual(afterResolutions.analysis, afterCode.analysis);
    // A buffer opened for a file that is not on disk may be what a specifier resolves to now.
    workspace.setOverlay(path.join(path.dirname(a), 'c.ts'), 'export const c = 1;');
    const afterOpen = keeper.start(workspace, [a]).run;
    assert.notEqual(afterOpen.analysis, afterResolutions.analysis);
    // A file the analysis followed into (b.ts), edited in a string, keeps it; edited in code, does not.
    workspace.setOverlay(b, files['src/b.ts'].replace("'v1'", "'v12'"));
    assert.equal(keeper.start(workspace, [a]).run.analysis, afterOpen.analysis);
    workspace.setOverlay(b, files['src/b.ts'].replace('return new', 'return  new'));
    assert.notEqual(keeper.start(workspace, [a]).run.analysis, afterOpen.analysis);
    assert.notEqual(keeper.start(workspace, [a, b]).run.analysis, afterOpen.analysis);
  });
});

test('a run on a kept structure that the new values lead into another module is done again on a new structure', () => {
  const dir = writeTree({
    'src/a.ts': "import { other } from './b';\nexport function helper(v: string) { return v; }\nconst cs = new callstats();\ncs.initialize('app', 'secret', 'stay');\nexport const x = other;\n",
    'src/b.ts': "import { helper } from './a';\nexport const other = helper('b');\n",
  });
  const a = path.join(dir, 'src/a.ts');
  const b = path.join(dir, 'src/b.ts');
  const workspace = new Workspace();
  workspace.setOverlay(a, fs.readFileSync(a, 'utf8'));
  // A rule whose look-ups depend on a value: when the userID reads 'follow', it first follows `other`
  // into b.ts, whose call of helper() a fresh run then counts among helper's callers.
  const follows = defineRule({
    meta: { id: 'follows', description: 'Counts callers', defaultSeverity: 'warn', docs: 'docs/rules/follows.md', fixes: {} },
    messages: { callers: { message: 'helper() has {{count}} caller(s)', help: 'None.' } },
    create(context) {
      for (const call of context.calls) {
        const value = context.evaluator.evaluate(call.call.arguments[2] as ts.Expression);
        const sourceFile = call.call.getSourceFile();
        if (value.kind === 'string' && value.text === 'follow') {
          context.analysis.origins((sourceFile.statements[4] as ts.VariableStatement).declarationList.declarations[0].initializer!);
        }
        const helper = sourceFile.statements[1] as ts.FunctionDeclaration;
        context.report({ node: call.call, messageId: 'callers', data: { count: context.analysis.callersOf(helper).length } });
      }
    },
  });
  const messages = (result: ReturnType<typeof runRules>) => result.reported.map((r) => r.message);
  const keeper = new RunKeeper();
  const configFor = () => defaultConfig();
  const first = runRules(workspace, [a], configFor, [follows], keeper);
  assert.deepEqual([messages(first), first.indexed], [['helper() has 0 caller(s)'], [a]]);
  workspace.setOverlay(a, fs.readFileSync(a, 'utf8').replace("'stay'", "'follow'"));
  const fresh = runRules(workspace, [a], configFor, [follows]);
  assert.deepEqual([messages(fresh), fresh.indexed], [['helper() has 1 caller(s)'], [a, b]]);
  // On the kept structure, helper's callers were looked up before b.ts was taken in: the run is done again.
  const second = runRules(workspace, [a], configFor, [follows], keeper);
  assert.deepEqual([messages(second), second.indexed], [messages(fresh), fresh.indexed]);
  // The new structure, which took b.ts in, is what the next run takes.
  const next = keeper.start(workspace, [a]);
  assert.equal(next.reused, true);
  assert.deepEqual(next.run.analysis.indexedFiles().map((i) => i.parsed.file), [a, b]);
});

const summary = (reports: FileReport[]) => reports.flatMap((r) => [...r.problems, ...r.findings.map((f) => `${f.ruleId} ${f.range.start}-${f.range.end} ${f.message} ${JSON.stringify(f.fixes)}`)]);

test('typing inside the strings of the example app gives exactly the findings of a fresh lint', () => {
  const names = fs.readdirSync(path.join(ROOT, 'examples/src'));
  const app = Object.fromEntries(names.map((name) => [`src/${name}`, fs.readFileSync(path.join(ROOT, 'examples/src', name), 'utf8')]));
  const dir = writeTree({ ...app, '.callstatslintrc.json': fs.readFileSync(path.join(ROOT, 'examples/.callstatslintrc.json'), 'utf8') });
  const texts = new Map(names.map((name) => [path.join(dir, 'src', name), app[`src/${name}`]]));
  const files = [...texts.keys()];
  const resolver = new ConfigResolver({ ruleIds: RULE_IDS });
  const configFor = (f: string) => resolver.forFile(f);
  const editing = new Linter({ rules: RULES });
  editing.setProjectFiles(dir, files);
  assert.ok(summary(editing.lint({ files, configFor })).length >= 10, 'the app has findings to compare');
  /** Value literals of a text, as [start, end) inside the quotes. */
  const insides = (file: string, text: string) => {
    const out: [number, number][] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) && isValueLiteral(node)) out.push([node.getStart() + 1, node.end - 1]);
      ts.forEachChild(node, visit);
    };
    visit(parse(text, file));
    return out;
  };
  const typed = fc.constantFrom('x', '-', 'é', '😀', 'ü'.repeat(90), 'a'.repeat(300), ' ', '\\n', '\\u00e9', '"', '`');
  let patchedEdits = 0;
  fc.assert(
    fc.property(fc.nat(), fc.nat(), fc.nat(), typed, fc.boolean(), (fileSeed, literalSeed, offsetSeed, insert, deleting) => {
      const file = files[fileSeed % files.length];
      const text = texts.get(file)!;
      const literals = insides(file, text);
      if (!literals.length) return;
      const [start, end] = literals[literalSeed % literals.length];
      const at = start + (offsetSeed % (end - start + 1));
      const next = deleting && at < end ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + insert + text.slice(at);
      // The same edit on a tree of its own: whether the engine takes the patched path for it.
      if (patchLiteralEdit(parse(text, file), next)) patchedEdits++;
      texts.set(file, next);
      editing.setOverlay(file, next);
      const fresh = new Linter({ rules: RULES });
      fresh.setProjectFiles(dir, files);
      for (const [f, t] of texts) fresh.setOverlay(f, t);
      assert.deepEqual(summary(editing.lint({ files, configFor })), summary(fresh.lint({ files, configFor })));
    }),
    { numRuns: 120, seed: 20261124 },
  );
  assert.ok(patchedEdits >= 100, `most edits take the patched path (${patchedEdits} of 120)`);
});

test('changedSpan finds the common prefix and suffix the character loop finds, across chunk boundaries', () => {
  const naive = (before: string, after: string) => {
    const max = Math.min(before.length, after.length);
    let start = 0;
    while (start < max && before[start] === after[start]) start++;
    let suffix = 0;
    while (suffix < max - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
    return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
  };
  const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength: 5000 });
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(20), fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 3000 }), (before, at, removed, inserted) => {
      const cut = at % (before.length + 1);
      const after = before.slice(0, cut) + inserted + before.slice(cut + removed);
      assert.deepEqual(changedSpan(before, after), naive(before, after));
    }),
    { numRuns: 2000, seed: 7 },
  );
  assert.deepEqual(changedSpan('a'.repeat(3000), 'a'.repeat(3001)), { start: 3000, oldEnd: 3000, newEnd: 3001 });
});

test("typing inside the strings of the benchmark's 3,000-line call console gives exactly the findings of a fresh lint", async () => {
  const dir = writeTree({});
  const { ensureCorpus } = (await import(pathToFileURL(path.join(ROOT, 'bench', 'generate', 'index.mjs')).href)) as {
    ensureCorpus: (dir: string, size: number) => { consoleFile: string };
  };
  const { consoleFile } = ensureCorpus(dir, 250);
  const files = discoverFiles(['.'], dir).files;
  const file = path.join(dir, consoleFile);
  let text = fs.readFileSync(file, 'utf8');
  const configFor = () => defaultConfig();
  const editing = new Linter({ rules: RULES });
  editing.setProjectFiles(dir, files);
  const lintFile = (linter: Linter) => summary(linter.lint({ files: [file], configFor }));
  assert.ok(lintFile(editing).length >= 2, 'the console has findings to compare');
  const literals: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && isValueLiteral(node)) literals.push([node.getStart() + 1, node.end - 1]);
    ts.forEachChild(node, visit);
  };
  visit(parse(text));
  assert.ok(literals.length > 300, `${literals.length} value literals`);
  // Every 30th literal, from the end backwards so the offsets of the ones still to come hold: a long
  // tail typed in (over the limits of id-max-bytes), or the literal emptied (id-empty).
  let checked = 0;
  const counts = new Set<number>();
  /** Types `next` into the editing Linter and compares its findings with a fresh Linter's. */
  const typeAndCompare = (next: string) => {
    text = next;
    editing.setOverlay(file, text);
    const fresh = new Linter({ rules: RULES });
    fresh.setProjectFiles(dir, files);
    fresh.setOverlay(file, text);
    const found = lintFile(editing);
    assert.deepEqual(found, lintFile(fresh));
    counts.add(found.length);
    checked++;
  };
  for (let i = literals.length - 1; i >= 0; i -= 30) {
    const [start, end] = literals[i];
    typeAndCompare(checked % 2 ? text.slice(0, start) + text.slice(end) : text.slice(0, end) + 'é'.repeat(200) + text.slice(end));
  }
  // The string every conferenceID of the console is built from: too long, then empty.
  const anchor = "const ROOM_SUFFIX = '";
  const start = text.indexOf(anchor) + anchor.length;
  const end = text.indexOf("'", start);
  typeAndCompare(text.slice(0, end) + 'é'.repeat(200) + text.slice(end));
  typeAndCompare(text.slice(0, start) + text.slice(end + 200));
  assert.ok(checked >= 14);
  assert.ok(counts.size >= 2, `the edits changed the findings (counts seen: ${[...counts].join(', ')})`);
});
