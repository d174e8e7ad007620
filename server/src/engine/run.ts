// One analysis run: builds the analysis over the candidate files, finds the SDK calls and runs every rule.
import { ALL_RULES } from '../rules/all.js';
import type { Draft, Rule, RuleContext } from '../rules/rule.js';
import { Analysis } from './analysis.js';
import { isEmbedding } from './embedded.js';
import { ProjectInfo } from './project.js';
import { hoverText } from './hover.js';
import { Receivers, type SdkCall } from './receivers.js';
import { Evaluator } from './values.js';
import type { Workspace } from './workspace.js';
import type { ResolvedConfig } from './types.js';

export interface Run {
  analysis: Analysis;
  project: ProjectInfo;
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
  const project = new ProjectInfo(workspace, candidates.filter(isEmbedding));
  return { analysis, project, evaluator, receivers, calls, failures };
}

export interface RunResult {
  drafts: { ruleId: string; draft: Draft }[];
  /** Files whose analysis or a rule threw, with what failed. */
  failures: Map<string, string>;
  /** Every file the run parsed: the candidates and the modules values were followed into. */
  indexed: string[];
}

/** Runs the rules; a check that throws is reported against its file, and the others go on. */
export function runRules(
  workspace: Workspace,
  candidates: string[],
  configFor: (file: string) => ResolvedConfig,
  rules: readonly Rule[] = ALL_RULES,
): RunResult {
  const run = startRun(workspace, candidates);
  const drafts: RunResult['drafts'] = [];
  for (const rule of rules) {
    const fail = (file: string, error: unknown) => {
      if (!run.failures.has(file)) run.failures.set(file, `rule ${rule.id} failed: ${(error as Error)?.message ?? String(error)}`);
    };
    const context: RuleContext = {
      analysis: run.analysis,
      project: run.project,
      evaluator: run.evaluator,
      receivers: run.receivers,
      calls: run.calls,
      configFor,
      report: (draft) => drafts.push({ ruleId: rule.id, draft }),
      fail,
    };
    try {
      rule.run(context);
    } catch (error) {
      for (const file of new Set(run.calls.map((c) => c.file))) fail(file, error);
    }
  }
  return { drafts, failures: run.failures, indexed: run.analysis.indexedFiles().map((i) => i.parsed.file) };
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

