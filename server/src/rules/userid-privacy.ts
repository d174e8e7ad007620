// Rule userid-privacy: userIDs should not be e-mail addresses, phone numbers or names.
import type { Rule } from './rule.js';

export const useridPrivacy: Rule = {
  id: 'userid-privacy',
  run() {},
};
