// The ESLint plugin (callstats-lint/eslint-plugin): the engine's rules as ESLint rules, fed by one shared analysis of each project.
import type { ESLint, Linter as EslintLinter, Rule as EslintRule } from 'eslint';
import pkg from '../../package.json';
import { publicDocsUrl } from './docs.js';
import { safeFix } from './engine/fixes.js';
import type { Rule } from './engine/rule.js';
import type { Fix, Severity } from './engine/types.js';
import { sharedAnalysis } from './eslint/analysis.js';
import * as parser from './eslint/parser.js';
import { RULES } from './rules/index.js';

/** The plugin's namespace in ESLint's configuration: rules are `callstats/<id>`. */
const NAMESPACE = 'callstats';
const HOMEPAGE = (pkg as { homepage?: string }).homepage;
/** The message of a file the engine could not read or analyse (reported once per file, by the first rule that runs). */
const PROBLEM = 'callstatsLintProblem';

/** The files the CLI lints that ESLint can parse: scripts. Pages (HTML, Vue, Svelte) need a parser that ESLint does not have. */
const FILES = ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'];
const DECLARATIONS = ['**/*.d.{ts,mts,cts}'];

/** ESLint has no severity below a warning: `info` findings are warnings. */
const SEVERITY: Record<Severity, 'error' | 'warn'> = { error: 'error', warn: 'warn', info: 'warn' };

/** The rules that ESLint created for a file, in order: the first reports the file's problems. */
const createdFor = new WeakMap<object, string[]>();

/**
 * The likely findings the rules reported in the file being linted, as `likelyKey`s with their counts;
 * undefined when the severity processor is not linting one (ESLint lints a file's text from
 * preprocess to postprocess in one synchronous call, so there is one at a time).
 */
let likelyReported: Map<string, number> | undefined;

/** A message of a callstats rule, by what the rule reported: rule, messageId and exact place (ESLint's 1-based columns). */
function likelyKey(m: { ruleId: string | null; messageId?: string; line?: number; column?: number; endLine?: number; endColumn?: number }): string {
  return `${m.ruleId}\0${m.messageId}\0${m.line}:${m.column}\0${m.endLine}:${m.endColumn}`;
}

/**
 * ESLint's severity is the rule's, for all its messages; the engine's is a finding's: one that rests
 * on an inference is never an error. This processor lints the text as it is and gives those findings'
 * messages warning severity where their rule is at `error`, as the command line does.
 */
const severityProcessor: EslintLinter.Processor = {
  meta: { name: `${NAMESPACE}/severity`, version: pkg.version },
  supportsAutofix: true,
  preprocess(text) {
    likelyReported = new Map();
    return [text];
  },
  postprocess(messageLists) {
    const likely = likelyReported ?? new Map<string, number>();
    likelyReported = undefined;
    return messageLists.flat().map((m) => {
      if (m.severity !== 2 || !m.ruleId?.startsWith(`${NAMESPACE}/`)) return m;
      const key = likelyKey(m);
      const count = likely.get(key);
      if (!count) return m;
      likely.set(key, count - 1);
      return { ...m, severity: 1 as const };
    });
  },
};

function message(spec: { message: string; help: string }): string {
  return spec.help ? `${spec.message}. ${spec.help}` : spec.message;
}

/** A fix as ESLint applies it: every edit in the reported file, else none (ESLint edits one file only). */
function eslintFix(fix: Fix, file: string, shift: number): EslintRule.ReportFixer | undefined {
  if (!fix.edits.length || fix.edits.some((edit) => edit.file !== file)) return undefined;
  return (fixer) => fix.edits.map((edit) => fixer.replaceTextRange([edit.start - shift, edit.end - shift], edit.newText));
}

