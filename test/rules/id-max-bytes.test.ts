// Rule id-max-bytes: every identifier slot of the SDK, UTF-8 sizes, value following and its limits, with exact ranges and fixes.
import { idMaxBytes } from '../../server/src/rules/id-max-bytes.js';
import { rangeOfText } from '../helpers/lint.js';
import { note, replaced, ruleTester, sha1Hex, type ExpectedError, type ExpectedFix } from '../helpers/rule-tester.js';

const SHA1_FIX = 'Replace the value with its SHA-1 hex digest';
const TRUNCATE_FIX = 'Truncate the literal to the limit';
const PRE = 'const cs = new callstats();\nconst pc = new RTCPeerConnection();\n';

const A300 = 'a'.repeat(300);
const LIT300 = `'${A300}'`;

interface Size {
  label: string;
  bytes: number;
  chars: number;
  limit?: number;
  atLeast?: boolean;
}

const bytesMessage = (s: Size) => ({
  messageId: s.atLeast ? 'bytesAtLeast' : 'bytes',
  data: { label: s.label, bytes: s.bytes, chars: s.chars, limit: s.limit ?? 256 },
});
const charsMessage = (label: string, chars: number) => ({ messageId: 'chars', data: { label, bytes: chars, chars, limit: 128 } });
const usedAs = (label: string, method: string) => note(idMaxBytes, 'usedAs', { label, method });

/**
 * Both fixes of a too-long string literal: the SHA-1 digest and the truncation, in its quotes. Both
 * are suggestions: a new value changes what the app sends, and every other use of the same constant.
 */
function literalFixes(code: string, literal: string, value: string, truncated: string, occurrence = 1): ExpectedFix[] {
  const quote = literal[0];
  return [
    { title: SHA1_FIX, kind: 'suggestion', output: replaced(code, literal, quote + sha1Hex(value) + quote, occurrence) },
    { title: TRUNCATE_FIX, kind: 'suggestion', output: replaced(code, literal, quote + truncated + quote, occurrence) },
  ];
}

/** The SHA-1 fix alone: the value is exact but computed, so there is no literal to truncate. */
function digestFix(code: string, expression: string, value: string, quote = "'"): ExpectedFix[] {
  return [{ title: SHA1_FIX, kind: 'suggestion', output: replaced(code, expression, quote + sha1Hex(value) + quote) }];
}

/** The finding for a 300-character ASCII literal in `call` (the call's text, without `;`). */
function a300In(code: string, call: string, label: string, method: string, occurrence = 1): ExpectedError {
  return {
    ...rangeOfText(code, LIT300, occurrence),
    ...bytesMessage({ label, bytes: 300, chars: 300 }),
    related: [{ file: 'app.js', ...rangeOfText(code, call), message: usedAs(label, method) }],
    fixes: literalFixes(code, LIT300, A300, 'a'.repeat(256), occurrence),
  };
}

/** One call with a 300-byte literal in one identifier slot. */
function slotCase(name: string, call: string, label: string, method: string) {
  const code = `${PRE}${call};\n`;
  return { name, code, errors: [a300In(code, call, label, method)] };
}

