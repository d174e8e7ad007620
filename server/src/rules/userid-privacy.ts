// Rule userid-privacy: userIDs should not be, or be built from, e-mail addresses, phone numbers or people's names.
import { Finder } from './finder.js';
import { ts } from 'ts-morph';
import { accessedName, unwrap } from '../engine/syntax.js';
import { declarationOf } from '../engine/scope.js';
import { Evaluator, type StringValue } from '../engine/values.js';
import { identifierArgs, shortened, type IdentifierArg } from './identifiers.js';
import { defineRule, eachCall, type DraftRelated, type RuleContext } from '../engine/rule.js';

type Kind = 'email' | 'phone' | 'name';
const PRIORITY: Kind[] = ['email', 'phone', 'name'];

interface Evidence {
  kind: Kind;
  /** The literal, or the name of the field, that gives it away. */
  text: string;
  node: ts.Node;
  /** The whole identifier is the personal value, not only built from it. */
  whole: boolean;
  /** Given away by a name (`user.email`, `phoneNumber`), not by the text itself: a guess, never an error. */
  guessed: boolean;
}

const LOCAL = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9-]/;

/**
 * An e-mail address inside a text, found from each `@` outwards with single-character tests: linear
 * in the text's length, with no regular expression that could backtrack.
 */
export function findEmail(text: string): { start: number; end: number } | undefined {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL.test(text[start - 1])) start--;
    if (start === at) continue;
    let end = at + 1;
    let labels = 0;
    let labelStart = end;
    let lastLabel = '';
    for (;;) {
      while (end < text.length && DOMAIN.test(text[end])) end++;
      if (end === labelStart) break;
      labels++;
      lastLabel = text.slice(labelStart, end);
      if (text[end] !== '.' || !DOMAIN.test(text[end + 1] ?? '')) break;
      end++;
      labelStart = end;
    }
    if (labels >= 2 && /^[A-Za-z]{2,}$/.test(lastLabel)) return { start, end };
  }
  return undefined;
}

/** International (`+44 20 7946 0958`) or national (`(555) 123-4567`, `030 1234 5678`) phone numbers, as the whole text. */
const INTERNATIONAL = /^(?:tel:)?\+\d[\d ().-]{6,20}$/;
const NATIONAL = /^(?:tel:)?\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}$/;

export function isPhoneNumber(text: string): boolean {
  const digits = text.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 && (INTERNATIONAL.test(text) || NATIONAL.test(text));
}

/** Words of a name: `profile.displayName` → display, name; `EMAIL_ADDRESS` → email, address. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // A lookahead, not `([A-Z]+)([A-Z][a-z])`: that one is quadratic on a long run of capitals.
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .split(/[\s_$-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Words that make a field about the personal value rather than the value itself: `emailHash`, `phoneVerified`. */
const NEUTRAL_WORDS = new Set(['hash', 'hashed', 'sha', 'sha1', 'sha256', 'md5', 'digest', 'hmac', 'token', 'key', 'verified', 'enabled', 'valid', 'domain', 'count', 'length', 'type', 'status', 'format', 'pattern', 'regex', 'hint', 'label', 'field', 'placeholder', 'template']);
const EMAIL_WORDS = new Set(['email', 'mail', 'emailaddress', 'upn']);
const PHONE_WORDS = new Set(['phone', 'telephone', 'mobile', 'msisdn', 'cellphone', 'tel']);
const NAME_WORDS = new Set(['username', 'fullname', 'firstname', 'lastname', 'displayname', 'surname', 'givenname', 'familyname', 'realname']);
/** `name` alone, or after one of these: `displayName`, `userName`, `participant.name`. */
const NAME_QUALIFIERS = new Set(['display', 'full', 'first', 'last', 'given', 'family', 'middle', 'real', 'legal', 'user', 'person', 'contact', 'customer', 'caller', 'callee', 'member', 'participant', 'peer', 'speaker', 'attendee', 'guest', 'agent', 'login']);

