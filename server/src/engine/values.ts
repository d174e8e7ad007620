// What a string expression evaluates to and its size in UTF-8, computed arithmetically for repeats and padding.
import { ts } from 'ts-morph';
import { type Analysis, type Origin } from './analysis.js';
import { unwrap } from './syntax.js';

/** Texts longer than this are measured, never built. */
const MAX_BUILT_UNITS = 64 * 1024;
const MAX_UNION = 8;
/** Nesting deeper than this (right-leaning `a + (b + (c + ...))`) is left unknown rather than risking the stack. */
const MAX_NESTING = 400;

export interface StringValue {
  kind: 'string';
  /** The whole text, when known and small enough to hold. */
  text?: string;
  /** UTF-8 bytes, code points and UTF-16 code units; lower bounds unless `exact`. */
  bytes: number;
  chars: number;
  units: number;
  exact: boolean;
  /** Where the value is written: the expression that produced it. */
  node: ts.Node;
}

export type Value =
  | StringValue
  | { kind: 'number'; value: number; node: ts.Node }
  | { kind: 'nullish'; text: 'null' | 'undefined'; node: ts.Node }
  | { kind: 'object'; literal: ts.ObjectLiteralExpression; node: ts.Node }
  | { kind: 'union'; options: Value[]; node: ts.Node }
  | { kind: 'unknown'; node: ts.Node };

/** UTF-8 size of a string, as Buffer.byteLength counts it (a lone surrogate is 3 bytes). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Code points (what a person counts as characters, combining marks counted separately). */
export function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/**
 * The longest prefix of `text` that fits in `maxBytes` of UTF-8 without splitting a code point.
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let i = 0;
  while (i < text.length) {
    const unit = text.charCodeAt(i);
    const pair = unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const size = pair ? 4 : unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
    if (bytes + size > maxBytes) break;
    bytes += size;
    i += pair ? 2 : 1;
  }
  return text.slice(0, i);
}

function stringValue(text: string, node: ts.Node): StringValue {
  return { kind: 'string', text, bytes: utf8Bytes(text), chars: codePoints(text), units: text.length, exact: true, node };
}

function concat(parts: StringValue[], node: ts.Node): StringValue {
  let bytes = 0;
  let chars = 0;
  let units = 0;
  let exact = true;
  let text: string | undefined = '';
  for (const part of parts) {
    bytes += part.bytes;
    chars += part.chars;
    units += part.units;
    exact &&= part.exact;
    text = text !== undefined && part.text !== undefined && units <= MAX_BUILT_UNITS ? text + part.text : undefined;
  }
  return { kind: 'string', text: exact ? text : undefined, bytes, chars, units, exact, node };
}

/** `base` repeated `count` times, measured without building it when large. */
function repeat(base: StringValue, count: number, node: ts.Node): StringValue {
  const n = Math.max(0, Math.floor(count));
  const units = base.units * n;
  const text = base.exact && base.text !== undefined && units <= MAX_BUILT_UNITS ? base.text.repeat(n) : undefined;
  return { kind: 'string', text, bytes: base.bytes * n, chars: base.chars * n, units, exact: base.exact, node };
}

/** `base.padEnd(length, fill)` / `padStart`: the padding is `fill` repeated and cut to the missing code units. */
function pad(base: StringValue, length: number, fill: string, atEnd: boolean, node: ts.Node): StringValue {
  const missing = Math.floor(length) - base.units;
  if (missing <= 0 || fill === '') return { ...base, node };
  if (!base.exact) {
    // The base may already be long enough: only the target length is certain.
    return { kind: 'string', bytes: Math.max(base.bytes, length), chars: base.chars, units: Math.max(base.units, length), exact: false, node };
  }
  const whole = Math.floor(missing / fill.length);
  const rest = fill.slice(0, missing % fill.length);
  const padding = repeat(stringValue(fill, node), whole, node);
  const tail = stringValue(rest, node);
  return concat(atEnd ? [base, padding, tail] : [padding, tail, base], node);
}

