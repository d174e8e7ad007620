// Rule userid-privacy: user IDs that are or are built from e-mail addresses, phone numbers or people's names; hashes, opaque IDs and userName are fine.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEmail, isPhoneNumber, personalName, useridPrivacy } from '../../server/src/rules/userid-privacy.js';
import { rangeIn, rangeOfText } from '../helpers/lint.js';
import { note, ruleTester, type ExpectedError } from '../helpers/rule-tester.js';

const PRE = 'const cs = new callstats();\nconst pc = new RTCPeerConnection();\n';

type Message = Pick<ExpectedError, 'messageId' | 'data'>;

function message(label: string, is: 'is' | 'is built from', what: 'email' | 'phone' | 'name', evidence: string): Message {
  return { messageId: `${what}${is === 'is' ? 'Is' : 'Built'}`, data: { label, evidence } };
}

const fromHere = (code: string, needle: string, file = 'app.js', anchor?: string) => ({ file, ...(anchor ? rangeIn(code, anchor, needle) : rangeOfText(code, needle)), message: note(useridPrivacy, 'source') });

function at(code: string, anchor: string, needle: string, found: Message, related?: ExpectedError['related']): ExpectedError {
  return { ...rangeIn(code, anchor, needle), ...found, ...(related ? { related } : {}) };
}

const literals = (() => {
  const code = `${PRE}cs.initialize('app', 'secret', 'alice@example.com');\ncs.addNewFabric(pc, '+44 20 7946 0958', cs.fabricUsage.multiplex, 'room-42');\ncs.associateMstWithUserID(pc, '(555) 123-4567', 'room-42', 1234, 'camera');\n`;
  return {
    name: 'an e-mail address and phone numbers written as literals',
    code,
    errors: [
      at(code, 'initialize', "'alice@example.com'", message('userID', 'is', 'email', '"alice@example.com"'), []),
      at(code, 'addNewFabric', "'+44 20 7946 0958'", message('remoteUserID', 'is', 'phone', '"+44 20 7946 0958"'), []),
      at(code, 'associateMstWithUserID', "'(555) 123-4567'", message('userID', 'is', 'phone', '"(555) 123-4567"'), []),
    ],
  };
})();

const fields = (() => {
  const code = `${PRE}export function start(profile, room) {\n  cs.initialize('app', 'secret', profile.displayName);\n  cs.addNewFabric(pc, room.host.email, cs.fabricUsage.multiplex, room.id);\n  cs.sendUserFeedback(room.id, { userID: profile.phoneNumber, overall: 4 });\n  cs.associateMstWithUserID(pc, room.speaker.name, room.id, 1234, 'camera');\n}\n`;
  return {
    name: 'fields named for personal data: displayName, email, phoneNumber, name',
    code,
    errors: [
      at(code, 'initialize', 'profile.displayName', message('userID', 'is', 'name', 'profile.displayName'), []),
      at(code, 'addNewFabric', 'room.host.email', message('remoteUserID', 'is', 'email', 'room.host.email'), []),
      at(code, 'userID:', 'profile.phoneNumber', message('feedback.userID', 'is', 'phone', 'profile.phoneNumber'), []),
      at(code, 'associateMstWithUserID', 'room.speaker.name', message('userID', 'is', 'name', 'room.speaker.name'), []),
    ],
  };
})();

const builtFromPhoneAndName = (() => {
  const code = `${PRE}export function start(user, peer) {\n  cs.initialize('app', 'secret', 'tel-' + user.phoneNumber);\n  cs.addNewFabric(pc, \`\${peer.firstName}.\${peer.lastName}\`, cs.fabricUsage.multiplex, 'room');\n}\n`;
  return {
    name: 'built from a phone number and from a name: a prefix, first and last name joined',
    code,
    errors: [
      at(code, 'initialize', "'tel-' + user.phoneNumber", message('userID', 'is built from', 'phone', 'user.phoneNumber'), []),
      at(code, 'addNewFabric', '`${peer.firstName}.${peer.lastName}`', message('remoteUserID', 'is built from', 'name', 'peer.firstName'), []),
    ],
  };
})();

