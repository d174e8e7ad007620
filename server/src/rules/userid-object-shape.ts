// Rule userid-object-shape: the object form of userID needs userName and aliasName strings, known keys only, and callstats.js 3.14 or newer.
import type { Rule } from './rule.js';

export const useridObjectShape: Rule = {
  id: 'userid-object-shape',
  run() {},
};
