// One analysis run: builds the analysis over the candidate files, finds the SDK calls and runs every rule.
import { ALL_RULES } from '../rules/all.js';
import type { Draft, Rule, RuleContext } from '../rules/rule.js';
import { Analysis } from './analysis.js';
import { hoverText } from './hover.js';
import { Receivers, type SdkCall } from './receivers.js';
import { Evaluator } from './values.js';
import type { Workspace } from './workspace.js';
import type { ResolvedConfig } from './types.js';

export interface Run {
  analysis: Analysis;
  evaluator: Evaluator;
  receivers: Receivers;
  calls: SdkCall[];
  /** Files whose analysis threw, with what failed. */
  failures: Map<string, string>;
}

export function startRun(workspace: Workspace, candidates: string[]): Run {
  const analysis = new Analysis(workspace, candidates);
  const evaluator = new Evaluator(analysis);
  const receivers = new Receivers(analysis);
  const calls: SdkCall[] = [];
  const failures = analysis.failures;
  for (const file of candidates) {
    try {
      calls.push(...receivers.callsIn(file));
    } catch (error) {
      failures.set(file, `analysis failed: ${(error as Error).message}`);
    }
  }
  return { analysis, evaluator, receivers, calls, failures };
}

/** Runs the rules; a rule that throws is reported against the files it was looking at, and the others go on. */
export function runRules(
  workspace: Workspace,
  candidates: string[],
  configFor: (file: string) => ResolvedConfig,
  onDraft: (ruleId: string, draft: Draft) => void,
  rules: readonly Rule[] = ALL_RULES,
): Map<string, string> {
  const run = startRun(workspace, candidates);
  for (const rule of rules) {
    const context: RuleContext = {
      analysis: run.analysis,
      evaluator: run.evaluator,
      receivers: run.receivers,
      calls: run.calls,
      configFor,
      report: (draft) => onDraft(rule.id, draft),
      fail: (file, error) => {
        if (!run.failures.has(file)) run.failures.set(file, `rule ${rule.id} failed: ${(error as Error)?.message ?? String(error)}`);
        if (process.env.CALLSTATS_LINT_DEBUG) console.error(error);
      },
    };
    try {
      rule.run(context);
    } catch (error) {
      const files = new Set(run.calls.map((c) => c.file));
      for (const file of files) {
        if (!run.failures.has(file)) run.failures.set(file, `rule ${rule.id} failed: ${(error as Error).message}`);
      }
    }
  }
  return run.failures;
}

export function hoverAt(
  workspace: Workspace,
  files: string[],
  file: string,
  offset: number,
  configFor: (file: string) => ResolvedConfig,
): { markdown: string; start: number; end: number } | undefined {
  const run = startRun(workspace, files);
  return hoverText(run, file, offset, configFor);
}