const builtFrom = (() => {
  const code = `${PRE}export function start(user) {\n  cs.initialize('app', 'secret', \`\${user.email.toLowerCase()}#\${navigator.platform}\`);\n  cs.setIdentifiers({ remoteUserID: user.id + '@corp.example.com' }, pc);\n}\n`;
  return {
    name: 'built from personal data: a lower-cased e-mail with a suffix, an ID turned into an address',
    code,
    errors: [
      at(code, 'initialize', '`${user.email.toLowerCase()}#${navigator.platform}`', message('userID', 'is built from', 'email', 'user.email'), []),
      at(code, 'remoteUserID:', "user.id + '@corp.example.com'", message('remoteUserID', 'is built from', 'email', "user.id + '@corp.example.com'"), []),
    ],
  };
})();

const aliasName = (() => {
  const code = `${PRE}export function start(account) {\n  cs.initialize('app', 'secret', { userName: account.fullName, aliasName: account.email });\n}\n`;
  return {
    name: 'the object form: an e-mail as aliasName (userName is where the real name belongs)',
    code,
    errors: [at(code, 'aliasName:', 'account.email', message('userID.aliasName', 'is', 'email', 'account.email'), [])],
  };
})();

const followed = (() => {
  const code = `${PRE}function callPeer(room, peer) {\n  cs.addNewFabric(pc, peer, cs.fabricUsage.multiplex, room);\n}\ncallPeer('room-42', 'carol@example.org');\nexport function join(user) {\n  const { email: userId } = user;\n  cs.initialize('app', 'secret', userId);\n}\n`;
  return {
    name: 'followed through a parameter to its caller, and through destructuring',
    code,
    errors: [
      at(code, 'addNewFabric', 'peer', message('remoteUserID', 'is', 'email', '"carol@example.org"'), [fromHere(code, "'carol@example.org'")]),
      at(code, 'cs.initialize', 'userId', message('userID', 'is', 'email', 'user.email'), [fromHere(code, 'email: userId')]),
    ],
  };
})();

const imported = (() => {
  const config = "export const SUPPORT_AGENT = 'help@example.com';\n";
  const app = `import { SUPPORT_AGENT } from './config.js';\n${PRE}cs.addNewFabric(pc, SUPPORT_AGENT, cs.fabricUsage.multiplex, 'room-42');\n`;
  return {
    name: 'an address kept in another module',
    files: { 'config.js': config, 'app.js': app },
    errors: [{ file: 'app.js', ...rangeIn(app, 'addNewFabric', 'SUPPORT_AGENT'), ...message('remoteUserID', 'is', 'email', '"help@example.com"'), related: [fromHere(config, "'help@example.com'", 'config.js')] }],
  };
})();

const parameterName = (() => {
  const code = `${PRE}export function callByEmail(room, peerEmail) {\n  cs.addNewFabric(pc, peerEmail, cs.fabricUsage.multiplex, room);\n}\n`;
  return { name: 'a parameter named for an e-mail address', code, errors: [at(code, 'addNewFabric', 'peerEmail', message('remoteUserID', 'is', 'email', 'peerEmail'), [])] };
})();

/** The value through a local and through a helper's parameter: the field names at the end of the trail tell. */
const throughLocals = `${PRE}function begin(userId) {
  cs.initialize('app', 'secret', userId);
}
export function onSignedIn(user) {
  const who = user.username;
  begin(who);
}
function connectMember(pc, remoteId) {
  cs.addNewFabric(pc, remoteId, cs.fabricUsage.audio, 'party');
}
export function onMemberJoined(pc, member) {
  connectMember(pc, member.profile.displayName);
}
`;

/** The script-tag global declared for TypeScript, and an e-mail address as the userID. */
const ambientGlobal = `declare var callstats: any;
const csio = new callstats();
export function join(attendee: { email: string }) {
  csio.initialize('app', 'secret', attendee.email);
}
`;

