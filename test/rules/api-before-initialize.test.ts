// Rule api-before-initialize: calls earlier in the same sequence, initialize() in callbacks and after awaits, never-initialized instances, and the silent cases.
import { apiBeforeInitialize } from '../../server/src/rules/api-before-initialize.js';
import { rangeIn, rangeOfText } from '../helpers/lint.js';
import { note, ruleTester } from '../helpers/rule-tester.js';

const IMPORT = "import callstats from 'callstats-js';\nconst cs = new callstats();\n";
const INIT = "cs.initialize('app', 'secret', 'alice')";
const FABRIC = "cs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room')";

const before = (method: string, later: boolean) => ({ messageId: later ? 'laterInSequence' : 'laterInCallback', data: { method } });
const initializedHere = note(apiBeforeInitialize, 'initializedHere');
const reachedFrom = (method: string) => note(apiBeforeInitialize, 'reachedFrom', { method });
const calledHere = (method: string) => note(apiBeforeInitialize, 'calledHere', { method });
const initRelated = (code: string, init = INIT, occurrence = 1) => ({ file: 'app.js', ...rangeOfText(code, init, occurrence), message: initializedHere });
const reached = (code: string, text: string, method = 'addNewFabric') => ({ file: 'app.js', ...rangeOfText(code, text), message: reachedFrom(method) });
/** The method name of the `occurrence`-th call `cs.<method>(`. */
const methodAt = (code: string, method: string, occurrence = 1) => {
  const range = rangeOfText(code, `cs.${method}(`, occurrence);
  return { ...range, column: range.column + 3, endColumn: range.column + 3 + method.length };
};

const topLevel = `${IMPORT}const pc = new RTCPeerConnection();\n${FABRIC};\n${INIT};\n`;
const thenCallback = `${IMPORT}export function start(pc) {\n  fetch('/token')\n    .then((response) => response.text())\n    .then((token) => cs.initialize('app', () => token, 'alice'));\n  ${FABRIC};\n}\n`;
const asyncBoot = `${IMPORT}async function boot() {\n  const token = await fetchToken();\n  cs.initialize('app', token, 'alice');\n}\nfunction setup(pc) {\n  ${FABRIC};\n}\nexport function main(pc) {\n  boot();\n  setup(pc);\n}\nexport async function mainAwaited(pc) {\n  await boot();\n  setup(pc);\n}\n`;
const loadHandler = `${IMPORT}window.addEventListener('load', () => ${INIT});\nconst pc = new RTCPeerConnection();\ncs.sendCustomEvent(pc, 'room', []);\n`;
const syncCallbacks = `${IMPORT}export function start(pc, users) {\n  users.forEach((u) => cs.associateMstWithUserID(pc, u, 'room', 1, 'camera'));\n  ${INIT};\n}\n`;
const never = `${IMPORT}export function join(pc) {\n  ${FABRIC};\n  cs.sendFabricEvent(pc, cs.fabricEvent.audioMute, 'room');\n}\n`;
const neverOne = `${IMPORT}export function join(pc) {\n  ${FABRIC};\n  ${FABRIC};\n}\n`;
const classField = `${IMPORT}class Stats {\n  constructor() {\n    this.cs = new callstats();\n  }\n  start(pc, token) {\n    this.cs.addNewFabric(pc, 'bob', this.cs.fabricUsage.multiplex, 'room');\n    this.cs.initialize('app', token, 'alice');\n  }\n}\nexport const stats = new Stats();\n`;
const page = `<script src="https://api.callstats.io/static/callstats.min.js"></script>\n<script>\n  var cs = new callstats();\n  var pc = new RTCPeerConnection();\n  ${FABRIC};\n</script>\n<script>\n  ${INIT};\n</script>\n`;