/** Converts a value to what `String(value)` gives, where that is known. */
function asString(value: Value): StringValue | undefined {
  switch (value.kind) {
    case 'string':
      return value;
    case 'number':
      return stringValue(String(value.value), value.node);
    case 'nullish':
      return stringValue(value.text, value.node);
    case 'union': {
      const options = value.options.map(asString);
      if (options.some((o) => !o)) return undefined;
      const strings = options as StringValue[];
      const first = strings[0];
      if (strings.every((s) => s.exact && s.text !== undefined && s.text === first.text)) return first;
      const min = strings.reduce((a, b) => (a.bytes <= b.bytes ? a : b));
      return { kind: 'string', bytes: min.bytes, chars: Math.min(...strings.map((s) => s.chars)), units: Math.min(...strings.map((s) => s.units)), exact: false, node: value.node };
    }
    default:
      return undefined;
  }
}

/** An unknown part of a string: contributes nothing certain. */
function unknownPart(node: ts.Node): StringValue {
  return { kind: 'string', bytes: 0, chars: 0, units: 0, exact: false, node };
}

/**
 * The operands of `a + b + c ...`, left to right. The left spine is walked with a loop, so generated
 * chains cannot overflow the stack.
 */
export function plusOperands(expr: ts.BinaryExpression): ts.Expression[] {
  const operands: ts.Expression[] = [];
  let node: ts.Expression = expr;
  while (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    operands.push(node.right);
    node = unwrap(node.left);
  }
  operands.push(node);
  return operands.reverse();
}

export class Evaluator {
  private readonly cache = new Map<ts.Node, Value>();
  private readonly active = new Set<ts.Node>();

  constructor(private readonly analysis: Analysis) {}


  evaluate(expression: ts.Expression): Value {
    // Looked up before unwrapping too: rules evaluate the same arguments once per SDK call.
    const known = this.cache.get(expression);
    if (known) return known;
    const expr = unwrap(expression);
    const cached = this.cache.get(expr);
    if (cached) return cached;
    if (this.active.has(expr) || this.active.size > MAX_NESTING) return { kind: 'unknown', node: expr };
    this.active.add(expr);
    const value = this.compute(expr);
    this.active.delete(expr);
    this.cache.set(expr, value);
    this.cache.set(expression, value);
    return value;
  }

  /** Every option of a value that may be one of several. */
  static options(value: Value): Value[] {
    return value.kind === 'union' ? value.options : [value];
  }