/** App helpers: what they return is followed; a hash in them ends the trail. */
const throughHelpers = `${PRE}function accountKey(account) {
  return account.email.trim().toLowerCase();
}
function displayOf(user) {
  if (!user) return 'guest';
  return user.displayName;
}
export function start(account, user) {
  cs.initialize('app', 'secret', accountKey(account));
  cs.addNewFabric(pc, displayOf(user), cs.fabricUsage.multiplex, 'room-42');
}
`;
const hashedInHelper = `${PRE}function digest(text) {
  let hash = 0;
  for (const ch of text) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return hash.toString(16);
}
function accountKey(account) {
  return digest(account.email);
}
export function start(account) {
  cs.initialize('app', 'secret', accountKey(account));
}
`;

/** A static property the app sets to text it builds: judged by that text, not by the property's name. */
const builtProperty = (part: string) => `${PRE}class Stats {\n  static callStatsUserName = null;\n  static init(options) {\n    Stats.callStatsUserName = \`\${options.roomName}/\${${part}}\`;\n    cs.initialize('app', 'secret', Stats.callStatsUserName);\n  }\n}\nexport default Stats;\n`;
const builtFromEmail = builtProperty('options.user.email');

const fromForm = `${PRE}const email = $('#email').val();\ncs.initialize('app', 'secret', email);\n`;

ruleTester('userid-privacy', {
  valid: [
    { name: 'opaque IDs', code: `${PRE}export function start(user, room) {\n  cs.initialize('app', 'secret', user.id);\n  cs.addNewFabric(pc, room.peerId, cs.fabricUsage.multiplex, room.id);\n  cs.sendUserFeedback(room.id, { userID: user.uuid, overall: 4 });\n}\n` },
    { name: 'a SHA-1 of the e-mail address', code: `import { sha1 } from './hash.js';\n${PRE}export async function start(user) {\n  cs.initialize('app', 'secret', await sha1(user.email));\n}\n` },
    { name: 'the object form with the real name in userName', code: `${PRE}export function start(profile) {\n  cs.initialize('app', 'secret', { userName: profile.displayName, aliasName: profile.id });\n}\n` },
    { name: 'numeric IDs and dates are not phone numbers', code: `${PRE}cs.initialize('app', 'secret', '12345678');\ncs.addNewFabric(pc, '2024-06-01', cs.fabricUsage.multiplex, 'room-42');\ncs.associateMstWithUserID(pc, '4711', 'room-42', 1234, 'camera');\n` },
    { name: 'fields about personal data, not the data itself', code: `${PRE}export function start(user) {\n  cs.initialize('app', 'secret', user.emailHash);\n  cs.addNewFabric(pc, user.phoneToken, cs.fabricUsage.multiplex, 'room-42');\n}\n` },
    { name: 'names of things, not people', code: `${PRE}export function join(room, device) {\n  cs.addNewFabric(pc, device.hostName, cs.fabricUsage.multiplex, room.name);\n  cs.associateMstWithUserID(pc, room.bridgeName, room.id, 1234, 'camera');\n}\n` },
    { name: 'an e-mail address as conferenceID is not a userID', code: `${PRE}cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'alice@example.com');\n` },
    { name: "an app helper that hashes the address in its own code", code: hashedInHelper },
    { name: 'a variable named email holding the hash of a form field', code: `${PRE}const email = sha1Hex($('#email').val());\ncs.initialize('app', 'secret', email);\n` },
    { name: "a property named for a user name that the app sets to the room and a resource", code: builtProperty('options.resource') },
    { name: 'another SDK with an e-mail address', code: `${PRE}cs.initialize('app', 'secret', 'alice');\nconst feedback = window.feedbackWidget;\nfeedback.initialize('fw', 'key', 'alice@example.com');\n` },
  ],
  invalid: [
    {
      name: 'through a local and through a helper parameter, judged by the names where the trail ends',
      code: throughLocals,
      errors: [
        { ...rangeIn(throughLocals, "cs.initialize('app', 'secret', ", 'userId'), messageId: 'nameIs', data: { label: 'userID', evidence: 'user.username' } },
        { ...rangeIn(throughLocals, 'cs.addNewFabric(pc, ', 'remoteId'), messageId: 'nameIs', data: { label: 'remoteUserID', evidence: 'member.profile.displayName' } },
      ],
    },
    {
      name: "a variable named email whose value comes from a call the analysis cannot read (a form field)",
      code: fromForm,
      errors: [at(fromForm, "cs.initialize('app', 'secret', ", 'email', message('userID', 'is', 'email', 'email'))],
    },
    {
      name: 'the same property built from an e-mail address',
      code: builtFromEmail,
      errors: [at(builtFromEmail, "cs.initialize('app', 'secret', ", 'Stats.callStatsUserName', message('userID', 'is built from', 'email', 'options.user.email'), [fromHere(builtFromEmail, 'options.user.email')])],
    },
    {
      name: 'what app helpers return, through string methods and an early return',
      code: throughHelpers,
      errors: [
        at(throughHelpers, "cs.initialize('app', 'secret', ", 'accountKey(account)', message('userID', 'is built from', 'email', 'account.email'), [fromHere(throughHelpers, 'account.email')]),
        at(throughHelpers, 'cs.addNewFabric(pc, ', 'displayOf(user)', message('remoteUserID', 'is', 'name', 'user.displayName'), [fromHere(throughHelpers, 'user.displayName')]),
      ],
    },
    {
      name: 'declare var callstats: the SDK of a TypeScript app is seen',
      filename: 'app.ts',
      code: ambientGlobal,
      errors: [{ file: 'app.ts', ...rangeOfText(ambientGlobal, 'attendee.email'), messageId: 'emailIs', data: { label: 'userID', evidence: 'attendee.email' } }],
    },
    literals, fields, builtFrom, builtFromPhoneAndName, aliasName, followed, imported, parameterName],
});