/** What a field or variable name says it holds, if that is personal. */
export function personalName(name: string): Kind | undefined {
  const parts = words(name);
  if (parts.some((w) => NEUTRAL_WORDS.has(w))) return undefined;
  if (parts.some((w) => EMAIL_WORDS.has(w))) return 'email';
  if (parts.some((w) => PHONE_WORDS.has(w))) return 'phone';
  if (parts.some((w) => NAME_WORDS.has(w)) || (parts.length === 1 && parts[0] === 'login')) return 'name';
  const at = parts.lastIndexOf('name');
  if (at === parts.length - 1 && (at === 0 || NAME_QUALIFIERS.has(parts[at - 1]))) return 'name';
  return undefined;
}

function textEvidence(text: string, node: ts.Node): Evidence | undefined {
  const email = findEmail(text);
  if (email) return { kind: 'email', text: JSON.stringify(text.slice(email.start, email.end)), node, whole: email.start === 0 && email.end === text.length, guessed: false };
  if (isPhoneNumber(text.trim())) return { kind: 'phone', text: JSON.stringify(text), node, whole: true, guessed: false };
  return undefined;
}

/** Calls that keep their input readable (case, trimming, URI and base64 encoding); hashes and lookups end the trail. */
const TRANSPARENT_METHODS = new Set(['toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim', 'trimStart', 'trimEnd', 'normalize', 'toString', 'replace', 'replaceAll', 'slice', 'substring', 'substr', 'concat', 'padStart', 'padEnd']);
const TRANSPARENT_FUNCTIONS = /^(String|encodeURIComponent|encodeURI|escape|btoa)$/;
const MAX_DEPTH = 8;
/** Calls that hide what they are given: a variable named `email` holding their result holds no address. */
const HIDING_CALL = /hash|sha|md5|digest|hmac|encrypt|encode|btoa|uuid|anonymi|pseudonym|token/i;

class EvidenceFinder extends Finder<Evidence> {
  constructor(context: RuleContext) {
    super(context, MAX_DEPTH);
  }

  protected compute(node: ts.Expression, depth: number): Evidence | undefined {
    return best(this.candidates(node, depth));
  }