const slots = [
  slotCase('initialize userID', `cs.initialize('app', 'secret', ${LIT300})`, 'userID', 'initialize'),
  slotCase('addNewFabric remoteUserID', `cs.addNewFabric(pc, ${LIT300}, cs.fabricUsage.multiplex, 'room')`, 'remoteUserID', 'addNewFabric'),
  slotCase('addNewFabric conferenceID', `cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, ${LIT300})`, 'conferenceID', 'addNewFabric'),
  slotCase('associateMstWithUserID userID', `cs.associateMstWithUserID(pc, ${LIT300}, 'room', 1234, 'camera')`, 'userID', 'associateMstWithUserID'),
  slotCase('associateMstWithUserID conferenceID', `cs.associateMstWithUserID(pc, 'bob', ${LIT300}, 1234, 'camera')`, 'conferenceID', 'associateMstWithUserID'),
  slotCase('reportUserIDChange conferenceID', `cs.reportUserIDChange(pc, ${LIT300}, 'bob', cs.userIDType.remote)`, 'conferenceID', 'reportUserIDChange'),
  slotCase('reportUserIDChange newUserID', `cs.reportUserIDChange(pc, 'room', ${LIT300}, cs.userIDType.remote)`, 'userID', 'reportUserIDChange'),
  slotCase('setIdentifiers remoteUserID', `cs.setIdentifiers({ remoteUserID: ${LIT300} }, pc)`, 'remoteUserID', 'setIdentifiers'),
  slotCase('setIdentifiers conferenceID', `cs.setIdentifiers({ conferenceID: ${LIT300} }, pc)`, 'conferenceID', 'setIdentifiers'),
  slotCase('sendFabricEvent conferenceID', `cs.sendFabricEvent(pc, cs.fabricEvent.fabricHold, ${LIT300})`, 'conferenceID', 'sendFabricEvent'),
  slotCase('reportError conferenceID', `cs.reportError(pc, ${LIT300}, cs.webRTCFunctions.createOffer, new Error('x'))`, 'conferenceID', 'reportError'),
  slotCase('reportError without a connection', `cs.reportError(null, ${LIT300}, cs.webRTCFunctions.getUserMedia, new Error('x'))`, 'conferenceID', 'reportError'),
  slotCase('sendUserFeedback conferenceID', `cs.sendUserFeedback(${LIT300}, { userID: 'bob', overall: 4 })`, 'conferenceID', 'sendUserFeedback'),
  slotCase('sendUserFeedback feedback.userID', `cs.sendUserFeedback('room', { userID: ${LIT300}, overall: 4 })`, 'feedback.userID', 'sendUserFeedback'),
  slotCase('sendCallDetails conferenceID', `cs.sendCallDetails(pc, ${LIT300}, { role: 'host' })`, 'conferenceID', 'sendCallDetails'),
  slotCase('sendCustomEvent conferenceID', `cs.sendCustomEvent(pc, ${LIT300}, [{ name: 'mute' }])`, 'conferenceID', 'sendCustomEvent'),
  slotCase('sendCustomStats conferenceID', `cs.sendCustomStats(pc, ${LIT300}, { fps: 30 })`, 'conferenceID', 'sendCustomStats'),
];

const both = (() => {
  const call = `cs.setIdentifiers({ conferenceID: ${LIT300}, remoteUserID: ${LIT300} }, pc)`;
  const code = `${PRE}${call};\n`;
  return { name: 'setIdentifiers with both identifiers too long', code, errors: [a300In(code, call, 'conferenceID', 'setIdentifiers', 1), a300In(code, call, 'remoteUserID', 'setIdentifiers', 2)] };
})();

/** A literal of `count` copies of `unit` as the initialize() userID. */
function sized(name: string, unit: string, count: number, bytes: number, chars: number, truncated: string) {
  const value = unit.repeat(count);
  const literal = `'${value}'`;
  const code = `${PRE}cs.initialize('app', 'secret', ${literal});\n`;
  return { name, code, errors: [{ ...rangeOfText(code, literal), ...bytesMessage({ label: 'userID', bytes, chars }), fixes: literalFixes(code, literal, value, truncated) }] };
}