function eslintRule(rule: Rule): EslintRule.RuleModule {
  const { id } = rule.meta;
  const kinds = new Set(Object.values(rule.meta.fixes).map((fix) => fix.kind));
  const url = publicDocsUrl(rule.meta, HOMEPAGE);
  return {
    meta: {
      type: 'problem',
      docs: { description: rule.meta.description, recommended: true, ...(url ? { url } : {}) },
      messages: {
        ...Object.fromEntries(Object.entries(rule.messages).map(([messageId, spec]) => [messageId, message(spec)])),
        [PROBLEM]: 'callstats-lint could not check this file: {{problem}}',
      },
      ...(kinds.has('safe') ? { fixable: 'code' as const } : {}),
      ...(kinds.has('suggestion') ? { hasSuggestions: true } : {}),
      // The rules take no options: what they check is set in settings.callstats or .callstatslintrc.json.
      schema: [],
    },
    create(context) {
      const { sourceCode } = context;
      const created = createdFor.get(sourceCode) ?? [];
      createdFor.set(sourceCode, [...created, id]);
      return {
        Program() {
          const { report, offsetShift } = sharedAnalysis().resultFor({
            filename: context.filename,
            text: sourceCode.text,
            hasBOM: sourceCode.hasBOM,
            settings: context.settings,
            runToken: context.languageOptions,
          });
          const loc = (start: number, end: number) => ({ start: sourceCode.getLocFromIndex(start - offsetShift), end: sourceCode.getLocFromIndex(end - offsetShift) });
          if (createdFor.get(sourceCode)?.[0] === id) {
            for (const problem of report.problems) context.report({ loc: { line: 1, column: 0 }, messageId: PROBLEM, data: { problem } });
          }
          for (const finding of report.findings) {
            if (finding.ruleId !== id) continue;
            const safe = safeFix(finding);
            const fix = safe && eslintFix(safe, report.file, offsetShift);
            const suggest = finding.fixes.flatMap((candidate) => {
              const suggested = candidate.kind === 'suggestion' ? eslintFix(candidate, report.file, offsetShift) : undefined;
              return suggested ? [{ desc: candidate.title, fix: suggested }] : [];
            });
            const at = loc(finding.range.start, finding.range.end);
            if (finding.likely && likelyReported) {
              const key = likelyKey({ ruleId: `${NAMESPACE}/${id}`, messageId: finding.messageId, line: at.start.line, column: at.start.column + 1, endLine: at.end.line, endColumn: at.end.column + 1 });
              likelyReported.set(key, (likelyReported.get(key) ?? 0) + 1);
            }
            context.report({
              loc: at,
              messageId: finding.messageId,
              data: finding.data as Record<string, string>,
              ...(fix ? { fix } : {}),
              ...(suggest.length ? { suggest } : {}),
            });
          }
        },
      };
    },
  };
}

const rules: Record<string, EslintRule.RuleModule> = Object.fromEntries(RULES.map((rule) => [rule.meta.id, eslintRule(rule)]));

interface CallstatsPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, EslintRule.RuleModule>;
  configs: { recommended: EslintLinter.Config };
  /** `severity`: likely findings as warnings where their rule is at `error` (set in configs.recommended). */
  processors: { severity: EslintLinter.Processor };
  /** A parser that gives ESLint the comments only: for running the callstats rules on TypeScript without typescript-eslint. */
  parser: EslintLinter.Parser;
}

const plugin: CallstatsPlugin = {
  meta: { name: 'callstats-lint', version: pkg.version, namespace: NAMESPACE },
  rules,
  configs: { recommended: {} },
  processors: { severity: severityProcessor },
  parser: { meta: { name: 'callstats-lint/parser', version: pkg.version }, parseForESLint: parser.parseForESLint, parse: parser.parse } as unknown as EslintLinter.Parser,
};

plugin.configs.recommended = {
  name: `${NAMESPACE}/recommended`,
  files: FILES,
  ignores: DECLARATIONS,
  plugins: { [NAMESPACE]: plugin },
  processor: `${NAMESPACE}/severity`,
  rules: Object.fromEntries(RULES.map((rule) => [`${NAMESPACE}/${rule.meta.id}`, SEVERITY[rule.meta.defaultSeverity]])),
};

export = plugin;
