// Rule id-unicode: non-NFC text, lone surrogates, control and invisible characters and surrounding whitespace in identifiers, with the cleaning fix.
import { cleaned, idUnicode, unicodeProblems } from '../../server/src/rules/id-unicode.js';
import { rangeIn, rangeOfText } from '../helpers/lint.js';
import { note, replaced, ruleTester, type ExpectedError, type ExpectedFix } from '../helpers/rule-tester.js';

const PRE = 'const cs = new callstats();\nconst pc = new RTCPeerConnection();\n';
const FIX = 'Normalize to NFC and strip invisible characters and surrounding whitespace';

/** The finding names the worst problem only (lone surrogate or not NFC, control, invisible, whitespace). */
interface Worst {
  id: 'loneSurrogate' | 'notNfc' | 'control' | 'invisible' | 'leadingSpace' | 'trailingSpace' | 'surroundingSpace';
  data?: Record<string, string>;
}

const finding = (label: string, worst: Worst) => ({ messageId: worst.id, data: { label, ...worst.data } });
const invisible = (code: string): Worst => ({ id: 'invisible', data: { code } });
const control = (code: string): Worst => ({ id: 'control', data: { code } });
const LEADING: Worst = { id: 'leadingSpace' };
const TRAILING: Worst = { id: 'trailingSpace' };
const SURROUNDING: Worst = { id: 'surroundingSpace' };

/** The cleaning fix: safe for a literal written in the SDK call, only a suggestion for one written elsewhere (it may have other uses). */
const cleanFix = (code: string, literal: string, fixedLiteral: string, kind: ExpectedFix['kind'] = 'safe'): ExpectedFix[] => [{ title: FIX, kind, output: replaced(code, literal, fixedLiteral) }];

const relatedCall = (code: string, call: string, label: string, method: string, file = 'app.js') => ({ file, ...rangeOfText(code, call), message: note(idUnicode, 'usedAs', { label, method }) });

/** One call whose literal `literal` (source text) has `worst` as its worst problem; the fix writes `fixedLiteral`. */
function literalCase(name: string, call: string, literal: string, label: string, method: string, worst: Worst, fixedLiteral?: string) {
  const code = `${PRE}${call};\n`;
  const error: ExpectedError = {
    ...rangeOfText(code, literal),
    ...finding(label, worst),
    related: [relatedCall(code, call, label, method)],
    ...(fixedLiteral !== undefined ? { fixes: cleanFix(code, literal, fixedLiteral) } : {}),
  };
  return { name, code, errors: [error] };
}

const cases = [
  literalCase('a zero-width space', "cs.initialize('app', 'secret', 'alice\\u200B')", "'alice\\u200B'", 'userID', 'initialize', invisible('U+200B'), "'alice'"),
  literalCase('a byte order mark pasted in front: named as invisible, the worse of its two problems', "cs.addNewFabric(pc, '\\uFEFFbob', cs.fabricUsage.multiplex, 'room-42')", "'\\uFEFFbob'", 'remoteUserID', 'addNewFabric', invisible('U+FEFF'), "'bob'"),
  literalCase('a soft hyphen', "cs.sendCustomStats(pc, 'design\\u00ADreview', {})", "'design\\u00ADreview'", 'conferenceID', 'sendCustomStats', invisible('U+00AD'), "'designreview'"),
  literalCase('a zero-width joiner between ASCII letters joins nothing: reported and stripped', "cs.initialize('app', 'secret', 'ali\\u200Dce')", "'ali\\u200Dce'", 'userID', 'initialize', invisible('U+200D'), "'alice'"),
  literalCase('decomposed é (not NFC): the fix composes it', "cs.initialize('app', 'secret', 'Jose\\u0301')", "'Jose\\u0301'", 'userID', 'initialize', { id: 'notNfc', data: { example: JSON.stringify('e\u0301') } }, "'José'"),
  literalCase('trailing whitespace, double quotes kept', 'cs.addNewFabric(pc, "bob", cs.fabricUsage.multiplex, "room-42 ")', '"room-42 "', 'conferenceID', 'addNewFabric', TRAILING, '"room-42"'),
  literalCase('a no-break space on both ends', "cs.sendCustomEvent(pc, '\\u00A0room-42\\u00A0', [])", "'\\u00A0room-42\\u00A0'", 'conferenceID', 'sendCustomEvent', SURROUNDING, "'room-42'"),
  literalCase('a tab (control character) in a backtick literal', "cs.sendCallDetails(pc, `room\\t42`, {})", '`room\\t42`', 'conferenceID', 'sendCallDetails', control('U+0009'), '`room42`'),
  literalCase('a C1 control character', "cs.initialize('app', 'secret', 'alice\\u0085')", "'alice\\u0085'", 'userID', 'initialize', control('U+0085'), "'alice'"),
  literalCase('a lone surrogate: no fix, the character cannot be repaired', "cs.initialize('app', 'secret', 'alice\\uD83D')", "'alice\\uD83D'", 'userID', 'initialize', { id: 'loneSurrogate', data: { code: 'U+D83D' } }),
  literalCase('only whitespace: no fix, it would leave an empty ID', "cs.initialize('app', 'secret', '  ')", "'  '", 'userID', 'initialize', SURROUNDING),
  literalCase('feedback.userID with a right-to-left mark', "cs.sendUserFeedback('room-42', { userID: 'alice\\u200F', overall: 4 })", "'alice\\u200F'", 'feedback.userID', 'sendUserFeedback', invisible('U+200F'), "'alice'"),
];

