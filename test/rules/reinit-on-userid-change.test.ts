// Rule reinit-on-userid-change: a changed local userID must reach initialize() again; exact ranges, related locations and fix text.
import { reinitOnUserIdChange } from '../../server/src/rules/reinit-on-userid-change.js';
import { rangeIn, rangeOfText } from '../helpers/lint.js';
import { note, ruleTester, type ExpectedError, type ExpectedFix } from '../helpers/rule-tester.js';

const FIX = 'Call initialize() again with the new userID';
const INITIALIZED = note(reinitOnUserIdChange, 'initialized');

/** The fix: `inserted` on a new line right after the last `after` (which ends a statement, `;` included). */
function insertAfter(code: string, after: string, inserted: string): ExpectedFix[] {
  const at = code.lastIndexOf(after);
  if (at < 0) throw new Error(`"${after}" not in the code`);
  const end = at + after.length;
  return [{ title: FIX, kind: 'suggestion', output: `${code.slice(0, end)}\n${inserted}${code.slice(end)}` }];
}

/** A reassignment finding at the last `write`, related to the userID argument `initArg` of the first initialize(). */
function reassigned(code: string, write: string, initArg: string, fix: string | undefined): ExpectedError {
  return {
    ...rangeOfText(code, write, code.split(write).length - 1),
    messageId: 'reassigned',
    related: [{ file: 'app.js', ...rangeIn(code, 'cs.initialize(', initArg), message: INITIALIZED }],
    fixes: fix === undefined ? [] : insertAfter(code, `${write};`, fix),
  };
}

const moduleLet = `const cs = new callstats();
let userID = 'guest';
cs.initialize('app', 'secret', userID);
export function setUser(id) {
  userID = id;
}
`;

const thisProperty = `const cs = new callstats();
class Session {
  constructor(id) {
    this.userId = id;
  }
  start() {
    cs.initialize('app', 'secret', this.userId, onReady, onStats, { disableBeforeUnloadHandler: true });
  }
  rename(id) {
    this.userId = id;
  }
}
`;

const nestedProperty = `const cs = new callstats();
const state = { user: { id: 'guest' } };
cs.initialize('app', 'secret', state.user.id);
export function login(user) {
  state.user.id = user.id;
}
`;

const ownerReplaced = `const cs = new callstats();
const state = { user: { id: 'guest' } };
cs.initialize('app', 'secret', state.user.id);
export function login(user) {
  state.user = user;
}
`;

const aliasName = `const cs = new callstats();
const localUser = { userName: 'Alice', aliasName: 'guest-1' };
cs.initialize('app', 'secret', localUser);
export function rename(id) {
  localUser.aliasName = id;
}
`;

const onlyInIf = `const cs = new callstats();
let userID = 'guest';
cs.initialize('app', 'secret', userID);
export function setUser(id, ready) {
  userID = id;
  if (ready) {
    cs.initialize('app', 'secret', userID);
  }
}
`;

const wrapper = (body: string, callers: string) => `import { io } from 'socket.io-client';
const cs = new callstats();
const socket = io('wss://signal.example.com');
class CallStats {
  started = false;
  start(userID) {
${body}
  }
}
const stats = new CallStats();
${callers}
`;

const earlyReturnBody = "    if (this.started) return;\n    cs.initialize('app', 'secret', userID);\n    this.started = true;";
const fieldBody = "    if (this.started) return;\n    this.localUserID = userID;\n    cs.initialize('app', 'secret', this.localUserID);\n    this.started = true;";
const connectCaller = "socket.on('connect', () => stats.start(socket.id));";

function earlyReturn(code: string, initArg: string): ExpectedError {
  return {
    ...rangeOfText(code, 'return;'),
    messageId: 'earlyReturn',
    data: { name: 'start' },
    related: [
      { file: 'app.js', ...rangeIn(code, 'cs.initialize(', initArg), message: INITIALIZED },
      { file: 'app.js', ...rangeOfText(code, 'stats.start(socket.id)'), message: note(reinitOnUserIdChange, 'handlerCaller', { name: 'start', event: 'connect', arg: 'socket.id' }) },
    ],
  };
}

const reportLocal = `const cs = new callstats();
cs.initialize('app', 'secret', 'guest-7f3a');
const pc = new RTCPeerConnection();
export function onLogin(user) {
  cs.reportUserIDChange(pc, 'room-42', user.id, cs.userIDType.local);
}
`;

const earlyCode = wrapper(earlyReturnBody, connectCaller);
const fieldCode = wrapper(fieldBody, connectCaller);

// ---- shapes of public integrations ---------------------------------------------------------

