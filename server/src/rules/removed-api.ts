// Rule removed-api: do not use SDK methods and events that callstats.js removed or rejects.
import type { Rule } from './rule.js';

export const removedApi: Rule = {
  id: 'removed-api',
  run() {},
};
