// Rule id-unicode: identifiers must be NFC, without lone surrogates, control or invisible characters, or surrounding whitespace.
import { ts } from 'ts-morph';
import { unwrap } from '../engine/syntax.js';
import { Evaluator, plusOperands, type StringValue } from '../engine/values.js';
import { identifierArgs, type IdentifierArg } from './identifiers.js';
import { defineRule, eachCall, type Data, type DraftFix, type RuleContext } from '../engine/rule.js';
import { quoteLike, replaceNode } from './edits.js';

/*
 * Every pattern is a single character class, optionally with a one-character lookaround: matching
 * is linear in the length of the text, whatever it holds.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/**
 * Zero-width spaces, the soft hyphen, bidirectional marks, word joiners and the byte order mark:
 * nothing on screen. The zero-width (non-)joiners U+200C and U+200D are apart: see STRAY_JOINER.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
/**
 * A joiner that changes nothing on screen: one not between two characters it can join (emoji ZWJ
 * sequences, Persian and Indic words keep theirs: without them the visible text changes).
 */
const STRAY_JOINER = /(?<![\p{L}\p{M}\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}])[\u200C\u200D]|[\u200C\u200D](?![\p{L}\p{M}\p{Extended_Pictographic}])|(?<=[\x00-\x7F])[\u200C\u200D]|[\u200C\u200D](?=[\x00-\x7F])/u;
const LEADING = /^\s/;
const TRAILING = /\s$/;

const everywhere = (pattern: RegExp) => new RegExp(pattern.source, 'g');
const everywhereUnicode = (pattern: RegExp) => new RegExp(pattern.source, 'gu');
const STRIP = [everywhere(CONTROL), everywhere(INVISIBLE), everywhereUnicode(STRAY_JOINER)];

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

/** One thing wrong with a text: a message id of the rule, with its data. */
export interface UnicodeProblem {
  id: 'loneSurrogate' | 'notNfc' | 'control' | 'invisible' | 'leadingSpace' | 'trailingSpace' | 'surroundingSpace';
  data: Data;
}

/** What is wrong with a text, the worst first. */
export function unicodeProblems(text: string, { first = true, last = true } = {}): UnicodeProblem[] {
  const out: UnicodeProblem[] = [];
  const lone = LONE_SURROGATE.exec(text);
  if (lone) out.push({ id: 'loneSurrogate', data: { code: codeOf(lone[0]) } });
  else if (text.normalize('NFC') !== text) out.push({ id: 'notNfc', data: { example: decomposedExample(text) } });
  const control = CONTROL.exec(text);
  if (control) out.push({ id: 'control', data: { code: codeOf(control[0]) } });
  const invisible = INVISIBLE.exec(text) ?? STRAY_JOINER.exec(text);
  if (invisible) out.push({ id: 'invisible', data: { code: codeOf(invisible[0]) } });
  const leading = first && LEADING.test(text);
  const trailing = last && TRAILING.test(text);
  if (leading || trailing) out.push({ id: leading && trailing ? 'surroundingSpace' : leading ? 'leadingSpace' : 'trailingSpace', data: {} });
  return out;
}

/** A part's cleaned text: trimmed only at the ends of the whole ID. */
function cleanedPart(text: string, { first, last }: { first: boolean; last: boolean }): string {
  const stripped = STRIP.reduce((t, pattern) => t.replace(pattern, ''), text).normalize('NFC');
  const start = first ? stripped.trimStart() : stripped;
  return last ? start.trimEnd() : start;
}

/** The text the fix writes: invisible and control characters removed, NFC, trimmed. */
export function cleaned(text: string): string {
  return STRIP.reduce((t, pattern) => t.replace(pattern, ''), text).normalize('NFC').trim();
}

interface Problem {
  id: IdentifierArg;
  node: ts.Node;
  problems: UnicodeProblem[];
  fix?: string;
}

/**
 * The literal pieces of an identifier whose whole value is not known (`\`${room}\u200B\``): each is
 * checked for what can be wrong in a piece; leading and trailing whitespace only at the ends.
 */
function pieces(context: RuleContext, expression: ts.Expression): { node: ts.Node; text: string; first: boolean; last: boolean }[] {
  const node = unwrap(expression);
  const parts: { node: ts.Node; text: string }[] = [];
  // A computed part whose value is known (a constant of another module, a property of a settings
  // object) is checked where it is written.
  const part = (expr: ts.Expression) => {
    const inner = unwrap(expr);
    if (ts.isStringLiteralLike(inner)) return { node: inner, text: inner.text };
    const value = context.evaluator.evaluate(inner);
    return value.kind === 'string' && value.exact && value.text !== undefined && ts.isStringLiteralLike(value.node) ? { node: value.node, text: value.text } : { node: inner, text: '\0' };
  };
  if (ts.isTemplateExpression(node)) {
    parts.push({ node: node.head, text: node.head.text });
    for (const span of node.templateSpans) parts.push(part(span.expression), { node: span.literal, text: span.literal.text });
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    for (const operand of plusOperands(node)) parts.push(part(operand));
  }
  return parts
    .map((p, i) => ({ ...p, first: i === 0, last: i === parts.length - 1 }))
    .filter((p) => p.text !== '\0' && p.text !== '');
}

