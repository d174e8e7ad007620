// Rule id-case-collision: two conferenceIDs (or two userIDs) of the app must not differ only in letter case.
import { ts } from 'ts-morph';
import { Evaluator, plusOperands, type StringValue } from '../engine/values.js';
import { unwrap } from '../engine/syntax.js';
import { identifierArgs, shortened, type IdentifierArg } from './identifiers.js';
import { defineRule, eachCall, type RuleContext } from '../engine/rule.js';

interface Occurrence {
  id: IdentifierArg;
  /** The value, or for a partly known one its shape: known text with `${...}` for what is computed. */
  text: string;
  /** What two spellings must share to be one ID in two cases: the text in lower case, the computed parts as written. */
  key: string;
  node: ts.Node;
  /** Partly known: the computed parts may differ at run time, so a collision is an inference. */
  partly: boolean;
}

/**
 * The shape of a template or `+` chain whose computed parts are not known: `Support-Ticket-${ticket.number}`,
 * `'Queue-' + queue.id` (written as `Queue-${queue.id}`). Its key keeps the computed parts as written, so
 * only values that compute the same parts collide.
 */
function templateShape(context: RuleContext, node: ts.Node): { text: string; key: string } | undefined {
  // The pieces in order: literal text, or an expression whose value may be known.
  let pieces: (string | ts.Expression)[];
  if (ts.isTemplateExpression(node)) pieces = [node.head.text, ...node.templateSpans.flatMap((span) => [span.expression, span.literal.text])];
  else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) pieces = plusOperands(node).map((o) => (ts.isStringLiteralLike(unwrap(o)) ? (unwrap(o) as ts.StringLiteralLike).text : o));
  else return undefined;
  let text = '';
  let key = '';
  let known = '';
  for (const piece of pieces) {
    const value = typeof piece === 'string' ? undefined : context.evaluator.evaluate(piece);
    const exact = typeof piece === 'string' ? piece : value?.kind === 'string' && value.exact ? value.text : undefined;
    if (exact !== undefined) {
      text += exact;
      key += exact.toLowerCase();
      known += exact;
    } else {
      const hole = '${' + (piece as ts.Expression).getText().replace(/\s+/g, ' ') + '}';
      text += hole;
      key += '\0' + hole + '\0';
    }
  }
  // Letters in the known text: without them, case cannot differ.
  return /\p{L}/u.test(known) ? { text, key } : undefined;
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
        out.push({ id, text: value.text!, key: value.text!.toLowerCase(), node: value.node, partly: false });
      }
      for (const option of Evaluator.options(context.evaluator.evaluate(id.expression))) {
        const shape = option.kind === 'string' && !option.exact ? templateShape(context, option.node) : undefined;
        if (!shape || seen.has(option.node)) continue;
        seen.add(option.node);
        out.push({ id, ...shape, node: option.node, partly: true });
      }
    }
  });
  return out.sort(byPosition);
}

/** Later occurrences whose value equals the first one's except for letter case, each with that first one. */
function collisions(found: Occurrence[]): { later: Occurrence; first: Occurrence }[] {
  const groups = new Map<string, Occurrence[]>();
  for (const occurrence of found) {
    const group = groups.get(occurrence.key);
    if (group) group.push(occurrence);
    else groups.set(occurrence.key, [occurrence]);
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
    likely: later.partly || first.partly,
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