const objectForm = (() => {
  const JA100 = '日'.repeat(100);
  const code = `${PRE}cs.initialize('app', 'secret', { userName: 'Alice', aliasName: '${JA100}' });\n`;
  const code129 = `${PRE}cs.initialize('app', 'secret', { userName: '${'u'.repeat(129)}', aliasName: '${'a'.repeat(129)}', loginID: '${'l'.repeat(129)}' });\n`;
  const code128 = `${PRE}cs.initialize('app', 'secret', { userName: 'Alice', aliasName: '${'a'.repeat(129)}' });\n`;
  return [
    { name: 'object form: aliasName over 256 bytes (Japanese, 100 characters)', code, errors: [{ ...rangeOfText(code, `'${JA100}'`), ...bytesMessage({ label: 'userID.aliasName', bytes: 300, chars: 100 }), fixes: literalFixes(code, `'${JA100}'`, JA100, '日'.repeat(85)) }] },
    {
      name: 'object form: every field over 128 characters',
      code: code129,
      errors: ['u', 'a', 'l'].map((c, i) => ({
        ...rangeOfText(code129, `'${c.repeat(129)}'`),
        ...charsMessage(`userID.${['userName', 'aliasName', 'loginID'][i]}`, 129),
        fixes: [{ title: TRUNCATE_FIX, kind: 'suggestion', output: replaced(code129, `'${c.repeat(129)}'`, `'${c.repeat(128)}'`) }],
      })),
    },
    (() => {
      const partly = `${PRE}export function start(user) {\n  cs.initialize('app', 'secret', { userName: \`\${user.first}-${'n'.repeat(130)}\`, aliasName: 'a' });\n}\n`;
      const field = `\`\${user.first}-${'n'.repeat(130)}\``;
      return {
        name: 'object form: a partly known field over 128 characters: at least, no fix',
        code: partly,
        errors: [{ ...rangeOfText(partly, field), messageId: 'charsAtLeast', data: { label: 'userID.userName', bytes: 131, chars: 131, limit: 128 } }],
      };
    })(),
    {
      name: 'object form with userIdMaxBytes 128: aliasName is over both limits',
      code: code128,
      config: { userIdMaxBytes: 128 },
      errors: [
        { ...rangeOfText(code128, `'${'a'.repeat(129)}'`), ...bytesMessage({ label: 'userID.aliasName', bytes: 129, chars: 129, limit: 128 }), fixes: literalFixes(code128, `'${'a'.repeat(129)}'`, 'a'.repeat(129), 'a'.repeat(128)) },
        {
          ...rangeOfText(code128, `'${'a'.repeat(129)}'`),
          ...charsMessage('userID.aliasName', 129),
          fixes: [{ title: TRUNCATE_FIX, kind: 'suggestion', output: replaced(code128, `'${'a'.repeat(129)}'`, `'${'a'.repeat(128)}'`) }],
        },
      ],
    },
  ];
})();

const strict = (() => {
  const id = `'${'b'.repeat(129)}'`;
  const code = `${PRE}cs.initialize('app', 'secret', ${id});\ncs.addNewFabric(pc, ${id}, cs.fabricUsage.multiplex, '${'c'.repeat(256)}');\ncs.associateMstWithUserID(pc, ${id}, 'room', 1, 'camera');\n`;
  const err = (occurrence: number, label: string): ExpectedError => ({
    ...rangeOfText(code, id, occurrence),
    ...bytesMessage({ label, bytes: 129, chars: 129, limit: 128 }),
    fixes: literalFixes(code, id, 'b'.repeat(129), 'b'.repeat(128), occurrence),
  });
  return { name: 'userIdMaxBytes 128 applies to user IDs only; the 256-byte conferenceID stays valid', code, config: { userIdMaxBytes: 128 }, errors: [err(1, 'userID'), err(2, 'remoteUserID'), err(3, 'userID')] };
})();

const tightLimit = (() => {
  const literal = `'${'a'.repeat(33)}'`;
  const code = `${PRE}cs.initialize('app', 'secret', ${literal});\n`;
  return {
    name: 'userIdMaxBytes 32: no SHA-1 fix, whose 40 bytes would still be too long',
    code,
    config: { userIdMaxBytes: 32 },
    errors: [
      {
        ...rangeOfText(code, literal),
        ...bytesMessage({ label: 'userID', bytes: 33, chars: 33, limit: 32 }),
        fixes: [{ title: TRUNCATE_FIX, kind: 'suggestion' as const, output: replaced(code, literal, `'${'a'.repeat(32)}'`) }],
      },
    ],
  };
})();