/** How far a partly known value is followed back: variables, branches, app functions' returns. */
const MAX_BUILT_DEPTH = 4;

/**
 * The templates and concatenations a partly known ID is built by: written in the call, or reached
 * through variables and properties (what the engine's value follower finds they hold), the branches
 * of a condition, and what the app's own functions return.
 */
function builtBy(context: RuleContext, expression: ts.Expression, depth = 0, out = new Set<ts.Expression>()): Set<ts.Expression> {
  const node = unwrap(expression);
  if (depth > MAX_BUILT_DEPTH || out.has(node)) return out;
  if (ts.isTemplateExpression(node) || (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
    out.add(node);
  } else if (ts.isConditionalExpression(node)) {
    builtBy(context, node.whenTrue, depth + 1, out);
    builtBy(context, node.whenFalse, depth + 1, out);
  } else if (ts.isBinaryExpression(node) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) {
    builtBy(context, node.left, depth + 1, out);
    builtBy(context, node.right, depth + 1, out);
  } else if (ts.isCallExpression(node)) {
    for (const fn of context.analysis.calleeFunctions(node)) {
      for (const returned of context.analysis.returnedExpressions(fn)) builtBy(context, returned, depth + 1, out);
    }
  } else if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    for (const origin of context.analysis.origins(node)) {
      if (origin.kind === 'expr' && origin.node !== node) builtBy(context, origin.node, depth + 1, out);
    }
  }
  return out;
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
  return [...builtBy(context, id.expression)].flatMap((built) => pieces(context, built)).flatMap((piece) => {
    const problems = unicodeProblems(piece.text, piece);
    if (!problems.length) return [];
    // A whole string literal (a constant used as a part) can be cleaned; a piece of a template cannot.
    const fixed = ts.isStringLiteral(piece.node) && !LONE_SURROGATE.test(piece.text) ? cleanedPart(piece.text, piece) : undefined;
    return [{ id, node: piece.node, problems, fix: fixed || undefined }];
  });
}

/**
 * The cleaned literal. Written in the SDK call itself, the literal is nothing but this ID: the fix is
 * safe. A constant written elsewhere may also be used for something else (a signalling room, a title),
 * which would change with it: then the fix is only offered.
 */
function fixesFor(problem: Problem): DraftFix<'clean' | 'cleanShared'>[] {
  if (problem.fix === undefined) return [];
  const call = problem.id.call.call;
  const inCall = problem.node.getSourceFile() === call.getSourceFile() && call.getStart() <= problem.node.getStart() && problem.node.getEnd() <= call.getEnd();
  return [{ fixId: inCall ? 'clean' : 'cleanShared', isPreferred: true, edits: [replaceNode(problem.node, quoteLike(problem.node, problem.fix))] }];
}

const CLEAN = 'Normalize to NFC and strip invisible characters and surrounding whitespace';
const BYTES = 'callstats compares bytes, so the ID with and without it are two IDs.';

export const idUnicode = defineRule({
  meta: {
    id: 'id-unicode',
    description: 'Identifiers must be NFC without lone surrogates, control or zero-width characters, or surrounding whitespace',
    defaultSeverity: 'warn',
    docs: 'docs/rules/id-unicode.md',
    fixes: {
      clean: { title: CLEAN, kind: 'safe' },
      cleanShared: { title: CLEAN, kind: 'suggestion' },
    },
  },
  messages: {
    loneSurrogate: {
      message: '{{label}} contains a lone surrogate ({{code}}) that UTF-8 cannot encode',
      help: 'Find where the string is cut in the middle of a character and cut it between characters.',
    },
    notNfc: {
      message: '{{label}} is not in Unicode NFC: {{example}} is written decomposed',
      help: `Normalize it with .normalize('NFC') where it is built: ${BYTES}`,
    },
    control: {
      message: '{{label}} contains the control character {{code}}',
      help: `Remove control characters where the ID is built: ${BYTES}`,
    },
    invisible: {
      message: '{{label}} contains the invisible character {{code}}',
      help: `Remove invisible characters where the ID is built: ${BYTES}`,
    },
    leadingSpace: {
      message: '{{label}} has leading whitespace',
      help: `.trim() it where it is built: ${BYTES}`,
    },
    trailingSpace: {
      message: '{{label}} has trailing whitespace',
      help: `.trim() it where it is built: ${BYTES}`,
    },
    surroundingSpace: {
      message: '{{label}} has leading and trailing whitespace',
      help: `.trim() it where it is built: ${BYTES}`,
    },
  },
  notes: {
    usedAs: 'used as the {{label}} of {{method}}() here',
  },
  create(context) {
    eachCall(context, context.calls, (call) => {
      for (const id of identifierArgs(context, call)) {
        for (const problem of problemsOf(context, id)) {
          // The worst problem names the finding; the fix repairs all of them.
          const [worst] = problem.problems;
          context.report({
            node: problem.node,
            messageId: worst.id,
            data: { label: id.label, ...worst.data },
            related: [{ node: call.call, noteId: 'usedAs', data: { label: id.label, method: call.method.name } }],
            fixes: fixesFor(problem),
          });
        }
      }
    });
  },
});
