// The built-in rules, in documentation order: the only list of them. The front ends (CLI, language server, API) pass it to the Linter.
import type { Rule } from '../engine/rule.js';
import { apiBeforeInitialize } from './api-before-initialize.js';
import { conferenceIdConsistency } from './conference-id-consistency.js';
import { conferenceIdReuse } from './conference-id-reuse.js';
import { idCaseCollision } from './id-case-collision.js';
import { idEmpty } from './id-empty.js';
import { idMaxBytes } from './id-max-bytes.js';
import { idUnicode } from './id-unicode.js';
import { reinitOnUserIdChange } from './reinit-on-userid-change.js';
import { remoteTrackAssociation } from './remote-track-association.js';
import { remoteUserIdTopology } from './remote-userid-topology.js';
import { removedApi } from './removed-api.js';
import { useridObjectShape } from './userid-object-shape.js';
import { useridPrivacy } from './userid-privacy.js';

export const RULES: readonly Rule[] = [
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