ruleTester('api-before-initialize', {
  valid: [
    { name: 'initialize() first, at the top level', code: `${IMPORT}${INIT};\nconst pc = new RTCPeerConnection();\n${FABRIC};\n` },
    { name: 'initialize() at module load, fabrics in a function that runs later', code: `${IMPORT}${INIT};\nexport function join(pc) {\n  ${FABRIC};\n}\n` },
    { name: 'initialize() in an app start function, the call in an event handler', code: `${IMPORT}export function startApp() {\n  ${INIT};\n}\nexport function join(pc) {\n  pc.ontrack = () => cs.associateMstWithUserID(pc, 'bob', 'room', 1, 'camera');\n}\n` },
    { name: 'calls allowed before initialize(): on, setProxyConfig, precall tests, TURN credentials', code: `${IMPORT}cs.on('stats', console.log);\ncs.setProxyConfig({ collectorURL: 'https://proxy.example.com' });\ncs.makePrecallTest();\ncs.getTurnCredentials('app', 'secret');\n${INIT};\n` },
    { name: 'awaiting the async function that initializes', code: `${IMPORT}async function boot() {\n  const token = await fetchToken();\n  cs.initialize('app', token, 'alice');\n}\nexport async function main(pc) {\n  await boot();\n  ${FABRIC};\n}\n` },
    { name: 'awaiting the token before initialize() in the same function', code: `${IMPORT}export async function start(pc) {\n  const token = await fetchToken();\n  cs.initialize('app', token, 'alice');\n  ${FABRIC};\n}\n` },
    { name: 'an await between the callback set-up and the call', code: `${IMPORT}export async function start(pc) {\n  fetchToken().then((token) => cs.initialize('app', token, 'alice'));\n  await negotiate(pc);\n  ${FABRIC};\n}\n` },
    { name: 'a call under a readiness guard', code: `${IMPORT}let ready = false;\nexport function join(pc) {\n  if (ready) {\n    ${FABRIC};\n    return;\n  }\n  ${INIT};\n  ready = true;\n}\n` },
    { name: 'a return between the call and initialize()', code: `${IMPORT}export function join(pc, guest) {\n  ${FABRIC};\n  if (guest) return;\n  ${INIT};\n}\n` },
    { name: 'another initialize() the function does not lead to', code: `${IMPORT}export function onLogin(pc, user) {\n  ${FABRIC};\n  cs.initialize('app', 'secret', user.id);\n}\nexport function boot() {\n  ${INIT};\n}\n` },
    { name: 'initialize() in a callback of an unknown function', code: `${IMPORT}export function start(pc) {\n  withToken((token) => cs.initialize('app', token, 'alice'));\n  ${FABRIC};\n}\n` },
    { name: 'an exported instance may be initialized elsewhere', code: `import callstats from 'callstats-js';\nexport const cs = new callstats();\nexport function join(pc) {\n  ${FABRIC};\n}\n` },
    { name: 'an instance passed on may be initialized elsewhere', code: `${IMPORT}setUp(cs);\nexport function join(pc) {\n  ${FABRIC};\n}\n` },
    { name: 'a classic script: its top-level instance is a global', code: `var cs = new callstats();\nfunction join(pc) {\n  ${FABRIC};\n}\n` },
    { name: "a Vue component: its template sees the instance", code: `<template>\n  <Stats :client="cs" />\n</template>\n<script setup>\n${IMPORT}const pc = new RTCPeerConnection();\n${FABRIC};\n</script>\n`, filename: 'Call.vue', only: ['Call.vue'] },
    {
      name: 'an instance initialized in another module',
      files: {
        'stats.js': "import callstats from 'callstats-js';\nexport const cs = new callstats();\n",
        'boot.js': `import { cs } from './stats.js';\n${INIT};\n`,
        'app.js': `import { cs } from './stats.js';\nexport function join(pc) {\n  ${FABRIC};\n}\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'top level: the fabric is added before initialize()',
      code: topLevel,
      errors: [{ ...methodAt(topLevel, 'addNewFabric'), ...before('addNewFabric', true), related: [initRelated(topLevel)] }],
    },
    {
      name: 'initialize() in a .then() callback after a token fetch, the fabric right after',
      code: thenCallback,
      errors: [{ ...methodAt(thenCallback, 'addNewFabric'), ...before('addNewFabric', false), related: [initRelated(thenCallback, "cs.initialize('app', () => token, 'alice')")] }],
    },
    {
      name: 'an async function that awaits before initialize(), called without await before a function adding the fabric',
      code: asyncBoot,
      errors: [
        {
          ...methodAt(asyncBoot, 'addNewFabric'),
          ...before('addNewFabric', false),
          related: [{ file: 'app.js', ...rangeIn(asyncBoot, '  boot();', 'setup(pc)'), message: reachedFrom('addNewFabric') }, initRelated(asyncBoot, "cs.initialize('app', token, 'alice')")],
        },
      ],
    },
    {
      name: "initialize() in a 'load' handler, the call at the top level",
      code: loadHandler,
      errors: [{ ...methodAt(loadHandler, 'sendCustomEvent'), ...before('sendCustomEvent', false), related: [initRelated(loadHandler)] }],
    },
    {
      name: 'a forEach callback runs before the initialize() below it',
      code: syncCallbacks,
      errors: [
        {
          ...methodAt(syncCallbacks, 'associateMstWithUserID'),
          ...before('associateMstWithUserID', true),
          related: [reached(syncCallbacks, "users.forEach((u) => cs.associateMstWithUserID(pc, u, 'room', 1, 'camera'))", 'associateMstWithUserID'), initRelated(syncCallbacks)],
        },
      ],
    },
    {
      name: 'an instance kept in one module and never initialized: one finding at its creation',
      code: never,
      errors: [
        {
          ...rangeIn(never, 'const cs = ', 'new callstats()'),
          messageId: 'neverSeveral',
          data: { methods: 'addNewFabric(), sendFabricEvent()' },
          related: [
            { file: 'app.js', ...rangeOfText(never, FABRIC), message: calledHere('addNewFabric') },
            { file: 'app.js', ...rangeOfText(never, "cs.sendFabricEvent(pc, cs.fabricEvent.audioMute, 'room')"), message: calledHere('sendFabricEvent') },
          ],
        },
      ],
    },
    {
      name: 'a never-initialized instance with one method called (twice): the message names that method',
      code: neverOne,
      errors: [
        {
          ...rangeIn(neverOne, 'const cs = ', 'new callstats()'),
          messageId: 'never',
          data: { method: 'addNewFabric()' },
          related: [
            { file: 'app.js', ...rangeOfText(neverOne, FABRIC), message: calledHere('addNewFabric') },
            { file: 'app.js', ...rangeOfText(neverOne, FABRIC, 2), message: calledHere('addNewFabric') },
          ],
        },
      ],
    },
    {
      name: 'an instance held in a class field',
      code: classField,
      errors: [
        {
          ...rangeIn(classField, 'this.cs.', 'addNewFabric'),
          ...before('addNewFabric', true),
          related: [initRelated(classField, "this.cs.initialize('app', token, 'alice')")],
        },
      ],
    },
    {
      name: "a page: the fabric in one <script>, initialize() in the next",
      code: page,
      filename: 'index.html',
      only: ['index.html'],
      errors: [{ file: 'index.html', ...methodAt(page, 'addNewFabric'), ...before('addNewFabric', true), related: [{ file: 'index.html', ...rangeOfText(page, INIT), message: initializedHere }] }],
    },
  ],
});