  private compute(expr: ts.Expression): Value {
    if (ts.isStringLiteralLike(expr)) return stringValue(expr.text, expr);
    if (ts.isNumericLiteral(expr)) return { kind: 'number', value: Number(expr.text), node: expr };
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(expr.operand)) {
      return { kind: 'number', value: -Number(expr.operand.text), node: expr };
    }
    if (expr.kind === ts.SyntaxKind.NullKeyword) return { kind: 'nullish', text: 'null', node: expr };
    if (ts.isObjectLiteralExpression(expr)) return { kind: 'object', literal: expr, node: expr };
    if (ts.isTemplateExpression(expr)) return this.template(expr);
    if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) return this.plusChain(expr);
    if (ts.isCallExpression(expr)) return this.call(expr);
    if (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr) || ts.isConditionalExpression(expr) || ts.isBinaryExpression(expr)) {
      return this.fromOrigins(expr);
    }
    return { kind: 'unknown', node: expr };
  }

  private fromOrigins(expr: ts.Expression): Value {
    const origins = this.analysis.origins(expr);
    const values = origins.map((o) => this.originValue(o));
    if (values.length === 1) return values[0];
    const flat = values.flatMap((v) => Evaluator.options(v)).slice(0, MAX_UNION);
    return { kind: 'union', options: flat, node: expr };
  }

  private originValue(origin: Origin): Value {
    if (origin.kind === 'expr') {
      const node = origin.node;
      if (ts.isIdentifier(node) && node.text === 'undefined') return { kind: 'nullish', text: 'undefined', node };
      return this.evaluate(node);
    }
    return { kind: 'unknown', node: 'node' in origin ? origin.node : ({} as ts.Node) };
  }

  private template(expr: ts.TemplateExpression): Value {
    const parts: StringValue[] = [stringValue(expr.head.text, expr.head)];
    for (const span of expr.templateSpans) {
      parts.push(asString(this.evaluate(span.expression)) ?? unknownPart(span.expression));
      parts.push(stringValue(span.literal.text, span.literal));
    }
    return concat(parts, expr);
  }

  /** `a + b + c ...`, its operands found by plusOperands. */
  private plusChain(expr: ts.BinaryExpression): Value {
    const operands = plusOperands(expr);
    const values = operands.map((o) => this.evaluate(o));
    if (values.every((v) => v.kind === 'number')) {
      return { kind: 'number', value: values.reduce((sum, v) => sum + (v as { value: number }).value, 0), node: expr };
    }
    if (!values.some((v) => v.kind === 'string' || (v.kind === 'union' && v.options.some((o) => o.kind === 'string')))) {
      return { kind: 'unknown', node: expr };
    }
    return concat(values.map((v, i) => asString(v) ?? unknownPart(operands[i])), expr);
  }

  private call(expr: ts.CallExpression): Value {
    const callee = unwrap(expr.expression);
    if (ts.isIdentifier(callee) && callee.text === 'String' && expr.arguments.length === 1) {
      return asString(this.evaluate(expr.arguments[0])) ?? { kind: 'unknown', node: expr };
    }
    if (!ts.isPropertyAccessExpression(callee)) return this.localFunctionResult(expr);
    const method = callee.name.text;
    const target = this.evaluate(callee.expression);
    const base = asString(target);
    if (!base || target.kind === 'nullish') return this.localFunctionResult(expr);
    const args = expr.arguments.map((a) => this.evaluate(a));
    const num = (i: number) => (args[i]?.kind === 'number' ? (args[i] as { value: number }).value : undefined);
    switch (method) {
      case 'repeat': {
        // As String.prototype.repeat: NaN counts as 0, and a negative or infinite count throws.
        const count = num(0);
        if (count === undefined || count < 0 || count === Infinity) return unknownPart(expr);
        return repeat(base, Number.isNaN(count) ? 0 : count, expr);
      }
      case 'padEnd':
      case 'padStart': {
        // An infinite length throws (no string is that long); NaN pads nothing.
        const given = num(0);
        if (given === Infinity) return unknownPart(expr);
        const length = given !== undefined && Number.isNaN(given) ? 0 : given;
        if (length === undefined) return { ...base, exact: false, text: undefined, node: expr };
        const fillValue = args[1] ? asString(args[1]) : stringValue(' ', expr);
        if (!fillValue?.exact || fillValue.text === undefined) {
          return { kind: 'string', bytes: Math.max(base.bytes, length), chars: base.chars, units: Math.max(base.units, length), exact: false, node: expr };
        }
        return pad(base, length, fillValue.text, method === 'padEnd', expr);
      }
      case 'slice':
      case 'substring':
      case 'substr': {
        // Cuts count UTF-16 code units, as the methods do: `label.slice(0, 256)` can still be over 256 bytes.
        const bounds = expr.arguments.map((_, i) => num(i));
        if (!base.exact || base.text === undefined || bounds.length > 2 || bounds.some((b) => b === undefined)) return { kind: 'unknown', node: expr };
        const [start, end] = bounds as number[];
        return stringValue(base.text[method](start, end), expr);
      }
      case 'concat':
        return concat([base, ...args.map((a, i) => asString(a) ?? unknownPart(expr.arguments[i]))], expr);
      case 'toString':
        return { ...base, node: expr };
      case 'trim':
      case 'toLowerCase':
      case 'toUpperCase':
      case 'normalize':
        if (base.exact && base.text !== undefined && method !== 'normalize') {
          return stringValue(method === 'trim' ? base.text.trim() : method === 'toLowerCase' ? base.text.toLowerCase() : base.text.toUpperCase(), expr);
        }
        return { kind: 'string', bytes: 0, chars: 0, units: 0, exact: false, node: expr };
      default:
        return { kind: 'unknown', node: expr };
    }
  }

  /** A call to a function of the app with one returned expression: its value. */
  private localFunctionResult(expr: ts.CallExpression): Value {
    const fns = this.analysis.calleeFunctions(expr);
    if (fns.length !== 1) return { kind: 'unknown', node: expr };
    const returned = this.analysis.returnedExpressions(fns[0]);
    if (returned.length !== 1) return { kind: 'unknown', node: expr };
    const value = this.evaluate(returned[0]);
    return value.kind === 'string' ? value : { kind: 'unknown', node: expr };
  }
}
