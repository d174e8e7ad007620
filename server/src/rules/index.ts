// The rule registry: metadata for every rule, in the order of RULE_IDS.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta, Severity } from '../engine/types.js';
import { RULE_IDS } from './ids.js';

let root: string | undefined;

/** The package root: the nearest folder above this module with the package's package.json. */
function packageRoot(): string {
  return (root ??= findPackageRoot());
}

function findPackageRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'callstats-lint') return dir;
    } catch {
      // No package.json here, or not ours: keep looking upward.
    }
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..');
  }
}

/** The rule's documentation page, shipped in the package as docs/rules/<id>.md. */
export function docsUrl(id: string): string {
  return pathToFileURL(path.join(packageRoot(), 'docs', 'rules', `${id}.md`)).href;
}

function meta(
  id: string,
  description: string,
  defaultSeverity: Severity,
  fixes: RuleMeta['fixes'],
): RuleMeta {
  return { id, description, defaultSeverity, docsUrl: docsUrl(id), fixes };
}

const DISABLE_FIX = { title: 'Disable the rule for this line', kind: 'suggestion' } as const;

export const RULES: readonly RuleMeta[] = [
  meta('id-max-bytes', 'userID and conferenceID values must fit in 256 bytes of UTF-8', 'error', [
    { title: 'Replace the value with its SHA-1 hex digest', kind: 'safe' },
    { title: 'Truncate the literal to the limit', kind: 'suggestion' },
    DISABLE_FIX,
  ]),
  meta(
    'reinit-on-userid-change',
    'initialize() must be called again whenever the local userID changes',
    'error',
    [{ title: 'Call initialize() again with the new userID', kind: 'suggestion' }, DISABLE_FIX],
  ),
  meta('remote-userid-topology', "addNewFabric's remoteUserID must match the connection's topology", 'warn', [
    { title: 'Use the conference server ID (safe when exactly one is configured)', kind: 'safe' },
    { title: "Use the remote participant's ID", kind: 'suggestion' },
    DISABLE_FIX,
  ]),
  meta('id-empty', 'Identifiers must not be empty, null or undefined', 'warn', [DISABLE_FIX]),
  meta('id-case-collision', 'conferenceIDs and userIDs must not differ only in letter case', 'warn', [DISABLE_FIX]),
  meta('id-unicode', 'Identifiers must be NFC without lone surrogates, control or zero-width characters, or surrounding whitespace', 'warn', [{ title: 'Normalize to NFC and strip invisible characters and surrounding whitespace', kind: 'safe' }, DISABLE_FIX]),
  meta('conference-id-reuse', 'A conferenceID must be unique for each call, not one fixed value', 'warn', [DISABLE_FIX]),
  meta('userid-object-shape', 'The object form of userID needs userName and aliasName strings, known keys only, and callstats.js 3.14 or newer', 'error', [
    { title: "Use the SDK's spelling of the key", kind: 'suggestion' },
    { title: 'Pass the aliasName string instead of the object', kind: 'suggestion' },
    DISABLE_FIX,
  ]),
  meta('userid-privacy', 'userIDs should not be e-mail addresses, phone numbers or names', 'info', [DISABLE_FIX]),
  meta('removed-api', 'Do not use SDK methods and events that callstats.js removed or rejects', 'warn', [
    { title: 'Use the event name the SDK accepts', kind: 'suggestion' },
    DISABLE_FIX,
  ]),
  meta('api-before-initialize', 'SDK calls must not run before initialize()', 'warn', [DISABLE_FIX]),
  meta('conference-id-consistency', 'Calls about one connection must use the same conferenceID', 'warn', [
    { title: 'Use the conferenceID of addNewFabric()', kind: 'suggestion' },
    DISABLE_FIX,
  ]),
  meta('remote-track-association', 'With one connection to a bridge, map every remote track to its sender', 'warn', [DISABLE_FIX]),
];

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES.find((r) => r.id === id);
}

if (RULES.map((r) => r.id).join() !== RULE_IDS.join()) {
  throw new Error('rules/index.ts and rules/ids.ts list different rules');
}