/** Too long on one branch only: an inference about which path runs, so a warning; too long on every path: an error. */
const branches = (() => {
  const oneBranch = `${PRE}export function join(event) {\n  cs.sendCustomStats(pc, event.series ? '${'s'.repeat(300)}' : event.roomId, {});\n}\n`;
  const everyBranch = `${PRE}export function join(event) {\n  cs.sendCustomStats(pc, event.series ? '${'s'.repeat(300)}' : '${'r'.repeat(300)}', {});\n}\n`;
  return [
    {
      name: 'over the limit on one branch only: a warning',
      code: oneBranch,
      errors: [{ ...rangeOfText(oneBranch, `'${'s'.repeat(300)}'`), severity: 'warn' as const, ...bytesMessage({ label: 'conferenceID', bytes: 300, chars: 300 }), fixes: literalFixes(oneBranch, `'${'s'.repeat(300)}'`, 's'.repeat(300), 's'.repeat(256)) }],
    },
    {
      name: 'over the limit on every branch: errors',
      code: everyBranch,
      errors: ['s', 'r'].map((c) => ({ ...rangeOfText(everyBranch, `'${c.repeat(300)}'`), severity: 'error' as const, ...bytesMessage({ label: 'conferenceID', bytes: 300, chars: 300 }), fixes: literalFixes(everyBranch, `'${c.repeat(300)}'`, c.repeat(300), c.repeat(256)) })),
    },
  ];
})();

const values = (() => {
  const prefix = 'p'.repeat(200);
  const template = `\`\${PREFIX}-\${'q'.repeat(60)}\``;
  const templateCode = `${PRE}const PREFIX = '${prefix}';\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, ${template});\n`;
  const chainCode = `${PRE}const ROOM_PREFIX = 'https://meet.example.com/rooms/';\nconst SERIES = '${'s'.repeat(240)}';\nconst conferenceID = ROOM_PREFIX + SERIES;\ncs.sendCustomStats(pc, conferenceID, {});\n`;
  const chainValue = 'https://meet.example.com/rooms/' + 's'.repeat(240);
  const constCode = `${PRE}const userID = ${LIT300};\ncs.initialize('app', 'secret', userID);\n`;
  const repeatCode = `${PRE}cs.initialize('app', 'secret', 'ab'.repeat(150));\n`;
  const padEndCode = `${PRE}cs.sendCallDetails(pc, 'room-'.padEnd(300, '-'), {});\n`;
  const padStartCode = `${PRE}cs.initialize('app', 'secret', 'id'.padStart(300, '😀'));\n`;
  const padSpaceCode = `${PRE}cs.initialize('app', 'secret', 'id'.padEnd(257));\n`;
  const partlyCode = `${PRE}const PREFIX = '${prefix}';\nfunction join(user) {\n  cs.initialize('app', 'secret', \`\${PREFIX}-\${user.name}-\${'z'.repeat(56)}\`);\n}\n`;
  const doubleCode = `${PRE}cs.initialize("app", "secret", "${A300}");\n`;
  const backtickCode = `${PRE}cs.initialize('app', 'secret', \`${A300}\`);\n`;
  return [
    { name: 'template literal with known parts', code: templateCode, errors: [{ ...rangeOfText(templateCode, template), ...bytesMessage({ label: 'conferenceID', bytes: 261, chars: 261 }), fixes: digestFix(templateCode, template, `${prefix}-${'q'.repeat(60)}`, '`') }] },
    { name: '+ chain of consts: reported where the chain is written', code: chainCode, errors: [{ ...rangeOfText(chainCode, 'ROOM_PREFIX + SERIES'), ...bytesMessage({ label: 'conferenceID', bytes: 271, chars: 271 }), fixes: digestFix(chainCode, 'ROOM_PREFIX + SERIES', chainValue) }] },
    { name: 'const in the same file: reported at its initializer', code: constCode, errors: [{ ...rangeOfText(constCode, LIT300), ...bytesMessage({ label: 'userID', bytes: 300, chars: 300 }), related: [{ file: 'app.js', ...rangeOfText(constCode, "cs.initialize('app', 'secret', userID)"), message: usedAs('userID', 'initialize') }], fixes: literalFixes(constCode, LIT300, A300, 'a'.repeat(256)) }] },
    { name: '.repeat(n)', code: repeatCode, errors: [{ ...rangeOfText(repeatCode, "'ab'.repeat(150)"), ...bytesMessage({ label: 'userID', bytes: 300, chars: 300 }), fixes: digestFix(repeatCode, "'ab'.repeat(150)", 'ab'.repeat(150)) }] },
    { name: ".padEnd(n, '-')", code: padEndCode, errors: [{ ...rangeOfText(padEndCode, "'room-'.padEnd(300, '-')"), ...bytesMessage({ label: 'conferenceID', bytes: 300, chars: 300 }), fixes: digestFix(padEndCode, "'room-'.padEnd(300, '-')", 'room-'.padEnd(300, '-')) }] },
    { name: '.padStart(n, emoji): length counts UTF-16 units, the emoji is 4 bytes', code: padStartCode, errors: [{ ...rangeOfText(padStartCode, "'id'.padStart(300, '😀')"), ...bytesMessage({ label: 'userID', bytes: 598, chars: 151 }), fixes: digestFix(padStartCode, "'id'.padStart(300, '😀')", 'id'.padStart(300, '😀')) }] },
    { name: '.padEnd(n) pads with spaces', code: padSpaceCode, errors: [{ ...rangeOfText(padSpaceCode, "'id'.padEnd(257)"), ...bytesMessage({ label: 'userID', bytes: 257, chars: 257 }), fixes: digestFix(padSpaceCode, "'id'.padEnd(257)", 'id'.padEnd(257)) }] },
    { name: 'partly known value: at least N bytes, no fix', code: partlyCode, errors: [{ ...rangeOfText(partlyCode, `\`\${PREFIX}-\${user.name}-\${'z'.repeat(56)}\``), ...bytesMessage({ label: 'userID', bytes: 258, chars: 258, atLeast: true }) }] },
    { name: 'double-quoted literal keeps its quotes in the fixes', code: doubleCode, errors: [{ ...rangeOfText(doubleCode, `"${A300}"`), ...bytesMessage({ label: 'userID', bytes: 300, chars: 300 }), fixes: literalFixes(doubleCode, `"${A300}"`, A300, 'a'.repeat(256)) }] },
    { name: 'template without substitutions keeps its backticks', code: backtickCode, errors: [{ ...rangeOfText(backtickCode, `\`${A300}\``), ...bytesMessage({ label: 'userID', bytes: 300, chars: 300 }), fixes: literalFixes(backtickCode, `\`${A300}\``, A300, 'a'.repeat(256)) }] },
  ];
})();

