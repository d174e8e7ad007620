// Rule id-case-collision: conferenceIDs and userIDs must not differ only in letter case.
import type { Rule } from './rule.js';

export const idCaseCollision: Rule = {
  id: 'id-case-collision',
  run() {},
};
