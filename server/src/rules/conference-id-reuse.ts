// Rule conference-id-reuse: a conferenceID must be unique for each call, not one fixed value.
import type { Rule } from './rule.js';

export const conferenceIdReuse: Rule = {
  id: 'conference-id-reuse',
  run() {},
};
