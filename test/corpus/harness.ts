// The corpus harness: reads each case's markers, lints the case folder as the CLI does, and matches findings to markers.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ConfigResolver } from '../../server/src/engine/config.js';
import { discoverFiles } from '../../server/src/engine/files.js';
import { Linter } from '../../server/src/engine/linter.js';
import { RULE_IDS } from '../../server/src/rules/ids.js';

export { RULE_IDS };
import type { Severity } from '../../server/src/engine/types.js';

/** One expected finding: `// expect: rule[:severity] [(known miss: why)] [(no fix)]` on the line where it starts. */
export interface Expectation {
  file: string;
  line: number;
  ruleId: string;
  severity?: Severity;
  /** Why static analysis cannot see it; such a marker is a false negative in the numbers but does not fail the case. */
  knownMiss?: string;
  /** The finding must come without a fix: none could be built from what is in scope there. */
  noFix: boolean;
  /** The marker as written, for messages. */
  marker: string;
}

/** A line where a rule must stay silent: `// ok: rule[, rule] -- why`. */
export interface Silence {
  file: string;
  line: number;
  ruleId: string;
  marker: string;
}

export interface Markers {
  expectations: Expectation[];
  silences: Silence[];
  /** Malformed markers: an unknown rule id or severity, an expectation and a silence for one rule on one line. */
  errors: string[];
}

export interface CaseFinding {
  /** Relative to the case folder, with `/`. */
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: Severity;
  message: string;
  fixes: string[];
}

/** A finding on a marked line and rule whose severity or fixes are not what the marker says. */
export interface Mismatch {
  finding: CaseFinding;
  expectation: Expectation;
  problem: string;
}

export interface CaseResult {
  name: string;
  files: string[];
  /** File problems the linter reported (unreadable files, "analysis failed", "rule X failed"). */
  problems: string[];
  markers: Markers;
  truePositives: { finding: CaseFinding; expectation: Expectation }[];
  /** Findings no marker asked for, with the silence marker they break, if any. */
  falsePositives: { finding: CaseFinding; silence?: Silence }[];
  falseNegatives: Expectation[];
  mismatches: Mismatch[];
}

const SEVERITIES: readonly Severity[] = ['error', 'warn', 'info'];

/**
 * The package root, found from this module's location so the harness runs from any output folder. Not the one of
 * test/helpers/lint.ts: that module registers node:test hooks, which bench/accuracy.mjs must not start.
 */
const ROOT = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'callstats-lint') return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
})();

export const CASES_DIR = path.join(ROOT, 'test', 'corpus', 'cases');

// A marker comment: a line comment to the end of the line, or a block comment (also in JSX braces), or an HTML
// comment; then the kind and its items.
const MARKER = /(?:\/\/\s*(expect-next-line|expect|ok):\s*(.*?)\s*$)|(?:\/\*\s*(expect-next-line|expect|ok):\s*(.*?)\s*\*\/)|(?:<!--\s*(expect-next-line|expect|ok):\s*(.*?)\s*-->)/;

/** Splits at commas outside parentheses, so `(known miss: a, b)` stays one item. */
function splitItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      items.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) items.push(current.trim());
  return items;
}

const ITEM = /^([a-z][a-z-]*)(?::([a-z]+))?((?:\s*\([^()]*\))*)$/;

/** The markers of one file's text; `file` is the name used in the results. */
export function parseMarkers(file: string, text: string): Markers {
  const out: Markers = { expectations: [], silences: [], errors: [] };
  text.split(/\r?\n/).forEach((lineText, index) => {
    const match = MARKER.exec(lineText);
    if (!match) return;
    const kind = match[1] ?? match[3] ?? match[5];
    const body = match[2] ?? match[4] ?? match[6];
    const line = kind === 'expect-next-line' ? index + 2 : index + 1;
    const where = `${file}:${index + 1}`;
    // A ` -- ` ends the items: what follows is the reason, for the reader.
    const separator = body.indexOf(' --');
    const list = separator >= 0 ? body.slice(0, separator) : body;
    if (kind === 'ok' && separator < 0) out.errors.push(`${where}: an ok marker says why after " -- "`);
    const marker = `${kind}: ${body}`;
    for (const item of splitItems(list)) {
      const parsed = ITEM.exec(item);
      if (!parsed) {
        out.errors.push(`${where}: cannot read marker item "${item}"`);
        continue;
      }
      const [, ruleId, severity, notes] = parsed;
      if (!RULE_IDS.includes(ruleId)) out.errors.push(`${where}: unknown rule "${ruleId}"`);
      if (severity !== undefined && !SEVERITIES.includes(severity as Severity)) out.errors.push(`${where}: unknown severity "${severity}"`);
      if (kind === 'ok') {
        if (severity !== undefined || notes) out.errors.push(`${where}: an ok marker names rules only`);
        out.silences.push({ file, line, ruleId, marker });
        continue;
      }
      let knownMiss: string | undefined;
      let noFix = false;
      for (const [, note] of (notes ?? '').matchAll(/\(([^()]*)\)/g)) {
        const miss = /^known miss:\s*(.+)$/.exec(note.trim());
        if (miss) knownMiss = miss[1];
        else if (note.trim() === 'no fix') noFix = true;
        else out.errors.push(`${where}: unknown note "(${note})"; known: "(known miss: <reason>)", "(no fix)"`);
      }
      out.expectations.push({ file, line, ruleId, severity: severity as Severity | undefined, knownMiss, noFix, marker });
    }
  });
  for (const silence of out.silences) {
    if (out.expectations.some((e) => e.line === silence.line && e.ruleId === silence.ruleId)) {
      out.errors.push(`${file}:${silence.line}: both expects and silences ${silence.ruleId}`);
    }
  }
  return out;
}

