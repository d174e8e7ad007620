// A finding that rests on an inference is a warning even where its rule is set to `error`; a certain one stays an error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../helpers/lint.js';

const IMPORT = "import callstats from 'callstats-js';\nconst cs = new callstats();\n";
const INIT = "cs.initialize('app', 'secret', 'me');\n";

interface Case {
  rule: string;
  why: string;
  code: string;
  config?: Record<string, unknown>;
  /** line → messageId and severity of the rule's findings. */
  expected: Array<[line: number, messageId: string, severity: 'error' | 'warn']>;
}

const CASES: Case[] = [
  {
    rule: 'id-empty',
    why: 'empty on every path is certain; an optional chain is empty only on some',
    code: `${IMPORT}export function start(user) {\n  cs.initialize('app', 'secret', user?.id);\n}\nexport function blank() {\n  cs.initialize('app', 'secret', '');\n}\n`,
    expected: [[4, 'optionalChain', 'warn'], [7, 'empty', 'error']],
  },
  {
    rule: 'userid-privacy',
    why: 'an e-mail address in the text is certain; a field named email is a guess',
    code: `${IMPORT}export function login(customer) {\n  cs.initialize('app', 'secret', customer.email);\n}\nexport function fixed() {\n  cs.initialize('app', 'secret', 'jane.doe@example.com');\n}\n`,
    expected: [[4, 'emailIs', 'warn'], [7, 'emailIs', 'error']],
  },
  {
    rule: 'userid-object-shape',
    why: 'an object on every path is certain; on one branch of a condition it may never be passed',
    code: `${IMPORT}${INIT}export function connect(pc, peer, named, room) {\n  cs.addNewFabric(pc, named ? { userName: peer.name, aliasName: peer.id } : peer.id, cs.fabricUsage.multiplex, room);\n  cs.addNewFabric(pc, { userName: peer.name, aliasName: peer.id }, cs.fabricUsage.multiplex, room);\n}\n`,
    expected: [[5, 'remoteObject', 'warn'], [6, 'remoteObject', 'error']],
  },
  {
    rule: 'api-before-initialize',
    why: 'later in one straight sequence is certain',
    code: `${IMPORT}const pc = new RTCPeerConnection();\ncs.addNewFabric(pc, 'peer-1', cs.fabricUsage.multiplex, location.hash);\n${INIT}`,
    expected: [[4, 'laterInSequence', 'error']],
  },
  {
    rule: 'api-before-initialize',
    why: 'initialize() in a callback: the order is inferred',
    code: `${IMPORT}export function start(pc) {\n  fetch('/token').then((r) => cs.initialize('app', r, 'me'));\n  cs.addNewFabric(pc, 'peer-2', cs.fabricUsage.multiplex, location.hash);\n}\n`,
    expected: [[5, 'laterInCallback', 'warn']],
  },
  {
    rule: 'conference-id-consistency',
    why: 'that two calls are about one connection is inferred',
    code: `${IMPORT}${INIT}export function join(pc, room) {\n  cs.addNewFabric(pc, 'peer', cs.fabricUsage.multiplex, room);\n  cs.sendFabricEvent(pc, cs.fabricEvent.audioMute, room + '-x');\n}\n`,
    expected: [[6, 'different', 'warn']],
  },
  {
    rule: 'remote-track-association',
    why: "that nothing maps a remote track is never certain (a library's events may)",
    code: `${IMPORT}${INIT}export function join(room) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, 'jvb', cs.fabricUsage.multiplex, room, { remoteEndpointType: cs.endpointType.server });\n  pc.ontrack = (e) => show(e.streams[0]);\n}\n`,
    config: { topology: 'sfu-single-pc' },
    expected: [[7, 'noRemote', 'warn']],
  },
  {
    rule: 'remote-track-association',
    why: 'a track mapped to the bridge, with the topology configured, is certain; inferred, a guess',
    code: `${IMPORT}${INIT}const BRIDGE = 'jvb';\nexport function join(room, track, ssrc) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, BRIDGE, cs.fabricUsage.multiplex, room, { remoteEndpointType: cs.endpointType.server });\n  pc.ontrack = (e) => cs.associateMstWithUserID(pc, BRIDGE, room, ssrc, 'camera', e.track);\n}\n`,
    config: { topology: 'sfu-single-pc' },
    expected: [[8, 'bridgeId', 'error']],
  },
  {
    rule: 'remote-track-association',
    why: 'the same with the topology inferred',
    code: `${IMPORT}${INIT}const BRIDGE = 'jvb';\nexport function join(room, track, ssrc) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, BRIDGE, cs.fabricUsage.multiplex, room, { remoteEndpointType: cs.endpointType.server });\n  pc.ontrack = (e) => cs.associateMstWithUserID(pc, BRIDGE, room, ssrc, 'camera', e.track);\n}\n`,
    expected: [[8, 'bridgeId', 'warn']],
  },
];

for (const c of CASES) {
  test(`${c.rule} at error: ${c.why}`, () => {
    const { findings, problems } = lint({ 'app.js': c.code }, { config: { ...c.config, rules: { [c.rule]: 'error' } }, rule: c.rule });
    assert.deepEqual(problems, {});
    assert.deepEqual(
      findings.map((f) => [f.line, f.messageId, f.severity]),
      c.expected,
    );
  });
}

