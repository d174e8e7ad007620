// Rule userid-object-shape: keys and types of the object-form userID, the 3.14 version floor (package.json, page script URL), objects as remote IDs.
import { useridObjectShape } from '../../server/src/rules/userid-object-shape.js';
import { rangeIn, rangeOfText } from '../helpers/lint.js';
import { note, replaced, ruleTester, type ExpectedError } from '../helpers/rule-tester.js';

const RENAME = "Use the SDK's spelling of the key";
const ALIAS = 'Pass the aliasName string instead of the object';
const HEAD = 'const cs = new callstats();\n';
const PC = 'const pc = new RTCPeerConnection();\n';

/** A key the object form does not read: a misspelling of one it does, or another key. */
const unknownKey = (key: string, known?: string): Pick<ExpectedError, 'messageId' | 'data'> => (known ? { messageId: 'misspeltKey', data: { key, known } } : { messageId: 'unknownKey', data: { key } });
const notString = (field: string, kind: string, role: string) => ({ messageId: 'notString', data: { field, kind, role } });
const remoteObject = (method: string, label: string) => ({ messageId: 'remoteObject', data: { method, label } });
const PASSED_AT = note(useridObjectShape, 'passedAt');
const pinned = (version: string) => note(useridObjectShape, 'pinned', { version });
const ALIAS_ROLE = 'the ID the user is reported under';

const inPlace = `${HEAD}cs.initialize('app', 'secret', { username: 'Alice', aliasName: 'a-1', role: 'teacher' });\n`;
const shorthand = `${HEAD}const aliasname = 'a-1';\ncs.initialize('app', 'secret', { userName: 'Alice', aliasname });\n`;
const missing = `${HEAD}const localUser = { loginID: 'alice' };\ncs.initialize('app', 'secret', localUser);\n`;
const types = `${HEAD}cs.initialize('app', 'secret', { userName: true, aliasName: 4711, loginID: null });\n`;
const conditional = `${HEAD}export function start(guest) {\n  cs.initialize('app', 'secret', guest ? 'guest' : { userName: 'Alice' });\n}\n`;

const PAGE_SCRIPT = 'https://api.callstats.io/static/callstats-3.12.1.js';
const page = `<!doctype html>\n<html><head>\n<script src="${PAGE_SCRIPT}"></script>\n</head><body>\n<script>\n  var cs = new callstats();\n  cs.initialize('app', 'secret', { userName: 'Alice', aliasName: 'a-1' });\n</script>\n</body></html>\n`;
const newPage = page.replace('callstats-3.12.1.js', 'callstats-3.14.0.js');
const manifest = (range: string) => `{\n  "dependencies": {\n    "callstats-js": "${range}"\n  }\n}\n`;
const moduleApp = "import callstats from 'callstats-js';\nconst cs = new callstats();\nconst localUser = { userName: 'Alice', aliasName: 'a-1' };\ncs.initialize('app', 'secret', localUser);\n";

const remotes = `${HEAD}cs.initialize('app', 'secret', 'alice');\n${PC}const bob = { userName: 'Bob', aliasName: 'bob-1' };
cs.addNewFabric(pc, bob, cs.fabricUsage.multiplex, 'room');
cs.associateMstWithUserID(pc, { userName: 'Carol', aliasName: carolId }, 'room', 1234, 'camera');
cs.setIdentifiers({ remoteUserID: bob }, pc);
`;
const remoteShorthand = `${HEAD}${PC}const remoteUserID = { userName: 'Bob', aliasName: 'bob-1' };\ncs.setIdentifiers({ remoteUserID }, pc);\n`;

const related = (code: string, file = 'app.js'): ExpectedError['related'] => [{ file, ...rangeIn(code, "'secret', ", 'localUser'), message: PASSED_AT }];

