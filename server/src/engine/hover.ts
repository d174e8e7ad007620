// Hover text for an identifier argument: its value, its UTF-8 size against the limit, the topology assumed.
import { ts } from 'ts-morph';
import { unwrap } from './analysis.js';
import type { SdkCall } from './receivers.js';
import type { Run } from './run.js';
import { LIMITS, type IdSlot } from './sdk.js';
import { connectionTopology, KIND_LABELS } from './topology.js';
import { Evaluator, type Value } from './values.js';
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

function describe(value: Value): string[] {
  if (value.kind === 'union') return value.options.flatMap((o, i) => [`option ${i + 1}:`, ...describe(o).map((l) => '  ' + l)]);
  if (value.kind === 'nullish') return [`value: \`${value.text}\``];
  if (value.kind === 'number') return [`value: \`${value.value}\``];
  if (value.kind === 'object') return ['value: an object (userID object form)'];
  if (value.kind !== 'string') return ['value: not known statically'];
  const lines: string[] = [];
  if (value.exact && value.text !== undefined) {
    const shown = value.text.length > SHOWN_CHARS ? `${value.text.slice(0, SHOWN_CHARS)}…` : value.text;
    lines.push(`value: \`${JSON.stringify(shown)}\``);
  } else if (!value.exact) {
    lines.push('value: partly known');
  }
  lines.push(`size: ${value.exact ? '' : 'at least '}${value.bytes} bytes in UTF-8 (${value.chars} characters)`);
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
  const label = hit.slot.property ?? { localUserId: 'local userID', remoteUserId: 'remoteUserID', userId: 'userID', conferenceId: 'conferenceID' }[hit.slot.kind];
  const value = run.evaluator.evaluate(hit.node);
  const sizes = Evaluator.options(value).filter((v) => v.kind === 'string');
  const over = sizes.some((v) => v.kind === 'string' && v.bytes > limit);
  const lines = [`**callstats ${label}** of \`${hit.call.method.name}()\``, '', ...describe(value).map((l) => `- ${l}`)];
  lines.push(`- limit: ${limit} bytes${over ? ' (exceeded)' : ''}`);
  if (hit.call.method.name === 'addNewFabric' || hit.call.method.name === 'setIdentifiers') {
    const topology = connectionTopology(run, hit.call, config, false);
    const reasons = topology.reasons.length ? ` (${topology.reasons.join(', ')})` : '';
    lines.push(`- topology assumed: ${KIND_LABELS[topology.kind]}${reasons}`);
  }
  return { markdown: lines.join('\n'), start: hit.span.getStart(), end: hit.span.getEnd() };
}
