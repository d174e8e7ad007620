// Rule conference-id-consistency: calls about one connection must use the same conferenceID.
import type { Rule } from './rule.js';

export const conferenceIdConsistency: Rule = {
  id: 'conference-id-consistency',
  run() {},
};
