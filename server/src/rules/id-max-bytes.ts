// Rule id-max-bytes: every userID and conferenceID the SDK receives must fit the service's limit in UTF-8 bytes.
import { createHash } from 'node:crypto';
import { ts } from 'ts-morph';
import { unwrap } from '../engine/analysis.js';
import type { SdkCall } from '../engine/receivers.js';
import { LIMITS, USER_OBJECT_FIELDS, type IdSlot } from '../engine/sdk.js';
import { Evaluator, truncateUtf8, type StringValue, type Value } from '../engine/values.js';
import { eachCall, format, quoteLike, replaceNode, type DraftFix, type Rule, type RuleContext } from './rule.js';

const LABELS: Record<IdSlot['kind'], string> = {
  localUserId: 'userID',
  remoteUserId: 'remoteUserID',
  userId: 'userID',
  conferenceId: 'conferenceID',
};

interface Measured {
  label: string;
  value: StringValue;
  limit: number;
  unit: 'bytes' | 'characters';
  call: SdkCall;
}

export const messages = {
  bytes: '{{label}} is {{atLeast}}{{bytes}} bytes in UTF-8 ({{chars}} characters); the limit is {{limit}}',
  chars: '{{label}} is {{atLeast}}{{chars}} characters; the limit is {{limit}} characters',
  related: 'used as the {{label}} of {{method}}() here',
};

/** The value of an argument, or of one property of an object argument. */
function slotValue(context: RuleContext, call: SdkCall, slot: IdSlot): Value | undefined {
  const arg = call.call.arguments[slot.index];
  if (!arg || ts.isSpreadElement(arg)) return undefined;
  const value = context.evaluator.evaluate(arg);
  return slot.property ? propertyValue(context, value, slot.property) : value;
}

function propertyValue(context: RuleContext, value: Value, property: string): Value | undefined {
  if (value.kind !== 'object') return undefined;
  for (const prop of value.literal.properties) {
    const name = prop.name && (ts.isIdentifier(prop.name) || ts.isStringLiteralLike(prop.name)) ? prop.name.text : undefined;
    if (name !== property) continue;
    if (ts.isPropertyAssignment(prop)) return context.evaluator.evaluate(prop.initializer);
    if (ts.isShorthandPropertyAssignment(prop)) return context.evaluator.evaluate(prop.name);
  }
  return undefined;
}

function strings(value: Value | undefined): StringValue[] {
  return value ? Evaluator.options(value).filter((v): v is StringValue => v.kind === 'string') : [];
}

/** Everything one call hands the SDK as an identifier, with the limit that applies. */
function measure(context: RuleContext, call: SdkCall): Measured[] {
  const out: Measured[] = [];
  const config = context.configFor(call.file);
  for (const slot of call.method.slots) {
    const value = slotValue(context, call, slot);
    const isUser = slot.kind !== 'conferenceId';
    const label = slot.property ? `${slot.property === 'userID' ? 'feedback.' : ''}${slot.property}` : LABELS[slot.kind];
    const byteLimit = isUser ? config.userIdMaxBytes : LIMITS.idBytes;
    for (const s of strings(value)) out.push({ label, value: s, limit: byteLimit, unit: 'bytes', call });
    if (slot.kind === 'localUserId' && value?.kind === 'object') {
      for (const field of USER_OBJECT_FIELDS) {
        for (const s of strings(propertyValue(context, value, field))) {
          if (field === 'aliasName') out.push({ label: 'userID.aliasName', value: s, limit: byteLimit, unit: 'bytes', call });
          out.push({ label: `userID.${field}`, value: s, limit: LIMITS.userObjectFieldChars, unit: 'characters', call });
        }
      }
    }
  }
  return out;
}

/** The longest prefix within the finding's limit, and within 128 characters for object-form fields. */
function truncated(m: Measured, text: string): string {
  const byBytes = m.unit === 'bytes' ? truncateUtf8(text, m.limit) : text;
  const maxChars = m.unit === 'characters' ? m.limit : m.label.startsWith('userID.') ? LIMITS.userObjectFieldChars : Infinity;
  return [...byBytes].slice(0, maxChars).join('');
}

function fixesFor(m: Measured): DraftFix[] {
  const { value } = m;
  if (!value.exact || value.text === undefined) return [];
  const node = unwrap(value.node as ts.Expression);
  const isLiteral = ts.isStringLiteralLike(node);
  const fixes: DraftFix[] = [];
  if (m.unit === 'bytes') {
    const digest = createHash('sha1').update(value.text, 'utf8').digest('hex');
    fixes.push({
      title: 'Replace the value with its SHA-1 hex digest',
      // Rewriting a computed expression into a literal drops what the code says: only offered then.
      kind: isLiteral ? 'safe' : 'suggestion',
      isPreferred: isLiteral,
      edits: [replaceNode(node, quoteLike(node, digest))],
    });
  }
  if (isLiteral) {
    fixes.push({
      title: 'Truncate the literal to the limit',
      kind: 'suggestion',
      edits: [replaceNode(node, quoteLike(node, truncated(m, value.text)))],
    });
  }
  return fixes;
}

export const idMaxBytes: Rule = {
  id: 'id-max-bytes',
  run(context) {
    eachCall(context, context.calls, (call) => {
      for (const m of measure(context, call)) {
        const size = m.unit === 'bytes' ? m.value.bytes : m.value.chars;
        if (size <= m.limit) continue;
        const values = {
          label: m.label,
          atLeast: m.value.exact ? '' : 'at least ',
          bytes: m.value.bytes,
          chars: m.value.chars,
          limit: m.limit,
          method: call.method.name,
        };
        context.report({
          node: m.value.node,
          message: format(m.unit === 'bytes' ? messages.bytes : messages.chars, values),
          related: [{ node: call.call, message: format(messages.related, values) }],
          fixes: fixesFor(m),
        });
      }
    });
  },
};