  /** Every piece of evidence the expression may carry; the strongest is kept. */
  private candidates(node: ts.Expression, depth: number): (Evidence | undefined)[] {
    if (ts.isStringLiteralLike(node)) return [textEvidence(node.text, node)];
    if (ts.isTemplateExpression(node) || isConcatenation(node)) {
      const parts = concatenated(node);
      const unknown: number[] = [];
      let literal = '';
      for (const part of parts) {
        if (typeof part !== 'string') unknown.push(literal.length);
        literal += typeof part === 'string' ? part : UNKNOWN_PART;
      }
      const email = findEmail(literal);
      // Quote the address when the code spells it out; the whole expression when a computed part is in it.
      const spelledOut = email && !unknown.some((at) => at >= email.start && at < email.end);
      const own = email ? { kind: 'email' as const, text: spelledOut ? JSON.stringify(literal.slice(email.start, email.end)) : node.getText(), node, whole: false, guessed: false } : undefined;
      return [own, ...parts.map((p) => (typeof p === 'string' ? undefined : partOf(this.find(p, depth))))];
    }
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return [this.find(node.left, depth), this.find(node.right, depth)];
      return [];
    }
    if (ts.isConditionalExpression(node)) return [this.find(node.whenTrue, depth), this.find(node.whenFalse, depth)];
    if (ts.isCallExpression(node)) return [this.call(node, depth)];
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return this.reference(node, depth);
    return [];
  }

  private call(node: ts.CallExpression, depth: number): Evidence | undefined {
    const callee = unwrap(node.expression);
    if (TRANSPARENT_FUNCTIONS.test(callee.getText()) && node.arguments[0]) return this.find(node.arguments[0], depth);
    if (ts.isPropertyAccessExpression(callee) && TRANSPARENT_METHODS.has(callee.name.text)) {
      return partOf(best([this.find(callee.expression, depth), ...node.arguments.map((a) => this.find(a, depth))]));
    }
    // An app function: what it returns (`return account.email.trim()`); a hash or lookup in it ends the trail there.
    const returned = this.context.analysis.calleeFunctions(node).flatMap((fn) => this.context.analysis.returnedExpressions(fn));
    return best(returned.map((r) => this.find(r, depth)));
  }

  /**
   * Evidence from a name alone where the trail ends: `user.email`, `profile.displayName`, a parameter
   * `fullName`. A bare `name` says too little that far from the call (the name of a room, a device).
   */
  private byName(node: ts.Identifier | ts.PropertyAccessExpression): Evidence | undefined {
    const name = ts.isIdentifier(node) ? node.text : node.name.text;
    if (name.toLowerCase() === 'name') return undefined;
    const kind = personalName(name);
    return kind && { kind, text: node.getText(), node, whole: true, guessed: true };
  }

  /** A name that says what it holds (`user.email`, `displayName`), else the values it may hold. */
  private reference(node: ts.Identifier | ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): (Evidence | undefined)[] {
    const decl = ts.isIdentifier(node) ? declarationOf(node) : undefined;
    // A variable with a value is judged by that value, and so is a property the app only ever sets to
    // text it builds (`Stats.callStatsUserName = \`${room}/${resource}\``); a field or a parameter
    // whose value comes from elsewhere, by its name.
    const judgedByValue = (!!decl && ts.isVariableDeclaration(decl) && !!decl.initializer) || (!ts.isIdentifier(node) && builtInCode(this.context, node));
    const name = ts.isIdentifier(node) ? node.text : accessedName(node);
    const fromName = name !== undefined && !judgedByValue ? personalName(name) : undefined;
    if (fromName) return [{ kind: fromName, text: node.getText(), node, whole: true, guessed: true }];
    if (ts.isIdentifier(node)) {
      // `const { email: id } = user`: the field's name tells.
      if (decl && ts.isBindingElement(decl) && decl.propertyName) {
        const field = ts.isIdentifier(decl.propertyName) || ts.isStringLiteralLike(decl.propertyName) ? decl.propertyName.text : undefined;
        const kind = field !== undefined ? personalName(field) : undefined;
        const holder = decl.parent.parent;
        const owner = ts.isVariableDeclaration(holder) && holder.initializer ? `${holder.initializer.getText()}.` : '';
        if (kind) return [{ kind, text: `${owner}${field}`, node: decl, whole: true, guessed: true }];
      }
    }
    const out: (Evidence | undefined)[] = [];
    for (const origin of this.context.analysis.origins(node)) {
      if (origin.kind === 'expr' && origin.node !== node) out.push(this.find(origin.node, depth));
      // Where the trail ends (a parameter nobody is seen calling, a field of one), the name tells.
      else if (origin.kind === 'unknown' && origin.node !== node && (ts.isPropertyAccessExpression(origin.node) || ts.isIdentifier(origin.node))) out.push(this.byName(origin.node));
      else if (origin.kind === 'param' && ts.isIdentifier(origin.node.name) && origin.node.name !== node) out.push(this.byName(origin.node.name));
    }
    // A variable whose value comes from calls the analysis cannot read (`const email = $('#email').val()`):
    // the trail ends there, so its name tells, unless the call hashes or encodes.
    if (ts.isIdentifier(node) && !out.some((e) => e) && judgedByValue && decl && ts.isVariableDeclaration(decl) && this.unreadCallsOnly(node)) out.push(this.byName(node));
    return out;
  }

  /** Whether every value a variable may hold is a call of a function the analysis cannot read, none of them a hash or an encoding. */
  private unreadCallsOnly(node: ts.Identifier): boolean {
    const origins = this.context.analysis.origins(node);
    return (
      origins.length > 0 &&
      origins.every((o) => {
        if (o.kind !== 'expr' || !ts.isCallExpression(o.node)) return false;
        const callee = unwrap(o.node.expression).getText();
        return !HIDING_CALL.test(callee) && !this.context.analysis.calleeFunctions(o.node).length;
      })
    );
  }
}