const imported = (() => {
  const ids = `export const ROOM = ${LIT300};\n`;
  const call = "cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, ROOM)";
  const app = `import { ROOM } from './ids.js';\n${PRE}${call};\n`;
  return {
    name: 'const imported from another file: reported in the defining file, related to the call',
    files: { 'ids.js': ids, 'app.js': app },
    errors: [{ file: 'ids.js', ...rangeOfText(ids, LIT300), ...bytesMessage({ label: 'conferenceID', bytes: 300, chars: 300 }), related: [{ file: 'app.js', ...rangeOfText(app, call), message: usedAs('conferenceID', 'addNewFabric') }], fixes: literalFixes(ids, LIT300, A300, 'a'.repeat(256)) }],
  };
})();

const huge = (() => {
  const chain = Array.from({ length: 100_000 }, () => "'a'").join(' + ');
  const chainCode = `${PRE}const conferenceID = ${chain};\ncs.sendCustomEvent(pc, conferenceID, []);\n`;
  const repeatCode = `${PRE}cs.initialize('app', 'secret', 'x'.repeat(1e9));\n`;
  return [
    { name: "a generated 100,000-term 'a' + 'a' + ... chain does not overflow the stack", code: chainCode, errors: [{ ...rangeOfText(chainCode, chain), ...bytesMessage({ label: 'conferenceID', bytes: 100_000, chars: 100_000 }) }] },
    { name: "'x'.repeat(1e9) is measured, never built", code: repeatCode, errors: [{ ...rangeOfText(repeatCode, "'x'.repeat(1e9)"), ...bytesMessage({ label: 'userID', bytes: 1e9, chars: 1e9 }) }] },
  ];
})();

/** `slice()` cuts UTF-16 code units: 256 of them can be far more than 256 bytes. */
const sliced = (() => {
  const code = `${PRE}const LABEL = '${'日'.repeat(130)}';\ncs.initialize('app', 'secret', LABEL.slice(0, 256));\n`;
  return { name: 'a multibyte label cut with slice(0, 256): 130 characters, 390 bytes', code, errors: [{ ...rangeOfText(code, 'LABEL.slice(0, 256)'), ...bytesMessage({ label: 'userID', bytes: 390, chars: 130 }), fixes: digestFix(code, 'LABEL.slice(0, 256)', '日'.repeat(130)) }] };
})();

