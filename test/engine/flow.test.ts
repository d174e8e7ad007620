// Control flow: exits, what runs later on every path, the guards of a node, what runs when a module loads.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ts } from 'ts-morph';
import { alwaysExits, awaitsWithin, continuations, guardsOf, inExclusiveBranches, mayExit, reachesLater, runsAtLoad, runsOnTo, walkHere } from '../../server/src/engine/flow.js';

function parse(code: string): ts.SourceFile {
  return ts.createSourceFile('app.ts', code, ts.ScriptTarget.Latest, true);
}

/** The innermost node whose text is exactly `text` (the first such). */
function find(sourceFile: ts.SourceFile, text: string): ts.Node {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node) => {
    if (!found && node.getText(sourceFile) === text) found = node;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  // The innermost: a statement's expression has the same text as its statement without the semicolon.
  assert.ok(found, `${text} is in the code`);
  return found;
}

function statement(code: string): ts.Statement {
  return parse(code).statements[0];
}

describe('exits', () => {
  test('mayExit: some path returns or throws; nested functions do not count; a break inside its own loop does not leave', () => {
    assert.equal(mayExit(statement('if (a) return;')), true);
    assert.equal(mayExit(statement('if (a) { f(); }')), false);
    assert.equal(mayExit(statement('if (a) { items.forEach(() => { return; }); }')), false);
    assert.equal(mayExit(statement('for (const x of xs) { if (x) break; }'), new Set(['break'])), false);
    assert.equal(mayExit(statement('if (a) break;'), new Set(['break'])), true);
    assert.equal(mayExit(statement('if (a) throw new Error();'), new Set(['return'])), false);
  });

  test('alwaysExits: every path, through blocks, both branches of an if, try and catch', () => {
    assert.equal(alwaysExits(statement('return;')), true);
    assert.equal(alwaysExits(statement('{ f(); throw e; }')), true);
    assert.equal(alwaysExits(statement('if (a) return 1; else return 2;')), true);
    assert.equal(alwaysExits(statement('if (a) return 1;')), false);
    assert.equal(alwaysExits(statement('try { return f(); } catch (e) { throw e; }')), true);
    assert.equal(alwaysExits(statement('try { return f(); } catch (e) { log(e); }')), false);
    assert.equal(alwaysExits(statement('throw e;'), new Set(['return'])), false);
  });
});

describe('order', () => {
  test('runsAtLoad: top level and static initializers; not functions or instance fields', () => {
    const file = parse('const a = f(1);\nclass C { static s = f(2); x = f(3); static { f(4); } m() { f(5); } }\nC.y = f(6);\nfunction g() { f(7); }\n');
    const at = (n: number) => runsAtLoad(find(file, `f(${n})`));
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(at), [true, true, false, true, false, true, false]);
  });

  test('reachesLater: a later statement on every path, not past one that may exit, and out of nested blocks', () => {
    const file = parse('function f() {\n  a = 1;\n  if (x) { b = 2; }\n  init();\n}\nfunction g() {\n  c = 3;\n  if (y) return;\n  init();\n}\nfunction h() {\n  if (z) {\n    d = 4;\n  }\n  init();\n}\n');
    const initializes = (s: ts.Statement) => s.getText(file).startsWith('init()');
    assert.equal(reachesLater(find(file, 'a = 1'), initializes), true);
    assert.equal(reachesLater(find(file, 'b = 2'), initializes), true);
    assert.equal(reachesLater(find(file, 'c = 3'), initializes), false, 'the return may come first');
    assert.equal(reachesLater(find(file, 'd = 4'), initializes), true);
    assert.equal(reachesLater(find(file, 'init()'), initializes), false, 'nothing after the last statement');
  });

  test('runsOnTo and inExclusiveBranches', () => {
    const file = parse('function f() {\n  a();\n  if (x) return;\n  b();\n  if (y) { c(); } else { d(); }\n}\n');
    assert.equal(runsOnTo(find(file, 'a()'), find(file, 'b()')), false);
    assert.equal(runsOnTo(find(file, 'b()'), find(file, 'c()')), true);
    assert.equal(inExclusiveBranches(find(file, 'c()'), find(file, 'd()')), true);
    assert.equal(inExclusiveBranches(find(file, 'a()'), find(file, 'b()')), false);
  });

  test('continuations: the callbacks of .then() and .finally() chained on a call, in order', () => {
    const file = parse('fetch(u).then((r) => r.text()).catch(onError).then(function (t) { init(t); }).finally(() => done());\n');
    const chain = (file.statements[0] as ts.ExpressionStatement).expression;
    assert.deepEqual(continuations(chain).map((fn) => fn.getText(file)), ['(r) => r.text()', 'function (t) { init(t); }', '() => done()']);
  });

  test('awaitsWithin: an await directly in the scope, between two offsets', () => {
    const file = parse('async function f() {\n  a();\n  await b();\n  c(async () => { await d(); });\n}\n');
    const fn = file.statements[0];
    assert.equal(awaitsWithin(fn), true);
    assert.equal(awaitsWithin(fn, find(file, 'c(async () => { await d(); })').pos), false, 'the await in a callback is not the function waiting');
  });
});

describe('guardsOf', () => {
  test('branches around a node, with whether the condition holds there, and earlier early exits', () => {
    const file = parse('function f(a, b) {\n  if (!a) return;\n  if (b) { x(); } else { y(); }\n  const v = a && z();\n  w?.call();\n}\n');
    const describe = (text: string) =>
      guardsOf(find(file, text)).map((g) => `${g.condition?.getText(file) ?? ts.SyntaxKind[g.at.kind]}:${g.holds}${g.earlyExit ? ':early' : ''}`);
    assert.deepEqual(describe('x()'), ['b:true', '!a:false:early']);
    assert.deepEqual(describe('y()'), ['b:false', '!a:false:early']);
    assert.deepEqual(describe('z()'), ['a:true', '!a:false:early']);
    assert.deepEqual(describe('w?.call()'), ['CallExpression:true', '!a:false:early']);
  });

  test('a guard that throws is an early exit too; one that only may return is not', () => {
    const file = parse('function f(a) {\n  if (typeof a !== "function") throw new TypeError("a");\n  if (a.x) { log(); }\n  g();\n}\n');
    assert.deepEqual(guardsOf(find(file, 'g()')).map((g) => g.condition?.getText(file)), ['typeof a !== "function"']);
  });
});

test('walkHere visits in source order and skips nested functions and classes', () => {
  const file = parse('a(); function inner() { b(); } class K { m() { c(); } } d();\n');
  const calls: string[] = [];
  walkHere(file, (node) => {
    if (ts.isCallExpression(node)) calls.push(node.getText(file));
  });
  assert.deepEqual(calls, ['a()', 'd()']);
});
