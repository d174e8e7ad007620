// Every rule's implementation, in the order of RULE_IDS.
import type { Rule } from './rule.js';
import { idMaxBytes } from './id-max-bytes.js';
import { reinitOnUserIdChange } from './reinit-on-userid-change.js';
import { remoteUserIdTopology } from './remote-userid-topology.js';

export const ALL_RULES: readonly Rule[] = [idMaxBytes, reinitOnUserIdChange, remoteUserIdTopology];
