// One analysis run: builds the analysis over the candidate files, finds the SDK calls and runs every rule.
import type { ts } from 'ts-morph';
import { Analysis } from './analysis.js';
import { isEmbedding } from './embedded.js';
import { ProjectInfo } from './project.js';
import { hoverText } from './hover.js';
import { Receivers, type SdkCall } from './receivers.js';
import { resolveDraft, type Resolved, type Rule, type RuleContext } from './rule.js';
import { Evaluator } from './values.js';
import type { Workspace } from './workspace.js';
import type { ResolvedConfig } from './types.js';

export interface Run {
  analysis: Analysis;
  project: ProjectInfo;
  evaluator: Evaluator;
  receivers: Receivers;
  calls: SdkCall[];
}

/** The structure a run finds: what values follow (the Analysis), which expressions are SDK instances, the SDK calls. */
interface Structure {
  analysis: Analysis;
  receivers: Receivers;
  calls: SdkCall[];
}

function findStructure(workspace: Workspace, candidates: string[]): Structure {
  const analysis = new Analysis(workspace, candidates);
  const receivers = new Receivers(analysis);
  const calls: SdkCall[] = [];
  for (const file of candidates) {
    try {
      calls.push(...receivers.callsIn(file));
    } catch (error) {
      analysis.failures.set(file, `analysis failed: ${(error as Error).message}`);
    }
  }
  return { analysis, receivers, calls };
}

function runOn(workspace: Workspace, candidates: string[], structure: Structure): Run {
  // A fresh list per run: answers cached per list of calls (topology.ts) hold for one run.
  const { analysis, receivers } = structure;
  return { analysis, receivers, calls: [...structure.calls], evaluator: new Evaluator(analysis), project: new ProjectInfo(workspace, candidates.filter(isEmbedding)) };
}

function startRun(workspace: Workspace, candidates: string[]): Run {
  return runOn(workspace, candidates, findStructure(workspace, candidates));
}

/** Structures kept: one per round of a lint (see MAX_ROUNDS in linter.ts). */
const KEPT_STRUCTURES = 3;

/**
 * Keeps the structure of the last runs for the next run over the same files. While someone types
 * inside a string, the trees stay the same (literal-edit.ts), and so does the structure: the next
 * run takes it and works out only values and rules again.
 */
export class RunKeeper {
  private readonly kept = new Map<string, Structure>();

  /** A run on the kept structure when it still holds (`reused`), else on a new one, kept from now on. */
  start(workspace: Workspace, candidates: string[]): { run: Run; reused: boolean } {
    const key = candidates.join('\0');
    const kept = this.kept.get(key);
    this.kept.delete(key);
    const holding = kept && kept.analysis.workspace === workspace && kept.analysis.isCurrent() ? kept : undefined;
    const structure = holding ?? findStructure(workspace, candidates);
    this.kept.set(key, structure);
    if (this.kept.size > KEPT_STRUCTURES) this.kept.delete(this.kept.keys().next().value!);
    return { run: runOn(workspace, candidates, structure), reused: holding !== undefined };
  }

  /** Drops the structure of these files. */
  forget(candidates: string[]): void {
    this.kept.delete(candidates.join('\0'));
  }
}

/** A finding as a rule reported it, its texts filled in, still positioned on tree nodes. */
export interface Reported extends Resolved {
  ruleId: string;
  node: ts.Node;
}

export interface RunResult {
  reported: Reported[];
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
  rules: readonly Rule[],
  keeper?: RunKeeper,
): RunResult {
  const { run, reused } = keeper ? keeper.start(workspace, candidates) : { run: startRun(workspace, candidates), reused: false };
  const filesBefore = run.analysis.indexedFiles().length;
  const reported: Reported[] = [];
  const ruleFailures = new Map<string, string>();
  for (const rule of rules) {
    const fail = (file: string, error: unknown) => {
      if (!ruleFailures.has(file)) ruleFailures.set(file, `rule ${rule.meta.id} failed: ${(error as Error)?.message ?? String(error)}`);
    };
    const context: RuleContext = {
      analysis: run.analysis,
      project: run.project,
      evaluator: run.evaluator,
      receivers: run.receivers,
      calls: run.calls,
      configFor,
      // Texts are filled as the rule reports, so a template's mistake fails the rule where it is made.
      report: (draft) => reported.push({ ruleId: rule.meta.id, node: draft.node, ...resolveDraft(rule, draft) }),
      fail,
    };
    try {
      rule.create(context);
    } catch (error) {
      for (const file of new Set(run.calls.map((c) => c.file))) fail(file, error);
    }
  }
  const indexed = run.analysis.indexedFiles();
  if (reused && indexed.length !== filesBefore) {
    // The new values led the rules into modules the kept structure never took in. Look-ups made
    // before would have seen those modules in a fresh run: this run is done again on a new
    // structure, which is kept from then on.
    keeper!.forget(candidates);
    return runRules(workspace, candidates, configFor, rules, keeper);
  }
  // A file the analysis could not take in is reported as that, whatever a rule then threw.
  const failures = new Map([...ruleFailures, ...run.analysis.failures]);
  return { reported, failures, indexed: indexed.map((i) => i.parsed.file) };
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