const constant = (() => {
  const ids = "export const SUPPORT_ROOM = 'meet.example.com/support ';\n";
  const call = "cs.addNewFabric(pc, 'agent-7', cs.fabricUsage.multiplex, SUPPORT_ROOM)";
  const app = `import { SUPPORT_ROOM } from './ids.js';\n${PRE}${call};\n`;
  return {
    name: 'a constant of another module: reported where it is written, the fix only offered',
    files: { 'ids.js': ids, 'app.js': app },
    errors: [
      {
        file: 'ids.js',
        ...rangeOfText(ids, "'meet.example.com/support '"),
        ...finding('conferenceID', TRAILING),
        related: [relatedCall(app, call, 'conferenceID', 'addNewFabric')],
        fixes: cleanFix(ids, "'meet.example.com/support '", "'meet.example.com/support'", 'suggestion'),
      },
    ],
  };
})();

const sameFileConstant = (() => {
  const call = "cs.initialize('app', 'secret', USER_ID)";
  const code = `${PRE}const USER_ID = 'alice\\u200B';\n${call};\n`;
  return {
    name: 'a constant in another statement of the same file: the fix only offered, the constant may have other uses',
    code,
    errors: [
      {
        ...rangeOfText(code, "'alice\\u200B'"),
        ...finding('userID', invisible('U+200B')),
        related: [relatedCall(code, call, 'userID', 'initialize')],
        fixes: cleanFix(code, "'alice\\u200B'", "'alice'", 'suggestion'),
      },
    ],
  };
})();

const computed = (() => {
  const code = `${PRE}export function join(room, peerId) {\n  cs.addNewFabric(pc, \`\\u200B\${peerId}\`, cs.fabricUsage.multiplex, room.id + ' ');\n}\n`;
  const call = `cs.addNewFabric(pc, \`\\u200B\${peerId}\`, cs.fabricUsage.multiplex, room.id + ' ')`;
  return {
    name: 'values not fully known: the literal pieces are checked, without a fix',
    code,
    errors: [
      { ...rangeOfText(code, '`\\u200B${'), ...finding('remoteUserID', invisible('U+200B')), related: [relatedCall(code, call, 'remoteUserID', 'addNewFabric')] },
      { ...rangeIn(code, 'room.id', "' '"), ...finding('conferenceID', TRAILING), related: [relatedCall(code, call, 'conferenceID', 'addNewFabric')] },
    ],
  };
})();

/** Partly known values built elsewhere: in a variable, a branch, a helper's return. */
const builtElsewhere = (() => {
  const code = `${PRE}function deskRoom(day) {\n  return \`Permanence \${day} \`;\n}\nexport function join(pc, team, day, kiosk) {\n  const room = \`E\\u0301quipe \${team}\`;\n  const userId = kiosk.n ? \`k-\${kiosk.n}\\u200B\` : kiosk.id;\n  cs.initialize('app', 'secret', userId);\n  cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, room);\n  cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, deskRoom(day));\n}\n`;
  const init = "cs.initialize('app', 'secret', userId)";
  const fabric = "cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, room)";
  const hold = 'cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, deskRoom(day))';
  return {
    name: 'partly known values built in a variable, a branch of a condition and a helper: their literal pieces are checked',
    code,
    errors: [
      { ...rangeIn(code, 'return `Permanence ${day', '} `'), ...finding('conferenceID', TRAILING), related: [relatedCall(code, hold, 'conferenceID', 'sendFabricEvent')] },
      { ...rangeIn(code, 'const room = ', '`E\\u0301quipe ${'), ...finding('conferenceID', { id: 'notNfc', data: { example: '"E\u0301"' } }), related: [relatedCall(code, fabric, 'conferenceID', 'addNewFabric')] },
      { ...rangeIn(code, 'kiosk.n ? `k-${kiosk.n}', '}\\u200B`'), ...finding('userID', invisible('U+200B')), related: [relatedCall(code, init, 'userID', 'initialize')] },
    ],
  };
})();