/** Whether every value the analysis finds a property may hold is text the code builds (literals, templates, `+` chains) or unset. */
function builtInCode(context: RuleContext, node: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
  const values = context.analysis.origins(node).map((o) => (o.kind === 'expr' && o.node !== node ? unwrap(o.node) : undefined));
  const built = (v: ts.Expression | undefined) => !!v && (ts.isStringLiteralLike(v) || ts.isTemplateExpression(v) || isConcatenation(v));
  // `null` or `undefined` before the app sets it holds nothing personal either.
  const unset = (v: ts.Expression | undefined) => !!v && (v.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(v) && v.text === 'undefined'));
  return values.some(built) && values.every((v) => built(v) || unset(v));
}

/** Stands for a computed part of a concatenation: it could be the local part of an address (`${user}@example.com`). */
const UNKNOWN_PART = 'x';

function isConcatenation(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken;
}

/** The parts of a template or `+` chain: literal texts, and the expressions in between. */
function concatenated(node: ts.Expression): (string | ts.Expression)[] {
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.flatMap((s) => [s.expression, s.literal.text])];
  }
  const operands: ts.Expression[] = [];
  let current: ts.Expression = node;
  while (isConcatenation(current)) {
    operands.push(current.right);
    current = unwrap(current.left);
  }
  operands.push(current);
  return operands.reverse().map((o) => {
    const inner = unwrap(o);
    return ts.isStringLiteralLike(inner) ? inner.text : inner;
  });
}

function partOf(evidence: Evidence | undefined): Evidence | undefined {
  return evidence && { ...evidence, whole: false };
}

function best(found: (Evidence | undefined)[]): Evidence | undefined {
  const present = found.filter((e): e is Evidence => !!e);
  for (const kind of PRIORITY) {
    const match = present.find((e) => e.kind === kind);
    if (match) return match;
  }
  return undefined;
}

/** Known exact values first (a constant e-mail address in another module), then what the expression is built from. */
function evidenceFor(context: RuleContext, finder: EvidenceFinder, id: IdentifierArg): Evidence | undefined {
  const exact = Evaluator.options(context.evaluator.evaluate(id.expression)).filter((v): v is StringValue => v.kind === 'string' && v.exact && v.text !== undefined);
  return best([...exact.map((v) => textEvidence(v.text!, v.node)), finder.find(id.expression)]);
}

function report(context: RuleContext, id: IdentifierArg, evidence: Evidence): void {
  const node = id.expression;
  const inside = evidence.node.getSourceFile() === node.getSourceFile() && evidence.node.pos >= node.pos && evidence.node.end <= node.end;
  const related: DraftRelated[] = inside ? [] : [{ node: evidence.node, noteId: 'source' }];
  context.report({
    node,
    messageId: `${evidence.kind}${evidence.whole ? 'Is' : 'Built'}`,
    data: { label: id.label, evidence: shortened(evidence.text) },
    related,
    likely: evidence.guessed,
  });
}

const HELP = "Use an opaque ID (an ephemeral one, or a SHA-1 of it); a real name belongs in the object form's userName.";

export const useridPrivacy = defineRule({
  meta: {
    id: 'userid-privacy',
    description: 'userIDs should not be e-mail addresses, phone numbers or names',
    defaultSeverity: 'info',
    docs: 'docs/rules/userid-privacy.md',
    fixes: {},
  },
  messages: {
    emailIs: { message: '{{label}} is an e-mail address ({{evidence}}), readable by everyone on the dashboard', help: HELP },
    emailBuilt: { message: '{{label}} is built from an e-mail address ({{evidence}})', help: HELP },
    phoneIs: { message: '{{label}} is a phone number ({{evidence}}), readable by everyone on the dashboard', help: HELP },
    phoneBuilt: { message: '{{label}} is built from a phone number ({{evidence}})', help: HELP },
    nameIs: { message: "{{label}} is a person's name ({{evidence}}), readable by everyone on the dashboard", help: HELP },
    nameBuilt: { message: "{{label}} is built from a person's name ({{evidence}})", help: HELP },
  },
  notes: {
    source: 'the personal data comes from here',
  },
  create(context) {
    const finder = new EvidenceFinder(context);
    eachCall(context, context.calls, (call) => {
      for (const id of identifierArgs(context, call)) {
        if (!id.isUser) continue;
        const evidence = evidenceFor(context, finder, id);
        if (evidence) report(context, id, evidence);
      }
    });
  },
});
