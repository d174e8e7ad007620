// Pathological code: nesting deeper than the parser's stack, constants in cycles, gigabyte strings, 10,000 SDK calls in one file.
import { RULES } from '../../server/src/rules/index.js';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { defaultConfig } from '../../server/src/engine/config.js';
import { Linter } from '../../server/src/engine/linter.js';
import { lint, writeTree } from '../helpers/lint.js';
import { cli, jsonReport, TOO_LONG } from './input-helpers.js';

const NESTED = 'analysis failed: the code is nested too deeply to parse';
const HEAD = 'const cs = new callstats();\n';
const userId = (expression: string) => `${HEAD}cs.initialize('app', 'secret', ${expression});\n`;
const tooLong = (bytes: number, atLeast = false) => (atLeast ? `userID is at least ${bytes} bytes in UTF-8; the limit is 256` : `userID is ${bytes} bytes in UTF-8 (${bytes} characters); the limit is 256`);
const messages = (r: ReturnType<typeof lint>, file = 'app.js') => r.findings.filter((f) => f.file === file).map((f) => `${f.line}:${f.column} ${f.ruleId}: ${f.message}`);

/** `"a0" + ("a1" + ("a2" + ...))`: `n` operands, each parenthesised on the right. */
const rightNested = (n: number) => Array.from({ length: n }, (_, i) => `"a${i}"`).join(' + (') + ')'.repeat(n - 1);
/** The length of "a0a1...a{n-1}". */
const joinedLength = (n: number) => Array.from({ length: n }, (_, i) => `a${i}`).join('').length;

describe('nesting', () => {
  test('100,000 levels of parentheses, concatenation and callbacks: a clear problem, and the rest of the run goes on', () => {
    const n = 100_000;
    const files = {
      'parens.js': userId(`${'('.repeat(n)}'x'${')'.repeat(n)}`),
      'concat.js': userId(rightNested(n)),
      'callbacks.js': `${HEAD}${'f(function () {'.repeat(n)}cs.initialize('app', 'secret', 'x'.repeat(300));${'})'.repeat(n)};\n`,
      'after.js': TOO_LONG,
    };
    const linter = new Linter({ rules: RULES });
    const dir = writeTree(files);
    const names = Object.keys(files);
    for (let round = 0; round < 2; round++) {
      const reports = linter.lint({ files: names.map((f) => path.join(dir, f)), configFor: () => defaultConfig() });
      assert.deepEqual(
        reports.map((r) => [path.basename(r.file), r.problems, r.findings.map((f) => `${f.range.line}:${f.range.column} ${f.ruleId}`)]),
        [
          ['parens.js', [NESTED], []],
          ['concat.js', [NESTED], []],
          ['callbacks.js', [NESTED], []],
          ['after.js', [], ['2:32 id-max-bytes']],
        ],
        `round ${round}`,
      );
    }
    // A fresh parse after the overflows: the compiler's module state was not left broken.
    assert.deepEqual(messages(lint({ 'app.js': TOO_LONG })), [`2:32 id-max-bytes: ${tooLong(300)}`]);
    const run = cli(dir, ['--format', 'json', '.']);
    assert.equal(run.code, 1);
    assert.deepEqual(jsonReport(dir, run.stdout), {
      'after.js': ['2:32 id-max-bytes'],
      'callbacks.js': [`fatal: ${NESTED}`],
      'concat.js': [`fatal: ${NESTED}`],
      'parens.js': [`fatal: ${NESTED}`],
    });
  });

  test('nesting within the parser\'s reach is analysed: 250 levels of parentheses, concatenation and callbacks', () => {
    const n = 250;
    assert.deepEqual(messages(lint({ 'app.js': userId(`${'('.repeat(n)}'${'x'.repeat(300)}'${')'.repeat(n)}`) })), [`2:${32 + n} id-max-bytes: ${tooLong(300)}`]);
    assert.deepEqual(messages(lint({ 'app.js': userId(rightNested(n)) })), [`2:32 id-max-bytes: ${tooLong(joinedLength(n))}`]);
    const callbacks = `${HEAD}${'f(function () {'.repeat(n)}cs.initialize('app', 'secret', 'x'.repeat(300));${'})'.repeat(n)};\n`;
    assert.deepEqual(messages(lint({ 'app.js': callbacks })), [`2:${n * 15 + 32} id-max-bytes: ${tooLong(300)}`]);
  });

  test('deeper right-nested concatenation than the evaluator follows: a lower bound, not a stack overflow', () => {
    const n = 600;
    const r = lint({ 'app.js': userId(rightNested(n)) });
    assert.deepEqual(r.problems, {});
    const [message] = messages(r);
    const bytes = Number(/at least (\d+) bytes/.exec(message)?.[1]);
    assert.ok(bytes > 256 && bytes < joinedLength(n), message);
  });

  test('a 100,000-term left-leaning concatenation is measured exactly', () => {
    const n = 100_000;
    const terms = Array.from({ length: n }, (_, i) => `"a${i}"`).join(' + ');
    assert.deepEqual(messages(lint({ 'app.js': userId(terms) })), [`2:32 id-max-bytes: ${tooLong(joinedLength(n))}`]);
  });
});