const objectForm = (() => {
  const code = `${PRE}cs.initialize('app', 'secret', { userName: 'Alice ', aliasName: ' a94a8fe5' });\n`;
  return {
    name: 'the object form: aliasName is the ID; userName is a display name and not checked',
    code,
    errors: [
      {
        ...rangeOfText(code, "' a94a8fe5'"),
        ...finding('userID.aliasName', LEADING),
        fixes: cleanFix(code, "' a94a8fe5'", "'a94a8fe5'"),
      },
    ],
  };
})();

/** A zero-width space in a settings object's room, used as a part of a template. */
const settingsPart = {
  'settings.js': "export const ROOMS = {\n  designReview: 'design\\u200Breview',\n};\n",
  'app.js': `import { ROOMS } from './settings.js';\n${PRE}export function join(peerId, date) {\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, \`\${ROOMS.designReview}/\${date}\`);\n}\n`,
};

ruleTester('id-unicode', {
  valid: [
    { name: 'plain ASCII identifiers', code: `${PRE}cs.initialize('app', 'secret', 'alice');\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room-42');\n` },
    { name: 'composed (NFC) accents, Japanese and emoji are fine', code: `${PRE}cs.initialize('app', 'secret', 'José');\ncs.addNewFabric(pc, 'インターネット', cs.fabricUsage.multiplex, 'café-😀');\n` },
    { name: 'whitespace inside an ID is not surrounding whitespace', code: `${PRE}cs.sendCustomStats(pc, 'Design Review', {});\n` },
    { name: 'a zero-width joiner inside an emoji sequence in a non-identifier argument', code: `${PRE}cs.sendCustomEvent(pc, 'room-42', [{ name: '👩\\u200D💻' }]);\n` },
    { name: 'a zero-width joiner inside an emoji ZWJ sequence (woman technologist) used as a userID', code: `${PRE}cs.initialize('app', 'secret', '👩\\u200D💻');\n` },
    { name: 'a zero-width non-joiner inside a Persian word used as a userID', code: `${PRE}cs.initialize('app', 'secret', 'می\\u200Cخواهم');\n` },
    { name: 'values not known statically', code: `${PRE}export function join(room, peer) {\n  cs.addNewFabric(pc, \`peer-\${peer.id}\`, cs.fabricUsage.multiplex, room.id.trim());\n}\n` },
  ],
  invalid: [
    {
      name: 'a known part of a template: the zero-width space is reported where the part is written',
      files: settingsPart,
      errors: [
        {
          file: 'settings.js',
          ...rangeOfText(settingsPart['settings.js'], "'design\\u200Breview'"),
          messageId: 'invisible',
          data: { label: 'conferenceID', code: 'U+200B' },
          fixes: [{ title: 'Normalize to NFC and strip invisible characters and surrounding whitespace', kind: 'suggestion', output: replaced(settingsPart['settings.js'], "'design\\u200Breview'", "'designreview'") }],
        },
      ],
    },
    ...cases, constant, sameFileConstant, computed, builtElsewhere, objectForm],
});

// The helpers behind the rule, on inputs that would make a careless pattern backtrack.
import assert from 'node:assert/strict';
import { test } from 'node:test';

// How long they take on such input is bounded with the other adversarial inputs in test/reliability/regex.test.ts.
test('unicodeProblems and cleaned on long adversarial input', () => {
  const text = ' '.repeat(50_000) + 'x' + '\u0301'.repeat(50_000) + '\uD800'.repeat(50_000) + ' '.repeat(50_000) + 'y';
  assert.ok(unicodeProblems(text).length > 0);
  assert.equal(cleaned(text).startsWith('x'), true);
});

test('cleaned: NFC, no invisible or control characters, trimmed', () => {
  assert.equal(cleaned(' \u200BJose\u0301\t\uFEFF '), 'José');
  assert.equal(cleaned('a\uD83D\uDE00b'), 'a\uD83D\uDE00b');
});
