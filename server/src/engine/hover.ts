// Hover text for an identifier argument: its value, its UTF-8 size against the limit, the topology assumed.
import { ts } from 'ts-morph';
import { unwrap } from './analysis.js';
import type { SdkCall } from './receivers.js';
import type { Run } from './run.js';
import { LIMITS, type IdSlot } from './sdk.js';
import { connectionTopology, KIND_LABELS } from './topology.js';
import { Evaluator, type StringValue, type Value } from './values.js';
import type { ResolvedConfig } from './types.js';

const SHOWN_CHARS = 80;

interface Hit {
  call: SdkCall;
  slot: IdSlot;
  node: ts.Expression;
  /** What the hover covers: the argument, or the value written elsewhere. */
  span: ts.Node;
}

function slotExpression(call: SdkCall, slot: IdSlot): ts.Expression | undefined {
  const arg = call.call.arguments[slot.index];
  if (!arg || !slot.property) return arg;
  const literal = unwrap(arg);
  if (!ts.isObjectLiteralExpression(literal)) return undefined;
  for (const prop of literal.properties) {
    if (prop.name?.getText() !== slot.property) continue;
    if (ts.isPropertyAssignment(prop)) return prop.initializer;
    if (ts.isShorthandPropertyAssignment(prop)) return prop.name;
  }
  return undefined;
}

const contains = (node: ts.Node, offset: number) => node.getStart() <= offset && offset <= node.getEnd();

/** The identifier slot under the cursor: an argument itself, or a value written elsewhere that flows into one. */
function findHit(run: Run, file: string, offset: number): Hit | undefined {
  let best: Hit | undefined;
  for (const call of run.calls) {
    for (const slot of call.method.slots) {
      const node = slotExpression(call, slot);
      if (!node) continue;
      if (call.file === file && contains(node, offset)) return { call, slot, node, span: node };
      if (best) continue;
      for (const option of Evaluator.options(run.evaluator.evaluate(node))) {
        if (option.node.getSourceFile().fileName === file && contains(option.node, offset)) best = { call, slot, node, span: option.node };
      }
    }
  }
  return best;
}

const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th', '6th'];

/** Where the ID sits in the call, as the SDK's documentation counts arguments. */
function position(hit: Hit): string {
  const argument = `${ORDINALS[hit.slot.index] ?? `${hit.slot.index + 1}th`} argument of \`${hit.call.method.name}()\``;
  return hit.slot.property ? `\`${hit.slot.property}\` of the ${argument}` : `the ${argument}`;
}

function quoted(text: string): string {
  const shown = text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
  return `\`${JSON.stringify(shown)}\``;
}

/** The value and its size: one line each, whatever the value is made of. */
function describe(value: Value, limit: number): string[] {
  const options = Evaluator.options(value);
  const strings = options.filter((o): o is StringValue => o.kind === 'string');
  const texts = new Set(strings.map((s) => (s.exact ? s.text : undefined)));
  if (options.length === 1 || (strings.length === options.length && texts.size === 1 && !texts.has(undefined))) {
    const only = options[0];
    if (only.kind === 'nullish') return [`value: \`${only.text}\``];
    if (only.kind === 'number') return [`value: \`${only.value}\``];
    if (only.kind === 'object') return ['value: an object (the userID object form)'];
    if (only.kind !== 'string') return ['value: not known statically'];
    const size = `${only.bytes} bytes of UTF-8 (${only.chars} characters), limit ${limit}${only.bytes > limit ? ': over the limit' : ''}`;
    if (only.exact && only.text !== undefined) return [`value: ${quoted(only.text)}`, `size: ${size}`];
    return ['value: partly known', `size: at least ${size}`];
  }
  // Several possible values (branches, callers): their range, not each of them.
  const most = strings.reduce((max, s) => Math.max(max, s.bytes), 0);
  const lines = [`value: one of ${options.length} possible values, not known statically`];
  if (strings.length) lines.push(`size: up to ${most}${strings.every((s) => s.exact) ? '' : ' or more'} bytes of UTF-8, limit ${limit}${most > limit ? ': over the limit' : ''}`);
  return lines;
}

export function hoverText(
  run: Run,
  file: string,
  offset: number,
  configFor: (file: string) => ResolvedConfig,
): { markdown: string; start: number; end: number } | undefined {
  const hit = findHit(run, file, offset);
  if (!hit) return undefined;
  const config = configFor(hit.call.file);
  const isUser = hit.slot.kind !== 'conferenceId';
  const limit = isUser ? config.userIdMaxBytes : LIMITS.idBytes;
  const label = { localUserId: 'local userID', remoteUserId: 'remoteUserID', userId: 'userID', conferenceId: 'conferenceID' }[hit.slot.kind];
  const value = run.evaluator.evaluate(hit.node);
  const lines = [`**callstats ${label}**: ${position(hit)}`, '', ...describe(value, limit).map((l) => `- ${l}`)];
  if (hit.call.method.name === 'addNewFabric' || hit.call.method.name === 'setIdentifiers') {
    const topology = connectionTopology(run, hit.call, config, false);
    const reasons = topology.reasons.length ? ` (${topology.reasons.join(', ')})` : '';
    lines.push(`- topology assumed: ${KIND_LABELS[topology.kind]}${reasons}`);
  }
  return { markdown: lines.join('\n'), start: hit.span.getStart(), end: hit.span.getEnd() };
}