describe('values', () => {
  test('constants that refer to each other in a cycle: no hang, no throw, no made-up value', () => {
    const cycles = [
      "const a = b + 'x';\nconst b = a + 'y';\ncs.initialize('app', 'secret', a);",
      "let a = 'x';\na = a + a;\ncs.initialize('app', 'secret', a);",
      "const a = `${b}`, b = `${c}`, c = `${a}`;\ncs.initialize('app', 'secret', a);",
      "function f() { return f() + 'x'; }\ncs.initialize('app', 'secret', f());",
      "const o = { p: 'x' };\no.p = o.p + o.p;\ncs.initialize('app', 'secret', o.p);",
      "const o = { get p() { return this.p + 'x'; } };\ncs.initialize('app', 'secret', o.p);",
      "var a = a || a;\ncs.initialize('app', 'secret', a.repeat(a.length));",
      "const a = [a][0];\ncs.initialize('app', 'secret', a.padEnd(a, a));",
    ];
    for (const code of cycles) {
      const r = lint({ 'app.js': `${HEAD}${code}\n` }, { rule: 'id-max-bytes' });
      assert.deepEqual(r.problems, {}, code);
      assert.deepEqual(r.findings, [], code);
    }
  });

  test('a cycle across modules: each side known where it can be, the rest a lower bound', () => {
    const r = lint({
      'a.js': "import { B } from './b.js';\nexport const A = B + 'a';\n",
      'b.js': `import { A } from './a.js';\nexport const B = A + 'b';\n${HEAD}cs.initialize('app', 'secret', B + 'x'.repeat(300));\n`,
    });
    assert.deepEqual(r.problems, {});
    assert.deepEqual(messages(r, 'b.js'), [`4:32 id-max-bytes: ${tooLong(302, true)}`]);
  });

  test("'x'.repeat(1e9) and larger: the size is reported and the string never built", () => {
    const cases: [string, string[]][] = [
      ["'x'.repeat(1e9)", [tooLong(1e9)]],
      ["'x'.repeat(4e8)", [tooLong(4e8)]],
      ["'ab'.repeat(1e9).repeat(1e9)", ['userID is 2000000000000000000 bytes in UTF-8 (2000000000000000000 characters); the limit is 256']],
      ["'x'.padEnd(1e12, 'ab')", [tooLong(1e12)]],
      ["`${'é'.repeat(1e9)}-${'😀'.repeat(1e9)}`", ['userID is 6000000001 bytes in UTF-8 (2000000001 characters); the limit is 256']],
      // Each of these throws at run time (or is empty): no size is made up.
      ["'x'.repeat(1e400)", []],
      ["'x'.repeat(-1)", []],
      ["'x'.padStart(1e400)", []],
      ["'x'.repeat(NaN)", []],
    ];
    const before = process.memoryUsage();
    for (const [expression, expected] of cases) {
      const r = lint({ 'app.js': userId(expression) }, { rule: 'id-max-bytes' });
      assert.deepEqual(r.problems, {}, expression);
      assert.deepEqual(r.findings.map((f) => f.message), expected, expression);
    }
    const after = process.memoryUsage();
    // A built 'x'.repeat(4e8) alone would hold 400 MB; V8 cannot even build 'x'.repeat(1e9).
    assert.ok(after.heapUsed - before.heapUsed < 100 * 1024 * 1024, `heap grew by ${after.heapUsed - before.heapUsed} bytes`);
    assert.ok(after.rss - before.rss < 200 * 1024 * 1024, `rss grew by ${after.rss - before.rss} bytes`);
  });
});

test('10,000 SDK calls in one file finish', { timeout: 300_000 }, (t) => {
  const n = 10_000;
  const connections = 100;
  const lines = [HEAD.trim(), "cs.initialize('app', 'secret', 'local-user');"];
  for (let k = 0; k < connections; k++) lines.push(`const pc${k} = new RTCPeerConnection();`);
  for (let i = 0; i < n; i++) {
    const pc = `pc${i % connections}`;
    const call = [
      `cs.addNewFabric(${pc}, 'peer-${i}', cs.fabricUsage.multiplex, 'room-${i % 7}');`,
      `cs.associateMstWithUserID(${pc}, 'peer-${i}', 'room-${i % 7}', '${i}', 'camera', null);`,
      `cs.sendFabricEvent(${pc}, cs.fabricEvent.audioMute, 'room-${i % 7}');`,
      `cs.reportError(${pc}, 'room-${i % 7}', cs.webRTCFunctions.getUserMedia, err${i % 13});`,
      `cs.sendCustomStats(${pc}, 'room-${i % 7}', { n: ${i} });`,
    ][i % 5];
    lines.push(call);
  }
  const started = process.hrtime.bigint();
  const r = lint({ 'app.js': `${lines.join('\n')}\n` });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  t.diagnostic(`10,000 SDK calls in one file: linted in ${Math.round(ms)} ms, ${r.findings.length} findings`);
  assert.deepEqual(r.problems, {});
  assert.ok(r.findings.length > 0);
});
