// Every rule id the linter knows, in documentation order; kept apart from the rules so configuration can check ids cheaply.
export const RULE_IDS: readonly string[] = [
  'id-max-bytes',
  'reinit-on-userid-change',
  'remote-userid-topology',
  'id-empty',
  'id-case-collision',
  'id-unicode',
  'conference-id-reuse',
  'userid-object-shape',
  'userid-privacy',
  'removed-api',
  'api-before-initialize',
  'conference-id-consistency',
  'remote-track-association',
];
