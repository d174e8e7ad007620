// Rule remote-track-association: with one connection to a bridge, map every remote track to its sender.
import type { Rule } from './rule.js';

export const remoteTrackAssociation: Rule = {
  id: 'remote-track-association',
  run() {},
};
