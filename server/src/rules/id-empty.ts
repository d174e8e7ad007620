// Rule id-empty: identifiers must not be empty, null or undefined.
import type { Rule } from './rule.js';

export const idEmpty: Rule = {
  id: 'id-empty',
  run() {},
};
