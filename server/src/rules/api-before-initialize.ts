// Rule api-before-initialize: sDK calls must not run before initialize().
import type { Rule } from './rule.js';

export const apiBeforeInitialize: Rule = {
  id: 'api-before-initialize',
  run() {},
};