/** An argument check that throws before initialize(): not a guard that skips initialize() once initialized. */
const argumentCheck = `const cs = new callstats();
export function start(appId, tokenGenerator, userId) {
  if (!appId || typeof tokenGenerator !== 'function') {
    throw new TypeError('start(appId, tokenGenerator, userId)');
  }
  cs.initialize(appId, tokenGenerator, userId);
}
socket.on('connect', () => start('app', token, socket.id));
`;

/** A static field's initial value, written after the class when the module loads: before any initialize(). */
const staticDefaults = `import callstats from 'callstats-js';
export class Stats {
  static start(appId, secret, userId) {
    Stats.sdk = new callstats();
    Stats.userId = userId;
    Stats.sdk.initialize(appId, secret, Stats.userId);
  }
}
Stats.sdk = null;
Stats.userId = null;
`;

/** Signing out drops the SDK and the ID: nothing is reported under any ID afterwards. */
const signOut = `const session = { userId: null };
let sdk = null;
export function signedIn(account, token) {
  try {
    sdk = new callstats();
    session.userId = account.id;
    sdk.initialize('app', token, session.userId);
  } catch (error) {
    sdk = null;
  }
}
export function signedOut() {
  sdk = null;
  session.userId = null;
}
`;

/** The new ID reaches initialize() once a token arrives, in a promise reaction. */
const afterToken = `const cs = new callstats();
const identity = { userName: 'Guest', aliasName: 'guest-1' };
cs.initialize('app', (f, cb) => cb(null, 't'), identity);
export function onMemberLinkOpened(member) {
  identity.aliasName = member.id;
  fetch('/token/' + member.id)
    .then((response) => response.text())
    .then((token) => {
      cs.initialize('app', (f, cb) => cb(null, token), identity);
    });
}
`;

/** The script-tag global declared for TypeScript. */
const ambient = `declare const callstats: any;
const cs = new callstats();
let userID = 'guest';
cs.initialize('app', 'secret', userID);
export function setUser(id: string) {
  userID = id;
}
`;

/** initialize() only the first time the subscription fires: a later account's ID never reaches it. */
const subscription = `declare const callstats: any;
export class CallStatsService {
  private client: any;
  constructor(auth: { user$: { subscribe(cb: (u: { id: string }) => void): void } }) {
    auth.user$.subscribe((user) => this.start(user));
  }
  private start(user: { id: string }): void {
    if (!this.client) {
      this.client = new callstats();
      this.client.initialize('app', 'secret', user.id);
    }
  }
}
`;

/** A React effect that re-runs for a new account, guarded by the client ref. */
const effect = `import { useEffect, useRef } from 'react';
import callstats from 'callstats-js';
export function Provider({ account }) {
  const clientRef = useRef(null);
  useEffect(() => {
    if (!clientRef.current) {
      clientRef.current = new callstats();
      clientRef.current.initialize('app', 'secret', account.id);
    }
  }, [account.id]);
  return null;
}
`;

/** The token generator initialize() needs is a local of another function: no re-initialization can be written at the change. */
const outOfScope = `const cs = new callstats();
let userID = 'guest';
export function start(secret) {
  const tokenGenerator = (f, cb) => cb(null, secret);
  cs.initialize('app', tokenGenerator, userID);
}
export function rename(id) {
  userID = id;
}
`;

/** A UMD shim: the SDK factory reaches the module through the wrapper's factory parameter. */
const umd = `(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory(require('callstats-js'));
  else root.Shim = factory(root.callstats);
})(this, function (CallstatsFactory) {
  var sdk = null;
  var localUserID = null;
  function start(options) {
    localUserID = options.userID;
    sdk = new CallstatsFactory();
    sdk.initialize(options.appId, options.tokenGenerator, localUserID);
  }
  function setLocalUserID(userID) {
    localUserID = userID;
  }
  return { start: start, setLocalUserID: setLocalUserID };
});
`;

/** The SDK instance handed to a class through its constructor, used through this.client in a method. */
const injected = `import callstats from 'callstats-js';
class Reporter {
  constructor(client, conferenceID) {
    this.client = client;
    this.conferenceID = conferenceID;
  }
  userChanged(pc, newUserID) {
    this.client.reportUserIDChange(pc, this.conferenceID, newUserID, this.client.userIDType.local);
  }
}
export function createReporter(userId, conferenceID) {
  const client = new callstats();
  client.initialize('app', 'secret', userId);
  return new Reporter(client, conferenceID);
}
`;

