// Property tests with fast-check: UTF-8 sizes and truncation, quoted literals, and the engine on randomly mutated example files.
// CALLSTATS_LINT_FUZZ_RUNS=N sets the number of runs of every property (a longer run than CI's).
import { RULES } from '../../server/src/rules/index.js';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { ts } from 'ts-morph';
import { ConfigResolver } from '../../server/src/engine/config.js';
import { Linter } from '../../server/src/engine/linter.js';
import { codePoints, truncateUtf8, utf8Bytes } from '../../server/src/engine/values.js';
import { quoteLike } from '../../server/src/rules/edits.js';
import { ROOT, RULE_IDS } from '../helpers/lint.js';

const OVERRIDE = Number(process.env.CALLSTATS_LINT_FUZZ_RUNS) || undefined;
/** Runs per property: CI's budget (the whole file well under a minute on 2 cores) unless overridden. */
const RUNS = {
  strings: OVERRIDE ?? 10_000,
  literals: OVERRIDE ?? 5000,
  mutations: OVERRIDE ?? 2000,
};

/** Any UTF-16 code unit, lone surrogates included: what a JavaScript string can hold. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
/** Characters that stress escaping and encoding: quotes, backslashes, line terminators, `${`, astral, combining, NUL. */
const tricky = fc.constantFrom("'", '"', '`', '\\', '$', '{', '${', '\n', '\r', '\r\n', '\u2028', '\u2029', '\t', '\0', '\uFEFF', 'é', 'e\u0301', '😀', '\uD83D', '\uDE00', ' ');
/** Strings mixing whole code points, bare code units and tricky characters. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: anyUnit, maxLength: 60 }),
  fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), maxLength: 40 }),
);

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

test(`utf8Bytes equals Buffer.byteLength, codePoints equals the string's iterator (${RUNS.strings} runs)`, (t) => {
  fc.assert(
    fc.property(text, (s) => {
      assert.equal(utf8Bytes(s), Buffer.byteLength(s, 'utf8'));
      assert.equal(codePoints(s), [...s].length);
    }),
    { numRuns: RUNS.strings },
  );
  t.diagnostic(`${RUNS.strings} runs`);
});

test(`truncateUtf8: a prefix that fits, never splits a code point, is the longest such, and is idempotent (${RUNS.strings} runs)`, (t) => {
  fc.assert(
    fc.property(text, fc.integer({ min: 0, max: 300 }), (s, max) => {
      const cut = truncateUtf8(s, max);
      assert.ok(s.startsWith(cut));
      assert.ok(Buffer.byteLength(cut, 'utf8') <= max);
      if (cut.length < s.length) {
        assert.ok(!(isHigh(cut.charCodeAt(cut.length - 1)) && isLow(s.charCodeAt(cut.length))), 'a surrogate pair split');
        const next = String.fromCodePoint(s.codePointAt(cut.length)!);
        const nextLength = isHigh(s.charCodeAt(cut.length)) && isLow(s.charCodeAt(cut.length + 1)) ? 2 : 1;
        assert.ok(Buffer.byteLength(cut + s.slice(cut.length, cut.length + nextLength), 'utf8') > max, `${JSON.stringify(next)} would still fit`);
      }
      assert.equal(truncateUtf8(cut, max), cut);
    }),
    { numRuns: RUNS.strings },
  );
  t.diagnostic(`${RUNS.strings} runs`);
});

/** A literal node in each quote style, for quoteLike to copy. */
const likes = ["'a'", '"a"', '`a`'].map((source) => {
  const sourceFile = ts.createSourceFile('like.js', `x = ${source};`, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const statement = sourceFile.statements[0] as ts.ExpressionStatement;
  return (statement.expression as ts.BinaryExpression).right;
});

test(`quoteLike writes a literal the compiler reads back as the same text, in every quote style (${RUNS.literals} runs)`, (t) => {
  fc.assert(
    fc.property(text, fc.constantFrom(...likes), (s, like) => {
      const literal = quoteLike(like, s);
      assert.equal(literal[0], like.getText()[0]);
      const sourceFile = ts.createSourceFile('out.js', `x = ${literal};`, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
      const diagnostics = (sourceFile as unknown as { parseDiagnostics: ts.DiagnosticWithLocation[] }).parseDiagnostics;
      assert.deepEqual(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], literal);
      assert.equal(sourceFile.statements.length, 1, literal);
      const parsed = ((sourceFile.statements[0] as ts.ExpressionStatement).expression as ts.BinaryExpression).right;
      assert.ok(ts.isStringLiteral(parsed) || ts.isNoSubstitutionTemplateLiteral(parsed), literal);
      assert.equal(parsed.text, s, literal);
    }),
    { numRuns: RUNS.literals },
  );
  t.diagnostic(`${RUNS.literals} runs`);
});

const EXAMPLES = path.join(ROOT, 'examples', 'src');
const examples = fs.readdirSync(EXAMPLES).sort().map((name) => ({ file: path.join(EXAMPLES, name), text: fs.readFileSync(path.join(EXAMPLES, name), 'utf8') }));
/** Pieces that break code in the ways editing does: openings without closings, quotes, comments, line ends, SDK words. */
const FRAGMENTS = ['(', ')', '{', '}', '[', ']', "'", '"', '`', '${', '/*', '*/', '//', '/', '\\', '\n', '\r\n', '\r', ';', ',', '.', '=>', '?.', '...', '<div>', '</', 'function ', 'class ', 'import ', 'export * from ', 'await ', 'new ', 'callstats', '.initialize(', '.addNewFabric(', "require('callstats-js')", "'x'.repeat(1e9)", '\uFEFF', '\u2028', '😀', '\uD800', '\0'];

type Mutation = { kind: 'delete'; at: number; length: number } | { kind: 'insert'; at: number; piece: string } | { kind: 'copy'; at: number; from: number; length: number; source: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 8 })) }),
  fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), from: fc.nat(), length: fc.integer({ min: 1, max: 200 }), source: fc.nat(examples.length - 1) }),
);