// How long inputs fare (linear, no backtracking) is checked with the other adversarial inputs in test/reliability/regex.test.ts.
test('findEmail: addresses inside text; none in long input without a domain', () => {
  assert.deepEqual(findEmail('alice@example.com'), { start: 0, end: 17 });
  assert.deepEqual(findEmail('user:bob.smith+tag@mail.example.co.uk#2'), { start: 5, end: 37 });
  assert.equal(findEmail('@example.com'), undefined);
  assert.equal(findEmail('alice@localhost'), undefined);
  assert.equal(findEmail('room@42'), undefined);
  assert.equal(findEmail('a'.repeat(100_000) + '@' + 'b.'.repeat(100_000)), undefined);
  assert.equal(findEmail('@'.repeat(100_000)), undefined);
});

test('isPhoneNumber: international and national formats, not plain numbers', () => {
  for (const phone of ['+14155550123', '+44 20 7946 0958', '(555) 123-4567', '555-123-4567', '030 1234 5678', 'tel:+4930123456']) assert.ok(isPhoneNumber(phone), phone);
  for (const other of ['12345678', '2024-06-01', '+1', '10.0.0.1', 'room-555-1234']) assert.ok(!isPhoneNumber(other), other);
});

test('personalName: words of the name decide', () => {
  assert.equal(personalName('email'), 'email');
  assert.equal(personalName('userEmail'), 'email');
  assert.equal(personalName('EMAIL_ADDRESS'), 'email');
  assert.equal(personalName('mobile'), 'phone');
  assert.equal(personalName('displayName'), 'name');
  assert.equal(personalName('username'), 'name');
  assert.equal(personalName('name'), 'name');
  for (const neutral of ['id', 'userId', 'emailHash', 'roomName', 'hostName', 'fileName', 'mailbox', 'hotel']) assert.equal(personalName(neutral), undefined, neutral);
});