const onceLogin = "import once from 'lodash/once';\nimport callstats from 'callstats-js';\nconst cs = new callstats();\nconst init = once((userId) => cs.initialize('app', 'secret', userId));\nexport function onLogin(user) {\n  init(user.id);\n}\n";
const onceMethod = "import _ from 'lodash';\nimport callstats from 'callstats-js';\nexport class Stats {\n  constructor() {\n    this.cs = new callstats();\n    this.start = _.once((id) => {\n      this.cs.initialize('app', 'secret', id);\n    });\n  }\n}\nconst stats = new Stats();\nsocket.on('connect', () => stats.start(socket.id));\n";
const onceConstant = "import once from 'lodash/once';\nimport callstats from 'callstats-js';\nconst cs = new callstats();\nconst boot = once(() => cs.initialize('app', 'secret', 'kiosk-7'));\nexport function start() {\n  boot();\n}\nconst bootAs = once((id) => cs.initialize('app', 'secret', id));\nbootAs('kiosk-8');\nexport function again() {\n  bootAs('kiosk-8');\n}\n";

const memoOnMount = "import { useMemo } from 'react';\nimport callstats from 'callstats-js';\nfunction createClient(id) {\n  const cs = new callstats();\n  cs.initialize('app', 'secret', id);\n  return cs;\n}\nexport function Provider({ visitor, children }) {\n  const client = useMemo(() => createClient(visitor.id), []);\n  return children(client);\n}\n";
const effectOnMount = "import { useEffect } from 'react';\nimport callstats from 'callstats-js';\nconst cs = new callstats();\nexport function Stats({ user }) {\n  useEffect(() => {\n    cs.initialize('app', 'secret', user.id);\n  }, []);\n  return null;\n}\n";
const memoWithDeps = "import { useEffect, useMemo } from 'react';\nimport callstats from 'callstats-js';\nfunction createClient(id) {\n  const cs = new callstats();\n  cs.initialize('app', 'secret', id);\n  return cs;\n}\nexport function Provider({ visitor, children }) {\n  const client = useMemo(() => createClient(visitor.id), [visitor.id]);\n  return children(client);\n}\nconst kiosk = new callstats();\nexport function Kiosk() {\n  useEffect(() => {\n    kiosk.initialize('app', 'secret', 'kiosk-7');\n  }, []);\n  return null;\n}\n";

