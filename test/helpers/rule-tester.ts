// RuleTester-style tables on node:test: valid cases must not trigger the rule, invalid ones must report exactly these findings.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { fill, type Data, type Rule } from '../../server/src/engine/rule.js';
import { lint, type CompactFinding, type CompactRange, type CompactRelated, type LintOptions } from './lint.js';

/** Messages are one short sentence: longer ones wrap in every terminal and CI log. */
export const MAX_MESSAGE_LENGTH = 160;

export interface Case {
  name: string;
  /** One file, `app.js` (or `filename`). */
  code?: string;
  filename?: string;
  /** Several files instead of `code`. */
  files?: Record<string, string>;
  config?: LintOptions['config'];
  only?: string[];
}

export interface ExpectedFix {
  title: string;
  kind: 'safe' | 'suggestion';
  /** The text of the finding's file after applying the fix. */
  output: string;
}

export interface ExpectedError extends CompactRange {
  /** Base name of the file reported in; the case's only file when omitted. */
  file?: string;
  messageId: string;
  /** The message's data, exactly; omitted means none. */
  data?: Data;
  /** Checked exactly when given. */
  related?: CompactRelated[];
  /** Every fix, in order; omitted means the finding offers none. */
  fixes?: ExpectedFix[];
}

export interface InvalidCase extends Case {
  errors: ExpectedError[];
}

function filesOf(c: Case): Record<string, string> {
  if (c.files) return c.files;
  if (c.code === undefined) throw new Error(`case "${c.name}" has neither code nor files`);
  return { [c.filename ?? 'app.js']: c.code };
}

function run(ruleId: string, c: Case): CompactFinding[] {
  const result = lint(filesOf(c), { config: c.config, rule: ruleId, only: c.only });
  // A rule that throws (an undeclared messageId, a placeholder without a value) shows up as a problem.
  assert.deepEqual(result.problems, {}, 'no file problems');
  for (const finding of result.findings) {
    assert.ok(finding.message.length <= MAX_MESSAGE_LENGTH, `message of ${finding.message.length} characters: ${finding.message}`);
    assert.ok(finding.help.length > 0, `a help line for ${finding.messageId}`);
  }
  return result.findings;
}

/** A related location's text: the rule's note, filled. */
export function note(rule: Rule, noteId: string, data?: Data): string {
  return fill(rule.notes[noteId], data, `note ${noteId}`);
}

/** A finding in the shape of an expected error; related locations only when the expectation lists them. */
function comparable(found: CompactFinding, withRelated: boolean): unknown {
  const { file, line, column, endLine, endColumn, messageId, data, related, fixes } = found;
  return {
    file,
    line,
    column,
    endLine,
    endColumn,
    messageId,
    data,
    ...(withRelated ? { related } : {}),
    fixes: fixes.map((f) => ({ title: f.title, kind: f.kind, output: f.text })),
  };
}

function expectedShape(e: ExpectedError, defaultFile: string): unknown {
  return {
    file: e.file ?? defaultFile,
    line: e.line,
    column: e.column,
    endLine: e.endLine,
    endColumn: e.endColumn,
    messageId: e.messageId,
    data: e.data ?? {},
    ...(e.related ? { related: e.related } : {}),
    fixes: e.fixes ?? [],
  };
}

/** Registers one test per case under a suite named for the rule. */
export function ruleTester(ruleId: string, tables: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    describe('valid', () => {
      for (const c of tables.valid) {
        test(c.name, () => {
          const findings = run(ruleId, c);
          assert.deepEqual(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.messageId}: ${f.message}`), []);
        });
      }
    });
    describe('invalid', () => {
      for (const c of tables.invalid) {
        test(c.name, () => {
          const defaultFile = Object.keys(filesOf(c)).find((f) => /\.[cm]?[jt]sx?$/.test(f)) ?? 'app.js';
          const findings = run(ruleId, c);
          const order = (a: { file: string; line: number; column: number }, b: { file: string; line: number; column: number }) =>
            a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;
          const expectations = c.errors.map((e) => ({ ...e, file: e.file ?? defaultFile })).sort(order);
          const actual = [...findings].sort(order).map((f, i) => comparable(f, !!expectations[i]?.related));
          assert.deepEqual(actual, expectations.map((e) => expectedShape(e, defaultFile)));
        });
      }
    });
  });
}

export const sha1Hex = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

/** `text` with the `occurrence`-th `needle` replaced (the output of a fix). */
export function replaced(text: string, needle: string, replacement: string, occurrence = 1): string {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not in the text`);
  }
  return text.slice(0, at) + replacement + text.slice(at + needle.length);
}
