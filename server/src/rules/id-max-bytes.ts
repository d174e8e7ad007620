// Rule id-max-bytes: every userID and conferenceID the SDK receives must fit the service's limit in UTF-8 bytes.
import { createHash } from 'node:crypto';
import { ts } from 'ts-morph';
import { unwrap } from '../engine/analysis.js';
import type { SdkCall } from '../engine/receivers.js';
import { LIMITS, USER_OBJECT_FIELDS, type IdSlot } from '../engine/sdk.js';
import { Evaluator, truncateUtf8, type StringValue, type Value } from '../engine/values.js';
import { defineRule, eachCall, type DraftFix, type RuleContext } from '../engine/rule.js';
import { quoteLike, replaceNode } from './edits.js';

/** A SHA-1 hex digest is 40 bytes: the fix is offered only where that fits. */
const SHA1_HEX_BYTES = 40;

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

function fixesFor(m: Measured): DraftFix<Fixes>[] {
  const { value } = m;
  if (!value.exact || value.text === undefined) return [];
  const node = unwrap(value.node as ts.Expression);
  const isLiteral = ts.isStringLiteralLike(node);
  const fixes: DraftFix<Fixes>[] = [];
  if (m.unit === 'bytes' && SHA1_HEX_BYTES <= m.limit) {
    const digest = createHash('sha1').update(value.text, 'utf8').digest('hex');
    fixes.push({ fixId: 'sha1', isPreferred: isLiteral, edits: [replaceNode(node, quoteLike(node, digest))] });
  }
  if (isLiteral) fixes.push({ fixId: 'truncate', edits: [replaceNode(node, quoteLike(node, truncated(m, value.text)))] });
  return fixes;
}

type Fixes = 'sha1' | 'truncate';

export const idMaxBytes = defineRule({
  meta: {
    id: 'id-max-bytes',
    description: 'userID and conferenceID values must fit in 256 bytes of UTF-8',
    defaultSeverity: 'error',
    docs: 'docs/rules/id-max-bytes.md',
    fixes: {
      // A new ID value changes what the program sends (and any other use of the same constant): never automatic.
      sha1: { title: 'Replace the value with its SHA-1 hex digest', kind: 'suggestion' },
      truncate: { title: 'Truncate the literal to the limit', kind: 'suggestion' },
    },
  },
  messages: {
    bytes: {
      message: '{{label}} is {{bytes}} bytes in UTF-8 ({{chars}} characters); the limit is {{limit}}',
      help: 'Use a shorter opaque ID, such as a SHA-1 hex digest of the value (40 bytes).',
    },
    bytesAtLeast: {
      message: '{{label}} is at least {{bytes}} bytes in UTF-8; the limit is {{limit}}',
      help: 'Use a shorter opaque ID, such as a SHA-1 hex digest of the value (40 bytes).',
    },
    chars: {
      message: '{{label}} is {{chars}} characters; the object form allows {{limit}}',
      help: 'Shorten the field; the object form takes at most 128 characters in each of its fields.',
    },
    charsAtLeast: {
      message: '{{label}} is at least {{chars}} characters; the object form allows {{limit}}',
      help: 'Shorten the field; the object form takes at most 128 characters in each of its fields.',
    },
  },
  notes: {
    usedAs: 'used as the {{label}} of {{method}}() here',
  },
  create(context) {
    eachCall(context, context.calls, (call) => {
      for (const m of measure(context, call)) {
        const size = m.unit === 'bytes' ? m.value.bytes : m.value.chars;
        if (size <= m.limit) continue;
        const data = { label: m.label, bytes: m.value.bytes, chars: m.value.chars, limit: m.limit };
        const kind = m.unit === 'bytes' ? 'bytes' : 'chars';
        context.report({
          node: m.value.node,
          messageId: m.value.exact ? kind : `${kind}AtLeast`,
          data,
          related: [{ node: call.call, noteId: 'usedAs', data: { label: m.label, method: call.method.name } }],
          fixes: fixesFor(m),
        });
      }
    });
  },
});