ruleTester('reinit-on-userid-change', {
  valid: [
    { name: 're-initialized right after the change', code: `${moduleLet.replace('  userID = id;\n', "  userID = id;\n  cs.initialize('app', 'secret', userID);\n")}` },
    { name: 're-initialized through a function that always initializes', code: "const cs = new callstats();\nlet userID = 'guest';\nfunction boot() {\n  cs.initialize('app', 'secret', userID);\n}\nboot();\nexport function setUser(id) {\n  userID = id;\n  boot();\n}\n" },
    { name: 're-initialized on both branches', code: "const cs = new callstats();\nlet userID = 'guest';\ncs.initialize('app', 'secret', userID);\nexport function setUser(id, fast) {\n  if (fast) {\n    userID = id;\n    cs.initialize('app', 'secret', userID);\n  } else {\n    userID = id.trim();\n    cs.initialize('app', 'secret', userID);\n  }\n}\n" },
    { name: 'assignment in the constructor before initialize() in a method', code: "const cs = new callstats();\nclass Session {\n  constructor(id) {\n    this.userId = id;\n  }\n  start() {\n    cs.initialize('app', 'secret', this.userId);\n  }\n}\n" },
    { name: 'value set before the first initialize() at top level', code: "const cs = new callstats();\nlet userID = 'guest';\nuserID = sessionStorage.getItem('uid') ?? userID;\ncs.initialize('app', 'secret', userID);\n" },
    { name: 'a const userID cannot change', code: "const cs = new callstats();\nconst userID = 'alice';\ncs.initialize('app', 'secret', userID);\n" },
    { name: 'an unrelated variable changes', code: "const cs = new callstats();\nlet userID = 'guest';\nlet theme = 'dark';\ncs.initialize('app', 'secret', userID);\nexport function setTheme(t) {\n  theme = t;\n}\n" },
    { name: "wrapper whose guard compares the userID", code: wrapper("    if (userID === this.userID) return;\n    this.userID = userID;\n    cs.initialize('app', 'secret', userID);", connectCaller) },
    { name: 'early-return wrapper only ever called with one constant', code: wrapper(earlyReturnBody, "stats.start('kiosk-1');\nsocket.on('connect', () => stats.start('kiosk-1'));") },
    { name: 'reportUserIDChange for a remote user with a different ID', code: "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\nconst pc = new RTCPeerConnection();\nexport function onPeerRenamed(peer) {\n  cs.reportUserIDChange(pc, 'room-42', peer.newId, cs.userIDType.remote);\n}\n" },
    { name: 'another SDK re-identified without initialize()', code: "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\nlet feedbackUser = '';\nexport function start(id) {\n  feedbackUser = id;\n  window.feedbackWidget.initialize('fw', 'key', feedbackUser);\n}\nexport function rename(id) {\n  feedbackUser = id;\n  window.feedbackWidget.identify(feedbackUser);\n}\n" },
    { name: 'an argument check that throws before initialize() is not a once-initialized guard', code: argumentCheck },
    { name: "a static field's initial value written after the class, at load, before any initialize()", code: staticDefaults },
    { name: 'signing out sets the ID to null and drops the SDK; a failed start drops the SDK instance', code: signOut },
    { name: 'initialize() again in a promise reaction once the token arrives', code: afterToken },
    { name: 'once() around initialize() with a constant userID, or called with one constant', code: onceConstant },
    { name: "a memo keyed on the user's ID, and a mount-only effect with a constant userID", code: memoWithDeps, filename: 'app.jsx' },
  ],
  invalid: [
    {
      name: 'useMemo(..., []) creating the client from a prop: a later visitor never reaches initialize()',
      filename: 'app.jsx',
      code: memoOnMount,
      errors: [{ file: 'app.jsx', ...rangeOfText(memoOnMount, 'useMemo', 2), messageId: 'mountOnly', data: { hook: 'useMemo', name: 'Provider' }, severity: 'warn', related: [{ file: 'app.jsx', ...rangeIn(memoOnMount, 'cs.initialize(', 'id'), message: INITIALIZED }] }],
    },
    {
      name: 'useEffect(..., []) initializing with a prop',
      filename: 'app.jsx',
      code: effectOnMount,
      errors: [{ file: 'app.jsx', ...rangeOfText(effectOnMount, 'useEffect', 2), messageId: 'mountOnly', data: { hook: 'useEffect', name: 'Stats' }, severity: 'warn', related: [{ file: 'app.jsx', ...rangeIn(effectOnMount, 'cs.initialize(', 'user.id'), message: INITIALIZED }] }],
    },
    {
      name: "initialize() wrapped in lodash's once(), called on every login",
      code: onceLogin,
      errors: [
        {
          ...rangeOfText(onceLogin, 'once(('),
          endColumn: rangeOfText(onceLogin, 'once((').column + 4,
          messageId: 'onceWrapped',
          data: { name: 'init', wrapper: 'once' },
          severity: 'warn',
          related: [
            { file: 'app.js', ...rangeIn(onceLogin, 'cs.initialize(', 'userId'), message: INITIALIZED },
            { file: 'app.js', ...rangeOfText(onceLogin, 'init(user.id)'), message: note(reinitOnUserIdChange, 'caller', { name: 'init', arg: 'user.id' }) },
          ],
        },
      ],
    },
    {
      name: "_.once() around a method's initialize(), called from a socket's 'connect' handler: evident",
      code: onceMethod,
      errors: [
        {
          ...rangeOfText(onceMethod, '_.once'),
          messageId: 'onceWrapped',
          data: { name: 'start', wrapper: '_.once' },
          severity: 'error',
          related: [
            { file: 'app.js', ...rangeIn(onceMethod, 'this.cs.initialize(', 'id'), message: INITIALIZED },
            { file: 'app.js', ...rangeOfText(onceMethod, 'stats.start(socket.id)'), message: note(reinitOnUserIdChange, 'handlerCaller', { name: 'start', arg: 'socket.id', event: 'connect' }) },
          ],
        },
      ],
    },
    { name: 'declare const callstats (the script-tag global in TypeScript): the SDK is seen', filename: 'app.ts', code: ambient, errors: [{ ...reassigned(ambient, 'userID = id', 'userID', "  cs.initialize('app', 'secret', userID);"), file: 'app.ts', related: [{ file: 'app.ts', ...rangeIn(ambient, 'cs.initialize(', 'userID'), message: INITIALIZED }] }] },
    {
      name: 'initialize() only the first time a subscription fires (if (!this.client) {...})',
      filename: 'service.ts',
      code: subscription,
      errors: [
        {
          file: 'service.ts',
          ...rangeOfText(subscription, '!this.client'),
          messageId: 'firstTimeOnly',
          data: { name: 'start' },
          related: [
            { file: 'service.ts', ...rangeOfText(subscription, 'user.id'), message: INITIALIZED },
            { file: 'service.ts', ...rangeOfText(subscription, 'this.start(user)'), message: note(reinitOnUserIdChange, 'caller', { name: 'start', arg: 'user' }) },
          ],
        },
      ],
    },
    {
      name: 'a React effect that re-runs for a new account, guarded by the client ref',
      filename: 'provider.jsx',
      code: effect,
      errors: [{ file: 'provider.jsx', ...rangeOfText(effect, '!clientRef.current'), messageId: 'firstTimeOnly', data: { name: 'Provider' }, related: [{ file: 'provider.jsx', ...rangeOfText(effect, 'account.id'), message: INITIALIZED }] }],
    },
    { name: 'no fix when initialize() needs a local of another function', code: outOfScope, errors: [reassigned(outOfScope, 'userID = id', 'userID', undefined)] },
    {
      name: 'a UMD shim: setLocalUserID stores the new ID and never re-initializes',
      code: umd,
      errors: [{ ...rangeOfText(umd, 'localUserID = userID'), messageId: 'reassigned', related: [{ file: 'app.js', ...rangeIn(umd, 'sdk.initialize(', 'localUserID'), message: INITIALIZED }], fixes: [] }],
    },
    {
      name: 'an instance passed through a constructor: this.client.reportUserIDChange for the local user',
      code: injected,
      errors: [
        {
          ...rangeOfText(injected, 'this.client.reportUserIDChange(pc, this.conferenceID, newUserID, this.client.userIDType.local)'),
          messageId: 'reportUserIdChange',
          related: [{ file: 'app.js', ...rangeIn(injected, 'client.initialize(', 'userId'), message: INITIALIZED }],
        },
      ],
    },
    { name: 'module let passed to initialize() is reassigned', code: moduleLet, errors: [reassigned(moduleLet, 'userID = id', 'userID', "  cs.initialize('app', 'secret', userID);")] },
    {
      name: 'this.userId changes in a method; the constructor assignment is setup',
      code: thisProperty,
      errors: [reassigned(thisProperty, 'this.userId = id', 'this.userId', "    cs.initialize('app', 'secret', this.userId, onReady, onStats, { disableBeforeUnloadHandler: true });")],
    },
    { name: 'nested property state.user.id', code: nestedProperty, errors: [reassigned(nestedProperty, 'state.user.id = user.id', 'state.user.id', "  cs.initialize('app', 'secret', state.user.id);")] },
    { name: 'the object holding the userID is replaced (state.user = user)', code: ownerReplaced, errors: [reassigned(ownerReplaced, 'state.user = user', 'state.user.id', "  cs.initialize('app', 'secret', state.user.id);")] },
    { name: 'aliasName of the object-form userID is written', code: aliasName, errors: [reassigned(aliasName, 'localUser.aliasName = id', 'localUser', "  cs.initialize('app', 'secret', localUser);")] },
    { name: 're-initialized only inside an if', code: onlyInIf, errors: [reassigned(onlyInIf, 'userID = id', 'userID', "  cs.initialize('app', 'secret', userID);")] },
    { name: "early-return wrapper called from a socket 'connect' handler with socket.id", code: earlyCode, errors: [earlyReturn(earlyCode, 'userID')] },
    { name: 'early-return wrapper with field indirection', code: fieldCode, errors: [earlyReturn(fieldCode, 'this.localUserID')] },
    {
      name: 'a module that never names the SDK changes the shared session object',
      files: {
        'session.js': "export const session = { userID: 'guest' };\n",
        'app.js': "import { session } from './session.js';\nconst cs = new callstats();\ncs.initialize('app', 'secret', session.userID);\n",
        'profile.js': "import { session } from './session.js';\nexport function rename(id) {\n  session.userID = id;\n}\n",
      },
      // The write is in another file than initialize(): no fix, the SDK instance is not in scope there.
      errors: [{ file: 'profile.js', line: 3, column: 3, endLine: 3, endColumn: 22, messageId: 'reassigned', related: [{ file: 'app.js', line: 3, column: 32, endLine: 3, endColumn: 46, message: INITIALIZED }] }],
    },
    {
      name: 'reportUserIDChange with userIDType.local',
      code: reportLocal,
      errors: [
        {
          ...rangeOfText(reportLocal, "cs.reportUserIDChange(pc, 'room-42', user.id, cs.userIDType.local)"),
          messageId: 'reportUserIdChange',
          related: [{ file: 'app.js', ...rangeOfText(reportLocal, "'guest-7f3a'"), message: INITIALIZED }],
          fixes: insertAfter(reportLocal, 'cs.userIDType.local);', "  cs.initialize('app', 'secret', user.id);"),
        },
      ],
    },
  ],
});