/** The case folders, by name. */
export function listCases(dir = CASES_DIR): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

/** Lints one case folder with a fresh Linter: its files as the CLI finds them, configuration per file. */
export function runCase(name: string, dir = CASES_DIR): CaseResult {
  const caseDir = path.join(dir, name);
  const discovery = discoverFiles([caseDir], caseDir);
  const resolver = new ConfigResolver();
  const reports = new Linter().lint({ files: discovery.files, configFor: (file) => resolver.forFile(file) });
  const relative = (file: string) => toPosix(path.relative(caseDir, file));
  const problems = [
    ...discovery.problems.map((p) => `${relative(p.path)}: ${p.message}`),
    ...reports.flatMap((r) => r.problems.map((p) => `${relative(r.file)}: ${p}`)),
  ];
  const markers: Markers = { expectations: [], silences: [], errors: [] };
  for (const file of discovery.files) {
    const found = parseMarkers(relative(file), fs.readFileSync(file, 'utf8'));
    markers.expectations.push(...found.expectations);
    markers.silences.push(...found.silences);
    markers.errors.push(...found.errors);
  }
  const findings: CaseFinding[] = reports
    .flatMap((r) => r.findings)
    .map((f) => ({
      file: relative(f.file),
      line: f.range.line,
      column: f.range.column,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      fixes: f.fixes.map((fix) => fix.title),
    }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  return { name, files: discovery.files.map(relative), problems, markers, ...match(findings, markers) };
}

/** Pairs findings with expectations on the same file, line and rule: one finding per marker item. */
function match(findings: CaseFinding[], markers: Markers): Pick<CaseResult, 'truePositives' | 'falsePositives' | 'falseNegatives' | 'mismatches'> {
  const open = [...markers.expectations];
  const truePositives: CaseResult['truePositives'] = [];
  const mismatches: Mismatch[] = [];
  const unmatched: CaseFinding[] = [];
  const same = (f: CaseFinding, e: Expectation) => e.file === f.file && e.line === f.line && e.ruleId === f.ruleId;
  const problemOf = (f: CaseFinding, e: Expectation): string | undefined => {
    if (e.severity && e.severity !== f.severity) return `severity ${f.severity}, the marker wants ${e.severity}`;
    if (e.noFix && f.fixes.length) return `offers ${f.fixes.map((t) => `"${t}"`).join(', ')}, the marker wants no fix`;
    return undefined;
  };
  // Exact pairs first, so a wrong-severity twin on the same line does not take a right one's marker.
  for (const finding of findings) {
    const at = open.findIndex((e) => same(finding, e) && !problemOf(finding, e));
    if (at < 0) unmatched.push(finding);
    else truePositives.push({ finding, expectation: open.splice(at, 1)[0] });
  }
  const falsePositives: CaseResult['falsePositives'] = [];
  for (const finding of unmatched) {
    const at = open.findIndex((e) => same(finding, e));
    if (at >= 0) {
      const expectation = open.splice(at, 1)[0];
      mismatches.push({ finding, expectation, problem: problemOf(finding, expectation)! });
      continue;
    }
    const silence = markers.silences.find((s) => s.file === finding.file && s.line === finding.line && s.ruleId === finding.ruleId);
    falsePositives.push({ finding, silence });
  }
  return { truePositives, falsePositives, falseNegatives: open, mismatches };
}

/** Whether the case passes: no problems, no marker errors, no unexpected finding, every marker found but known misses. */
export function passes(result: CaseResult): boolean {
  return (
    result.problems.length === 0 &&
    result.markers.errors.length === 0 &&
    result.falsePositives.length === 0 &&
    result.mismatches.length === 0 &&
    result.falseNegatives.every((e) => e.knownMiss !== undefined)
  );
}

const where = (x: { file: string; line: number }) => `${x.file}:${x.line}`;

/** What differs between the findings and the markers, one line each, for a failure message. */
export function describeDifferences(result: CaseResult): string {
  const lines: string[] = [];
  for (const problem of result.problems) lines.push(`  linter problem: ${problem}`);
  for (const error of result.markers.errors) lines.push(`  bad marker: ${error}`);
  for (const { finding, silence } of result.falsePositives) {
    const broken = silence ? ` [breaks "${silence.marker}"]` : '';
    lines.push(`  unexpected ${where(finding)}:${finding.column} ${finding.ruleId} (${finding.severity})${broken}: ${finding.message}`);
  }
  for (const expectation of result.falseNegatives.filter((e) => e.knownMiss === undefined)) {
    lines.push(`  missing    ${where(expectation)} ${expectation.ruleId}: "${expectation.marker}"`);
  }
  for (const { finding, expectation, problem } of result.mismatches) {
    lines.push(`  different  ${where(finding)}:${finding.column} ${finding.ruleId}: ${problem} ("${expectation.marker}"): ${finding.message}`);
  }
  return lines.join('\n');
}
