// Rule id-case-collision: two conferenceIDs (or two userIDs) of the app must not differ only in letter case.
import type { ts } from 'ts-morph';
import { Evaluator, type StringValue } from '../engine/values.js';
import { identifierArgs, shortened, type IdentifierArg } from './identifiers.js';
import { defineRule, eachCall, type RuleContext } from '../engine/rule.js';

interface Occurrence {
  id: IdentifierArg;
  text: string;
  node: ts.Node;
}

function exactStrings(context: RuleContext, id: IdentifierArg): StringValue[] {
  return Evaluator.options(context.evaluator.evaluate(id.expression)).filter(
    (v): v is StringValue => v.kind === 'string' && v.exact && v.text !== undefined && v.text !== '',
  );
}

function byPosition(a: Occurrence, b: Occurrence): number {
  const fileA = a.node.getSourceFile().fileName;
  const fileB = b.node.getSourceFile().fileName;
  return fileA.localeCompare(fileB) || a.node.getStart() - b.node.getStart();
}

/** Every known exact value of one kind of identifier, once per place it is written, in file and position order. */
function occurrences(context: RuleContext, isUser: boolean): Occurrence[] {
  const seen = new Set<ts.Node>();
  const out: Occurrence[] = [];
  eachCall(context, context.calls, (call) => {
    for (const id of identifierArgs(context, call)) {
      if (id.isUser !== isUser) continue;
      for (const value of exactStrings(context, id)) {
        if (seen.has(value.node)) continue;
        seen.add(value.node);
        out.push({ id, text: value.text!, node: value.node });
      }
    }
  });
  return out.sort(byPosition);
}

/** Later occurrences whose value equals the first one's except for letter case, each with that first one. */
function collisions(found: Occurrence[]): { later: Occurrence; first: Occurrence }[] {
  const groups = new Map<string, Occurrence[]>();
  for (const occurrence of found) {
    const key = occurrence.text.toLowerCase();
    const group = groups.get(key);
    if (group) group.push(occurrence);
    else groups.set(key, [occurrence]);
  }
  const out: { later: Occurrence; first: Occurrence }[] = [];
  for (const group of groups.values()) {
    // The first spelling is the one the app meant: repeats of it are fine, every other spelling is reported against it.
    const [first, ...later] = group;
    for (const occurrence of later) if (occurrence.text !== first.text) out.push({ later: occurrence, first });
  }
  return out;
}

function report(context: RuleContext, later: Occurrence, first: Occurrence): void {
  const data = { label: later.id.label, value: JSON.stringify(shortened(later.text)), other: JSON.stringify(shortened(first.text)) };
  context.report({
    node: later.node,
    messageId: later.id.isUser ? 'userId' : 'conferenceId',
    data,
    related: [{ node: first.node, noteId: 'other', data: { other: data.other, label: first.id.label, method: first.id.call.method.name } }],
  });
}

export const idCaseCollision = defineRule({
  meta: {
    id: 'id-case-collision',
    description: 'conferenceIDs and userIDs must not differ only in letter case',
    defaultSeverity: 'warn',
    docs: 'docs/rules/id-case-collision.md',
    fixes: {},
  },
  messages: {
    conferenceId: {
      message: '{{label}} {{value}} differs from {{other}} only in letter case',
      help: 'Use one spelling everywhere: IDs are case-sensitive, so the two spellings are two conferences.',
    },
    userId: {
      message: '{{label}} {{value}} differs from {{other}} only in letter case',
      help: 'Use one spelling everywhere: IDs are case-sensitive, so the two spellings are two participants.',
    },
  },
  notes: {
    other: '{{other}} is used as the {{label}} of {{method}}() here',
  },
  create(context) {
    for (const isUser of [false, true]) {
      for (const { later, first } of collisions(occurrences(context, isUser))) {
        try {
          report(context, later, first);
        } catch (error) {
          context.fail(later.id.call.file, error);
        }
      }
    }
  },
});
