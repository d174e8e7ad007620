// Rule id-unicode: identifiers must be NFC, without lone surrogates, control or invisible characters, or surrounding whitespace.
import { ts } from 'ts-morph';
import { unwrap } from '../engine/analysis.js';
import { Evaluator, plusOperands, type StringValue } from '../engine/values.js';
import { identifierArgs, type IdentifierArg } from './identifiers.js';
import { format, eachCall, quoteLike, replaceNode, type DraftFix, type Rule, type RuleContext } from './rule.js';

export const messages = {
  problem:
    '{{label}} {{problems}}: on screen it looks the same as the ID without these characters, but callstats compares bytes, so one participant or conference shows up as two on the dashboard and searching for the visible ID finds nothing; {{advice}}',
  notNfc: 'is not in Unicode NFC ({{example}} is written decomposed)',
  loneSurrogate: 'contains a lone surrogate ({{code}}) that cannot be encoded in UTF-8',
  control: 'contains the control character {{code}}',
  invisible: 'contains the invisible character {{code}}',
  leading: 'has leading whitespace',
  trailing: 'has trailing whitespace',
  surrounding: 'has leading and trailing whitespace',
  adviceFix: 'normalize it to NFC and remove the invisible characters and surrounding whitespace',
  advice: 'normalize it with .normalize(\'NFC\'), remove invisible and control characters and .trim() it where it is built',
  related: 'used as the {{label}} of {{method}}() here',
  fix: 'Normalize to NFC and strip invisible characters and surrounding whitespace',
};

/*
 * Every pattern is a single character class, optionally with a one-character lookaround: matching
 * is linear in the length of the text, whatever it holds.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** Zero-width characters, the soft hyphen, joiners, bidirectional marks and the byte order mark: nothing on screen. */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const LEADING = /^\s/;
const TRAILING = /\s$/;

const everywhere = (pattern: RegExp) => new RegExp(pattern.source, 'g');
const STRIP = [everywhere(CONTROL), everywhere(INVISIBLE)];

function codeOf(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character that NFC would change, with what follows it up to the next base character. */
function decomposedExample(text: string): string {
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    let end = i + 1;
    while (end < chars.length && /\p{M}/u.test(chars[end])) end++;
    const cluster = chars.slice(i, end).join('');
    if (cluster.normalize('NFC') !== cluster) return JSON.stringify(cluster);
    i = end - 1;
  }
  return 'a character';
}

/** What is wrong with a text, in the order the message lists it. */
export function unicodeProblems(text: string, { first = true, last = true } = {}): string[] {
  const out: string[] = [];
  const lone = LONE_SURROGATE.exec(text);
  if (lone) out.push(format(messages.loneSurrogate, { code: codeOf(lone[0]) }));
  else if (text.normalize('NFC') !== text) out.push(format(messages.notNfc, { example: decomposedExample(text) }));
  const control = CONTROL.exec(text);
  if (control) out.push(format(messages.control, { code: codeOf(control[0]) }));
  const invisible = INVISIBLE.exec(text);
  if (invisible) out.push(format(messages.invisible, { code: codeOf(invisible[0]) }));
  const leading = first && LEADING.test(text);
  const trailing = last && TRAILING.test(text);
  if (leading || trailing) out.push(leading && trailing ? messages.surrounding : leading ? messages.leading : messages.trailing);
  return out;
}

/** The text the fix writes: invisible and control characters removed, NFC, trimmed. */
export function cleaned(text: string): string {
  return STRIP.reduce((t, pattern) => t.replace(pattern, ''), text).normalize('NFC').trim();
}

function joinProblems(problems: string[]): string {
  return problems.length <= 1 ? problems.join('') : `${problems.slice(0, -1).join(', ')} and ${problems[problems.length - 1]}`;
}

interface Problem {
  id: IdentifierArg;
  node: ts.Node;
  problems: string[];
  fix?: string;
}

/**
 * The literal pieces of an identifier whose whole value is not known (`\`${room}\u200B\``): each is
 * checked for what can be wrong in a piece; leading and trailing whitespace only at the ends.
 */
function pieces(expression: ts.Expression): { node: ts.Node; text: string; first: boolean; last: boolean }[] {
  const node = unwrap(expression);
  const parts: { node: ts.Node; text: string }[] = [];
  if (ts.isTemplateExpression(node)) {
    parts.push({ node: node.head, text: node.head.text });
    for (const span of node.templateSpans) parts.push({ node: span.literal, text: span.literal.text });
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    for (const operand of plusOperands(node)) {
      const inner = unwrap(operand);
      parts.push({ node: inner, text: ts.isStringLiteralLike(inner) ? inner.text : '\0' });
    }
  }
  return parts
    .map((p, i) => ({ ...p, first: i === 0, last: i === parts.length - 1 }))
    .filter((p) => p.text !== '\0' && p.text !== '');
}

function problemsOf(context: RuleContext, id: IdentifierArg): Problem[] {
  const value = context.evaluator.evaluate(id.expression);
  const exact = Evaluator.options(value).filter((v): v is StringValue => v.kind === 'string' && v.exact && v.text !== undefined);
  if (exact.length) {
    return exact.flatMap((s) => {
      const problems = unicodeProblems(s.text!);
      if (!problems.length) return [];
      // Half of a character cannot be repaired by the linter: which character was meant is lost.
      const fixable = ts.isStringLiteralLike(s.node) && !LONE_SURROGATE.test(s.text!);
      const fixed = fixable ? cleaned(s.text!) : undefined;
      return [{ id, node: s.node, problems, fix: fixed ? fixed : undefined }];
    });
  }
  return pieces(id.expression).flatMap((piece) => {
    const problems = unicodeProblems(piece.text, piece);
    return problems.length ? [{ id, node: piece.node, problems }] : [];
  });
}

function fixesFor(problem: Problem): DraftFix[] {
  if (problem.fix === undefined) return [];
  return [{ title: messages.fix, kind: 'safe', isPreferred: true, edits: [replaceNode(problem.node, quoteLike(problem.node, problem.fix))] }];
}

export const idUnicode: Rule = {
  id: 'id-unicode',
  run(context) {
    eachCall(context, context.calls, (call) => {
      for (const id of identifierArgs(context, call)) {
        for (const problem of problemsOf(context, id)) {
          context.report({
            node: problem.node,
            message: format(messages.problem, {
              label: id.label,
              problems: joinProblems(problem.problems),
              advice: problem.fix !== undefined ? messages.adviceFix : messages.advice,
            }),
            related: [{ node: call.call, message: format(messages.related, { label: id.label, method: call.method.name }) }],
            fixes: fixesFor(problem),
          });
        }
      }
    });
  },
};
