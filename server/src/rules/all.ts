// Every rule's implementation, in the order of RULE_IDS.
import type { Rule } from './rule.js';
import { idMaxBytes } from './id-max-bytes.js';
import { reinitOnUserIdChange } from './reinit-on-userid-change.js';
import { remoteUserIdTopology } from './remote-userid-topology.js';
import { idEmpty } from './id-empty.js';
import { idCaseCollision } from './id-case-collision.js';
import { idUnicode } from './id-unicode.js';
import { conferenceIdReuse } from './conference-id-reuse.js';
import { useridObjectShape } from './userid-object-shape.js';
import { useridPrivacy } from './userid-privacy.js';
import { removedApi } from './removed-api.js';
import { apiBeforeInitialize } from './api-before-initialize.js';
import { conferenceIdConsistency } from './conference-id-consistency.js';
import { remoteTrackAssociation } from './remote-track-association.js';

export const ALL_RULES: readonly Rule[] = [
  idMaxBytes,
  reinitOnUserIdChange,
  remoteUserIdTopology,
  idEmpty,
  idCaseCollision,
  idUnicode,
  conferenceIdReuse,
  useridObjectShape,
  useridPrivacy,
  removedApi,
  apiBeforeInitialize,
  conferenceIdConsistency,
  remoteTrackAssociation,
];
