// The rule contract, owned by the engine: what a rule declares (meta, messages, notes), what it sees, and what it reports.
import type { ts } from 'ts-morph';
import type { Analysis } from './analysis.js';
import type { ProjectInfo } from './project.js';
import type { Receivers, SdkCall } from './receivers.js';
import type { Evaluator } from './values.js';
import type { Fix, ResolvedConfig, Severity } from './types.js';

/** Values for a template's `{{placeholders}}`. */
export type Data = Readonly<Record<string, string | number>>;

export interface FixMeta {
  /** A title template, filled with the fix's data. */
  title: string;
  /** `safe`: keeps what the program does except the one ID the guide is about; applied by --fix and fix-all. */
  kind: 'safe' | 'suggestion';
}

export interface RuleMeta<F extends string = string> {
  id: string;
  /** One line: what the guide requires. */
  description: string;
  defaultSeverity: Severity;
  /** The rule's documentation page, relative to the package root. */
  docs: string;
  /** Every fix the rule can offer, by id. */
  fixes: Readonly<Record<F, FixMeta>>;
}

/** A finding's text: one short sentence about this ID here, and one line saying what to do. */
export interface MessageSpec {
  message: string;
  help: string;
}

export interface DraftEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}

export interface DraftFix<F extends string = string> {
  fixId: F;
  data?: Data;
  isPreferred?: boolean;
  edits: DraftEdit[];
}

/** The other half of a finding: a node of the analysed code, or a span of another file (package.json, a page). */
export type DraftRelated<N extends string = string> = ({ node: ts.Node } | { file: string; start: number; end: number }) & {
  noteId: N;
  data?: Data;
};

export interface Draft<M extends string = string, N extends string = string, F extends string = string> {
  node: ts.Node;
  messageId: M;
  data?: Data;
  /**
   * The finding rests on an inference (a topology worked out from the code, a value known on some
   * paths only): it is never reported as an error, whatever the rule's severity.
   */
  likely?: boolean;
  related?: DraftRelated<N>[];
  fixes?: DraftFix<F>[];
}

export interface RuleContext<M extends string = string, N extends string = string, F extends string = string> {
  analysis: Analysis;
  evaluator: Evaluator;
  /** Facts about the app around a file (the callstats.js version it pins). */
  project: ProjectInfo;
  receivers: Receivers;
  /** Every SDK call in the analysed files, in file order. */
  calls: readonly SdkCall[];
  configFor(file: string): ResolvedConfig;
  report(draft: Draft<M, N, F>): void;
  /** Records that checking something in `file` threw; the rule goes on with the rest. */
  fail(file: string, error: unknown): void;
}

/** A rule as the Linter holds it. */
export interface Rule {
  readonly meta: RuleMeta;
  readonly messages: Readonly<Record<string, MessageSpec>>;
  /** Texts of related locations, by id. */
  readonly notes: Readonly<Record<string, string>>;
  create(context: RuleContext): void;
}

export interface RuleDefinition<M extends string, N extends string, F extends string> {
  meta: RuleMeta<F>;
  messages: Readonly<Record<M, MessageSpec>>;
  notes?: Readonly<Record<N, string>>;
  create(context: RuleContext<M, N, F>): void;
}

/** A rule, typed so that every messageId, noteId and fixId it reports is one it declares. */
export function defineRule<M extends string, N extends string = never, F extends string = never>(
  definition: RuleDefinition<M, N, F>,
): Rule & { readonly messages: Readonly<Record<M, MessageSpec>>; readonly notes: Readonly<Record<N, string>> } {
  return {
    meta: definition.meta,
    messages: definition.messages,
    notes: definition.notes ?? ({} as Record<N, string>),
    create: definition.create as (context: RuleContext) => void,
  };
}

/** Runs `check` for each call; one that throws is recorded against its file and the others still run. */
export function eachCall(context: Pick<RuleContext, 'fail'>, calls: readonly SdkCall[], check: (call: SdkCall) => void): void {
  for (const call of calls) {
    try {
      check(call);
    } catch (error) {
      context.fail(call.file, error);
    }
  }
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** Fills a template's `{{placeholders}}`; a placeholder without a value is the rule's bug, and throws. */
export function fill(template: string, data: Data | undefined, what: string): string {
  return template.replace(PLACEHOLDER, (_, key: string) => {
    const value = data?.[key];
    if (value === undefined) throw new Error(`${what}: no value for {{${key}}}`);
    return String(value);
  });
}

/** A draft's texts, filled from the rule's declarations. */
export interface Resolved {
  messageId: string;
  message: string;
  help: string;
  data: Data;
  likely: boolean;
  related: (({ node: ts.Node } | { file: string; start: number; end: number }) & { message: string })[];
  fixes: Fix[];
}

/** Turns a draft into texts; an undeclared id or an unfilled placeholder throws (a typo in a template fails the rule's tests). */
export function resolveDraft(rule: Rule, draft: Draft): Resolved {
  const id = rule.meta.id;
  const spec = Object.hasOwn(rule.messages, draft.messageId) ? rule.messages[draft.messageId] : undefined;
  if (!spec) throw new Error(`rule ${id} reported an undeclared messageId "${draft.messageId}"`);
  const data = draft.data ?? {};
  const related = (draft.related ?? []).map(({ noteId, data: noteData, ...where }) => {
    if (!Object.hasOwn(rule.notes, noteId)) throw new Error(`rule ${id} gave an undeclared noteId "${noteId}"`);
    return { ...where, message: fill(rule.notes[noteId], noteData, `note ${noteId} of ${id}`) };
  });
  const fixes = (draft.fixes ?? []).map((fix): Fix => {
    const meta = Object.hasOwn(rule.meta.fixes, fix.fixId) ? rule.meta.fixes[fix.fixId] : undefined;
    if (!meta) throw new Error(`rule ${id} offered an undeclared fixId "${fix.fixId}"`);
    return {
      title: fill(meta.title, fix.data, `fix ${fix.fixId} of ${id}`),
      kind: meta.kind,
      ...(fix.isPreferred ? { isPreferred: true } : {}),
      edits: fix.edits,
    };
  });
  return {
    messageId: draft.messageId,
    message: fill(spec.message, data, `message ${draft.messageId} of ${id}`),
    help: fill(spec.help, data, `help of ${draft.messageId} of ${id}`),
    data,
    likely: !!draft.likely,
    related,
    fixes,
  };
}