ruleTester('userid-object-shape', {
  valid: [
    { name: 'a string userID', code: `${HEAD}cs.initialize('app', 'secret', 'alice');\n` },
    { name: 'userName, aliasName and loginID strings', code: `${HEAD}cs.initialize('app', 'secret', { userName: 'Alice', aliasName: 'a-1', loginID: 'alice' });\n` },
    { name: 'values the linter cannot work out are assumed to be strings', code: `${HEAD}export function start(profile) {\n  cs.initialize('app', 'secret', { userName: profile.name, aliasName: \`u-\${profile.id}\` });\n}\n` },
    { name: 'aliasName set later through the variable', code: `${HEAD}const localUser = { userName: 'Alice' };\nlocalUser.aliasName = sessionStorage.getItem('alias');\ncs.initialize('app', 'secret', localUser);\n` },
    { name: 'a spread may bring the missing keys', code: `${HEAD}export function start(profile) {\n  cs.initialize('app', 'secret', { ...profile, aliasName: 'a-1' });\n}\n` },
    { name: 'the object form with callstats.js 3.14 pinned in the page', code: newPage, filename: 'index.html', only: ['index.html'] },
    { name: 'the object form with ^3.14.0 in package.json', files: { 'package.json': manifest('^3.14.0'), 'src/app.js': moduleApp } },
    { name: 'no version pinned', files: { 'package.json': '{"dependencies":{"react":"^18.0.0"}}', 'src/app.js': moduleApp } },
    { name: "a remote participant's aliasName", code: `${HEAD}${PC}const bob = { userName: 'Bob', aliasName: 'bob-1' };\ncs.addNewFabric(pc, bob.aliasName, cs.fabricUsage.multiplex, 'room');\n` },
    { name: 'another library takes objects', code: "const auth = window.auth0;\nauth.initialize('app', 'secret', { user: 'alice' });\n" },
  ],
  invalid: [
    {
      name: 'misspelt and unknown keys in place: the misspelling is not also reported as a missing userName',
      code: inPlace,
      errors: [
        { ...rangeOfText(inPlace, 'username'), ...unknownKey('username', 'userName'), related: [], fixes: [{ title: RENAME, kind: 'suggestion', output: replaced(inPlace, 'username', 'userName') }] },
        { ...rangeOfText(inPlace, 'role'), ...unknownKey('role'), related: [] },
      ],
    },
    {
      name: 'a misspelt shorthand key is renamed keeping its value',
      code: shorthand,
      errors: [{ ...rangeIn(shorthand, "'Alice', ", 'aliasname'), ...unknownKey('aliasname', 'aliasName'), fixes: [{ title: RENAME, kind: 'suggestion', output: replaced(shorthand, 'aliasname }', 'aliasName: aliasname }') }] }],
    },
    {
      name: 'missing aliasName and userName, reported at the object with the initialize() argument as related',
      code: missing,
      errors: [
        { ...rangeOfText(missing, "{ loginID: 'alice' }"), messageId: 'missingAliasName', related: related(missing) },
        { ...rangeOfText(missing, "{ loginID: 'alice' }"), messageId: 'missingUserName', related: related(missing) },
      ],
    },
    {
      name: 'a boolean, a number and null',
      code: types,
      errors: [
        { ...rangeOfText(types, 'true'), ...notString('userName', 'a boolean', "the user's name shown to support staff") },
        { ...rangeOfText(types, '4711'), ...notString('aliasName', 'a number', ALIAS_ROLE) },
        { ...rangeOfText(types, 'null'), ...notString('loginID', 'null', 'the login ID') },
      ],
    },
    {
      name: 'one branch of a conditional',
      code: conditional,
      errors: [{ ...rangeOfText(conditional, "{ userName: 'Alice' }"), messageId: 'missingAliasName', related: [{ file: 'app.js', ...rangeOfText(conditional, "guest ? 'guest' : { userName: 'Alice' }"), message: PASSED_AT }] }],
    },
    {
      name: 'a page loading callstats-3.12.1.js: reported at the object, related to the script src',
      code: page,
      filename: 'index.html',
      only: ['index.html'],
      errors: [
        {
          file: 'index.html',
          ...rangeOfText(page, "{ userName: 'Alice', aliasName: 'a-1' }"),
          messageId: 'tooOld',
          data: { version: '3.12.1' },
          related: [{ file: 'index.html', ...rangeOfText(page, PAGE_SCRIPT), message: pinned('3.12.1') }],
        },
      ],
    },
    {
      name: 'package.json pinning ^3.12.1: related to the dependency value',
      files: { 'package.json': manifest('^3.12.1'), 'src/app.js': moduleApp },
      errors: [
        {
          file: 'app.js',
          ...rangeOfText(moduleApp, "{ userName: 'Alice', aliasName: 'a-1' }"),
          messageId: 'tooOld',
          data: { version: '3.12.1' },
          related: [
            { file: 'package.json', ...rangeOfText(manifest('^3.12.1'), '^3.12.1'), message: pinned('3.12.1') },
            ...related(moduleApp)!,
          ],
        },
      ],
    },
    {
      name: 'objects as remote user IDs: addNewFabric, associateMstWithUserID, setIdentifiers',
      code: remotes,
      errors: [
        { ...rangeIn(remotes, 'addNewFabric(pc, ', 'bob'), ...remoteObject('addNewFabric', 'the remoteUserID'), fixes: [{ title: ALIAS, kind: 'suggestion', output: replaced(remotes, 'pc, bob,', 'pc, bob.aliasName,') }] },
        {
          ...rangeOfText(remotes, "{ userName: 'Carol', aliasName: carolId }"),
          ...remoteObject('associateMstWithUserID', 'the userID'),
          fixes: [{ title: ALIAS, kind: 'suggestion', output: replaced(remotes, "{ userName: 'Carol', aliasName: carolId }", 'carolId') }],
        },
        { ...rangeIn(remotes, 'remoteUserID: ', 'bob'), ...remoteObject('setIdentifiers', 'remoteUserID'), fixes: [{ title: ALIAS, kind: 'suggestion', output: replaced(remotes, 'remoteUserID: bob', 'remoteUserID: bob.aliasName') }] },
      ],
    },
    {
      name: 'a shorthand remoteUserID gets no fix',
      code: remoteShorthand,
      errors: [{ ...rangeIn(remoteShorthand, 'setIdentifiers({ ', 'remoteUserID'), ...remoteObject('setIdentifiers', 'remoteUserID') }],
    },
  ],
});