ruleTester('id-max-bytes', {
  valid: [
    { name: 'short identifiers everywhere', code: `${PRE}cs.initialize('app', 'secret', 'alice');\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room');\ncs.sendUserFeedback('room', { userID: 'alice', overall: 5 });\n` },
    { name: 'exactly 256 bytes (ASCII)', code: `${PRE}cs.initialize('app', 'secret', '${'a'.repeat(256)}');\n` },
    { name: 'exactly 255 bytes of Japanese (85 characters)', code: `${PRE}cs.initialize('app', 'secret', '${'日'.repeat(85)}');\n` },
    { name: 'exactly 256 bytes of emoji (64 emoji, 128 UTF-16 units)', code: `${PRE}cs.initialize('app', 'secret', '${'😀'.repeat(64)}');\n` },
    { name: 'the app secret is not an identifier', code: `${PRE}cs.initialize('app', '${A300}', 'alice');\n` },
    { name: 'addNewFabric fabricAttributes are not identifiers', code: `${PRE}cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room', { label: '${A300}' });\n` },
    { name: 'object form within limits', code: `${PRE}cs.initialize('app', 'secret', { userName: '${'u'.repeat(128)}', aliasName: '${'a'.repeat(128)}', loginID: '${'l'.repeat(128)}' });\n` },
    { name: 'userIdMaxBytes 128: user ID of exactly 128 bytes, conferenceID of 256', code: `${PRE}cs.initialize('app', 'secret', '${'b'.repeat(128)}');\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, '${'c'.repeat(256)}');\n`, config: { userIdMaxBytes: 128 } },
    { name: 'value not known statically', code: `${PRE}export function start(user) { cs.initialize('app', 'secret', user.id); }\n` },
    { name: 'const cycle terminates with a partly known value', code: `${PRE}const a = b + 'x';\nconst b = a + 'y';\ncs.initialize('app', 'secret', a);\n` },
    { name: "another SDK's initialize() with a long ID", code: `${PRE}cs.initialize('app', 'secret', 'alice');\nconst feedback = window.feedbackWidget;\nfeedback.initialize('fw', 'key', ${LIT300});\n` },
    { name: 'a class of the app with an addNewFabric method', code: `${PRE}class Panel { addNewFabric(pc, label, usage, room) {} }\nnew Panel().addNewFabric(pc, ${LIT300}, 'multiplex', ${LIT300});\n` },
    { name: 'an unknown object without the enum sign', code: 'export function track(x, pc) {\n  x.addNewFabric(pc, ' + LIT300 + ", 'multiplex', 'room');\n}\n" },
    { name: 'rule turned off in the configuration', code: `${PRE}cs.initialize('app', 'secret', ${LIT300});\n`, config: { rules: { 'id-max-bytes': 'off' } } },
    { name: 'an ASCII label cut with slice(0, 256) and substring(0, 200)', code: `${PRE}const LABEL = '${'a'.repeat(400)}';\ncs.initialize('app', 'secret', LABEL.slice(0, 256));\ncs.addNewFabric(pc, LABEL.substring(0, 200), cs.fabricUsage.multiplex, LABEL.substr(10, 100));\n` },
  ],
  invalid: [
    ...slots,
    both,
    sized('257 bytes (ASCII)', 'a', 257, 257, 257, 'a'.repeat(256)),
    sized('Japanese: 86 characters, 258 bytes', '日', 86, 258, 86, '日'.repeat(85)),
    sized('emoji: 65 emoji, 260 bytes (130 UTF-16 units)', '😀', 65, 260, 65, '😀'.repeat(64)),
    // Truncation works on code points: the 256th byte is the base letter of the 86th é.
    sized('combining marks: each é is 2 code points and 3 bytes', 'e\u0301', 86, 258, 172, 'e\u0301'.repeat(85) + 'e'),
    ...objectForm,
    strict,
    tightLimit,
    ...branches,
    ...values,
    imported,
    sliced,
    ...huge,
  ],
});
