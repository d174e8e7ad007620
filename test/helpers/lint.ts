// Lints a map of file name → source text in a fresh temp folder and returns compact, comparable findings.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after } from 'node:test';
import { ConfigResolver } from '../../server/src/engine/config.js';
import { applyEdits } from '../../server/src/engine/fixes.js';
import { isLintableFile } from '../../server/src/engine/files.js';
import { Linter } from '../../server/src/engine/linter.js';
import { RULES } from '../../server/src/rules/index.js';
import type { FileReport, Finding, SourceRange, UserConfig } from '../../server/src/engine/types.js';

/** The built-in rules' ids, in documentation order. */
export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.meta.id);

/** The package root: found from the bundle's location, so tests run from any output folder. */
export const ROOT = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'callstats-lint') return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
})();

export interface CompactRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface CompactRelated extends CompactRange {
  file: string;
  message: string;
}

export interface CompactFix {
  title: string;
  kind: 'safe' | 'suggestion';
  /** The finding's file after applying the fix's edits. */
  text: string;
  /** Other files the fix edits, by base name, after applying. */
  others?: Record<string, string>;
}

export interface CompactFinding extends CompactRange {
  ruleId: string;
  messageId: string;
  data: Readonly<Record<string, string | number>>;
  message: string;
  help: string;
  file: string;
  related: CompactRelated[];
  fixes: CompactFix[];
}

export interface LintResult {
  dir: string;
  findings: CompactFinding[];
  /** File problems (unreadable, analysis failures), by base name; only files with problems. */
  problems: Record<string, string[]>;
  reports: FileReport[];
}

export interface LintOptions {
  /** Content of .callstatslintrc.json; `{}` is written when omitted so nothing above the temp folder applies. */
  config?: UserConfig | Record<string, unknown>;
  /** Only this rule's findings. */
  rule?: string;
  /** Lint only these files (names as in the map); the others are still there to follow imports. */
  only?: string[];
  reportUnusedDisableDirectives?: 'error' | 'warn' | 'off';
}

const made: string[] = [];
after(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh real-path temp folder holding the files (relative path → text). */
export function writeTree(files: Record<string, string>, prefix = 'callstats-lint-test-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

const rangeOf = (r: SourceRange): CompactRange => ({ line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn });

/** A finding as the tables compare it; fixes become the text they produce. */
export function compact(finding: Finding, read: (file: string) => string): CompactFinding {
  return {
    ruleId: finding.ruleId,
    ...rangeOf(finding.range),
    messageId: finding.messageId,
    data: finding.data,
    message: finding.message,
    help: finding.help,
    file: path.basename(finding.file),
    related: finding.related.map((r) => ({ file: path.basename(r.file), ...rangeOf(r.range), message: r.message })),
    fixes: finding.fixes.map((fix) => {
      const files = [...new Set(fix.edits.map((e) => e.file))];
      const out: CompactFix = { title: fix.title, kind: fix.kind, text: read(finding.file) };
      for (const file of files) {
        const applied = applyEdits(read(file), fix.edits.filter((e) => e.file === file));
        if (applied.skipped.length) throw new Error(`fix "${fix.title}" has overlapping edits`);
        if (file === finding.file) out.text = applied.text;
        else (out.others ??= {})[path.basename(file)] = applied.text;
      }
      return out;
    }),
  };
}

/** Lints the already-written files of `dir` with a fresh Linter and ConfigResolver. */
export function lintDir(dir: string, files: string[], options: Pick<LintOptions, 'rule' | 'reportUnusedDisableDirectives'> = {}): LintResult {
  const linter = new Linter({ rules: RULES });
  const resolver = new ConfigResolver({ ruleIds: linter.ruleIds });
  const absolute = files.map((f) => path.join(dir, f));
  const reports = linter.lint({ files: absolute, configFor: (file) => resolver.forFile(file), reportUnusedDisableDirectives: options.reportUnusedDisableDirectives });
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  const findings = reports
    .flatMap((r) => r.findings)
    .filter((f) => !options.rule || f.ruleId === options.rule)
    .map((f) => compact(f, read));
  const problems: Record<string, string[]> = {};
  for (const report of reports) if (report.problems.length) problems[path.relative(dir, report.file)] = report.problems;
  return { dir, findings, problems, reports };
}

/** Writes the files into a fresh temp folder and lints every JavaScript/TypeScript file among them. */
export function lint(files: Record<string, string>, options: LintOptions = {}): LintResult {
  const tree = { ...files };
  if (!('.callstatslintrc.json' in tree)) tree['.callstatslintrc.json'] = JSON.stringify(options.config ?? {});
  const dir = writeTree(tree);
  const names = options.only ?? Object.keys(files).filter((f) => isLintableFile(f));
  return lintDir(dir, names, options);
}

/** One file, named `app.js` unless told. */
export function lintSource(source: string, options: LintOptions & { name?: string } = {}): LintResult {
  return lint({ [options.name ?? 'app.js']: source }, options);
}

/** The 1-based line and column where `needle` (the `occurrence`-th, from 1) starts in `text`. */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not in the text`);
  }
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The range of the `occurrence`-th `needle` in `text`, as findings report it (needle on one line). */
export function rangeOfText(text: string, needle: string, occurrence = 1): CompactRange {
  const start = positionOf(text, needle, occurrence);
  const lines = needle.split('\n');
  const endLine = start.line + lines.length - 1;
  const endColumn = lines.length === 1 ? start.column + needle.length : lines[lines.length - 1].length + 1;
  return { ...start, endLine, endColumn };
}

/** The range of the first `needle` at or after the first `anchor` (to pick one occurrence by its context). */
export function rangeIn(text: string, anchor: string, needle: string): CompactRange {
  const from = text.indexOf(anchor);
  if (from < 0) throw new Error(`"${anchor}" not in the text`);
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" not after "${anchor}"`);
  const occurrence = text.slice(0, at + needle.length).split(needle).length - 1;
  return rangeOfText(text, needle, occurrence);
}
