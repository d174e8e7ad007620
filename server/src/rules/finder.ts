// A memoized walk over expressions for rules that follow values: each expression judged once, cycles and depth cut off.
import type { ts } from 'ts-morph';
import { unwrap } from '../engine/analysis.js';
import type { RuleContext } from '../engine/rule.js';

export abstract class Finder<T> {
  private readonly active = new Set<ts.Node>();
  /** Each expression is judged once: values shared by many calls cost nothing more. */
  private readonly cache = new Map<ts.Node, T | undefined>();
  /** How many look-ups were cut short (depth limit, cycle); results computed meanwhile are not cached. */
  private cutOff = 0;

  constructor(
    protected readonly context: RuleContext,
    private readonly maxDepth: number,
  ) {}

  find(expression: ts.Expression, depth = 0): T | undefined {
    const node = unwrap(expression);
    if (this.cache.has(node)) return this.cache.get(node);
    if (depth > this.maxDepth || this.active.has(node)) {
      this.cutOff++;
      return undefined;
    }
    const cutOffBefore = this.cutOff;
    this.active.add(node);
    try {
      const found = this.compute(node, depth + 1);
      // A result cut short by the depth limit or a cycle may be incomplete: only whole ones are kept.
      if (this.cutOff === cutOffBefore) this.cache.set(node, found);
      return found;
    } finally {
      this.active.delete(node);
    }
  }

  /** What `node` (already unwrapped) is, looking deeper through `find(…, depth)`. */
  protected abstract compute(node: ts.Expression, depth: number): T | undefined;
}
