// Which expressions are callstats SDK instances, by following values back to the factory, and which calls are SDK calls.
import { ts } from 'ts-morph';
import { type Analysis, type Origin } from './analysis.js';
import { unwrap } from './syntax.js';
import { GLOBAL_FACTORY, SDK_ENUMS, SDK_METHODS, type SdkMethod } from './sdk.js';

export type SdkKind = 'factory' | 'instance';

/** A call of an SDK method on an SDK instance (or on the factory used as the object). */
export interface SdkCall {
  method: SdkMethod;
  call: ts.CallExpression;
  receiver: ts.Expression;
  file: string;
}

export class Receivers {
  private readonly cache = new Map<ts.Node, SdkKind | undefined>();
  private readonly active = new Set<ts.Node>();

  constructor(private readonly analysis: Analysis) {}

  /** Look-ups in progress past which an expression's kind is "not known" rather than a deeper stack. */
  private static readonly MAX_NESTING = 60;

  /** Whether the expression holds the SDK factory or an instance made by it. */
  kindOf(expression: ts.Expression): SdkKind | undefined {
    const expr = unwrap(expression);
    if (this.cache.has(expr)) return this.cache.get(expr);
    if (this.active.has(expr) || this.active.size >= Receivers.MAX_NESTING) return undefined;
    this.active.add(expr);
    let kind: SdkKind | undefined;
    try {
      for (const origin of this.analysis.origins(expr)) {
        const found = this.originKind(origin);
        if (found === 'instance') {
          kind = found;
          break;
        }
        kind ??= found;
      }
    } finally {
      this.active.delete(expr);
    }
    this.cache.set(expr, kind);
    return kind;
  }

  private originKind(origin: Origin): SdkKind | undefined {
    switch (origin.kind) {
      case 'sdk-module':
        return 'factory';
      case 'global':
        return origin.name === GLOBAL_FACTORY ? 'factory' : undefined;
      case 'module': {
        // `require('./stats')` is the module's `module.exports`, which may be the instance itself.
        if (!origin.required) return undefined;
        let kind: SdkKind | undefined;
        for (const exported of this.analysis.exportOrigins(origin.file, 'default', 0)) kind ??= this.originKind(exported);
        return kind;
      }
      case 'expr': {
        const node = origin.node;
        if (ts.isNewExpression(node)) return this.kindOf(node.expression) ? 'instance' : undefined;
        if (ts.isCallExpression(node)) {
          if (this.kindOf(node.expression) === 'factory') return 'instance';
          for (const fn of this.analysis.calleeFunctions(node)) {
            for (const returned of this.analysis.returnedExpressions(fn)) {
              const kind = this.kindOf(returned);
              if (kind) return kind;
            }
          }
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** The SDK calls of a file. */
  callsIn(file: string): SdkCall[] {
    const index = this.analysis.index(file);
    if (!index) return [];
    const out: SdkCall[] = [];
    for (const [name, method] of SDK_METHODS) {
      for (const call of index.calls.get(name) ?? []) {
        const callee = unwrap(call.expression);
        if (!(ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee))) continue;
        const receiver = callee.expression;
        if (this.kindOf(receiver) || usesSdkEnumOf(call, receiver)) out.push({ method, call, receiver, file });
      }
    }
    return out.sort((a, b) => a.call.pos - b.call.pos);
  }
}

/**
 * `x.addNewFabric(pc, id, x.fabricUsage.multiplex, conf)`: an argument reads an SDK enum from the
 * same receiver, a strong sign that `x` is an instance even when its value cannot be followed.
 */
function usesSdkEnumOf(call: ts.CallExpression, receiver: ts.Expression): boolean {
  const receiverText = unwrap(receiver).getText();
  const stack: ts.Node[] = [...call.arguments];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isPropertyAccessExpression(node) && SDK_ENUMS.has(node.name.text) && unwrap(node.expression).getText() === receiverText) {
      return true;
    }
    if (ts.isFunctionLike(node)) continue;
    ts.forEachChild(node, (c) => {
      stack.push(c);
    });
  }
  return false;
}