function mutate(original: string, mutations: Mutation[]): string {
  let out = original;
  for (const m of mutations) {
    const at = out.length ? m.at % (out.length + 1) : 0;
    if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === 'insert') out = out.slice(0, at) + m.piece + out.slice(at);
    else {
      const source = examples[m.source].text;
      const from = m.from % source.length;
      out = out.slice(0, at) + source.slice(from, from + m.length) + out.slice(at);
    }
  }
  return out;
}

test(`mutated example files through the engine: no throw, ranges and fixes inside the text, every lint returns (${RUNS.mutations} runs)`, { timeout: 600_000 }, (t) => {
  const linter = new Linter({ rules: RULES });
  // As in the editor: the file is analysed with the rest of its project, so broken files meet working ones.
  linter.setProjectFiles(EXAMPLES, examples.map((e) => e.file));
  const resolver = new ConfigResolver({ ruleIds: RULE_IDS });
  const configFor = (file: string) => resolver.forFile(file);
  let slowest = 0;
  let findings = 0;
  let problems = 0;
  fc.assert(
    fc.property(fc.nat(examples.length - 1), fc.array(mutation, { minLength: 1, maxLength: 6 }), (index, mutations) => {
      const { file, text: original } = examples[index];
      const mutated = mutate(original, mutations);
      const textOf = (f: string) => (f === file ? mutated : fs.readFileSync(f, 'utf8'));
      linter.setOverlay(file, mutated);
      const started = process.hrtime.bigint();
      try {
        const [report] = linter.lint({ files: [file], configFor });
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        slowest = Math.max(slowest, ms);
        // Generous: a lint of a 3 kB file takes milliseconds; this only catches runaway work.
        assert.ok(ms < 30_000, `one lint took ${ms} ms`);
        assert.equal(report.file, file);
        findings += report.findings.length;
        problems += report.problems.length;
        for (const finding of report.findings) {
          const { start, end, line, column, endLine, endColumn } = finding.range;
          assert.ok(0 <= start && start <= end && end <= mutated.length, `${finding.ruleId} range ${start}-${end} of ${mutated.length}`);
          assert.ok(line >= 1 && column >= 1 && endLine >= line && endColumn >= 1, `${finding.ruleId} position`);
          for (const fix of finding.fixes) {
            for (const edit of fix.edits) {
              assert.ok(0 <= edit.start && edit.start <= edit.end && edit.end <= textOf(edit.file).length, `${finding.ruleId} fix "${fix.title}" edit out of its text`);
            }
          }
        }
      } finally {
        linter.setOverlay(file, undefined);
      }
    }),
    { numRuns: RUNS.mutations },
  );
  t.diagnostic(`${RUNS.mutations} runs; slowest lint ${Math.round(slowest)} ms; ${findings} findings and ${problems} file problems in all`);
});
