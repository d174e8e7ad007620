// Receivers: the SDK instance is found by following values from the factory (globals, imports, aliases, fields, modules), never by name.
import { rangeOfText } from '../helpers/lint.js';
import { replaced, ruleTester, sha1Hex, type InvalidCase } from '../helpers/rule-tester.js';

const PROBE = "'x'.repeat(300)";
const USER_MESSAGE = { messageId: 'bytes', data: { label: 'userID', bytes: 300, chars: 300, limit: 256 } };

/** A case whose `file` (default app.js) passes a 300-byte userID through `initialize()` on the receiver under test. */
function reached(name: string, files: Record<string, string>, file = 'app.js'): InvalidCase {
  const code = files[file];
  return {
    name,
    files,
    errors: [{ file, ...rangeOfText(code, PROBE), ...USER_MESSAGE, fixes: [{ title: 'Replace the value with its SHA-1 hex digest', kind: 'suggestion', output: replaced(code, PROBE, `'${sha1Hex('x'.repeat(300))}'`) }] }],
  };
}

const one = (name: string, code: string) => reached(name, { 'app.js': code });
const INIT = `initialize('app', 'secret', ${PROBE})`;

ruleTester('id-max-bytes', {
  valid: [
    { name: 'a local object named callstats is not the SDK', code: `const callstats = { initialize() {} };\ncallstats.${INIT};\n` },
    { name: 'a local class named callstats is not the SDK', code: `class callstats { initialize() {} }\nnew callstats().${INIT};\n` },
    { name: "an app module's default export named callstats is not the SDK", files: { 'fake.js': 'export default { initialize() {} };\n', 'app.js': `import callstats from './fake.js';\ncallstats.${INIT};\n` } },
    { name: 'a parameter named callstats with unknown callers', code: `export function start(callstats) {\n  callstats.${INIT};\n}\n` },
    { name: 'another package', code: `import callstats from 'callstats-lookalike';\nnew callstats().${INIT};\n` },
    { name: 'a named import from the SDK package is not its factory', code: `import { helper } from 'callstats-js';\nnew helper().${INIT};\n` },
    { name: 'an instance-like variable name alone', code: `const csObject = makeSomethingElse();\ncsObject.${INIT};\ncsObject.addNewFabric(pc, ${PROBE}, 'multiplex', 'room');\n` },
  ],
  invalid: [
    one('new callstats()', `const cs = new callstats();\ncs.${INIT};\n`),
    one('callstats() without new', `const cs = callstats();\ncs.${INIT};\n`),
    one('new window.callstats()', `const cs = new window.callstats();\ncs.${INIT};\n`),
    one('old-style constructor arguments', `const cs = new callstats($, io, jsSHA);\ncs.${INIT};\n`),
    one('window.callstats used as the object', `window.callstats.${INIT};\n`),
    one("import callstats from 'callstats-js'", `import callstats from 'callstats-js';\nconst cs = new callstats();\ncs.${INIT};\n`),
    one("import cs from 'callstats-js/callstats.min'", `import cs from 'callstats-js/callstats.min';\nconst client = new cs();\nclient.${INIT};\n`),
    one("const CS = require('callstats-js')", `const CS = require('callstats-js');\nconst client = new CS();\nclient.${INIT};\n`),
    one('TypeScript: casts and non-null assertions around the receiver', `import callstats from 'callstats-js';\nconst cs = new callstats() as any;\n(cs as any)!.${INIT};\n`),
    one(
      'alias of the factory, instance stored on an object in one function, used in another',
      `const Backend = callstats;\nconst CallStats = {};\nfunction setup() {\n  CallStats.backend = new Backend();\n}\nfunction start() {\n  CallStats.backend.${INIT};\n}\n`,
    ),
    one('class field assigned in the constructor, used in a method', `class Stats {\n  constructor() {\n    this._callstats = new callstats();\n  }\n  start() {\n    this._callstats.${INIT};\n  }\n}\n`),
    one('class property initializer, used in a method', `class Stats {\n  _callstats = new callstats();\n  start() {\n    this._callstats.${INIT};\n  }\n}\n`),
    one('object property analytics.client', `const analytics = { client: new callstats() };\nanalytics.client.${INIT};\n`),
    one('object property assigned later', `const analytics = {};\nexport function boot() {\n  analytics.client = new callstats();\n}\nexport function start() {\n  analytics.client.${INIT};\n}\n`),
    one('a factory function of the app returning the instance', `function makeStats() {\n  return new callstats();\n}\nconst cs = makeStats();\ncs.${INIT};\n`),
    one('an arrow factory', `const makeStats = () => new callstats();\nmakeStats().${INIT};\n`),
    reached('instance exported (named) and imported in another module', {
      'stats.js': 'export const csObject = new callstats();\n',
      'app.js': `import { csObject } from './stats.js';\ncsObject.${INIT};\n`,
    }),
    reached('instance exported as default and imported', {
      'stats.js': 'export default new callstats();\n',
      'app.js': `import cs from './stats.js';\ncs.${INIT};\n`,
    }),
    reached('namespace import of the module holding the instance', {
      'stats.js': 'export const csObject = new callstats();\n',
      'app.js': `import * as stats from './stats.js';\nstats.csObject.${INIT};\n`,
    }),
    reached('renamed import through a re-export', {
      'stats.js': 'export const csObject = new callstats();\n',
      'index.js': "export { csObject as client } from './stats.js';\n",
      'app.js': `import { client } from './index.js';\nclient.${INIT};\n`,
    }),
    reached('CommonJS module.exports = instance', {
      'stats.js': 'module.exports = new callstats();\n',
      'app.js': `const cs = require('./stats.js');\ncs.${INIT};\n`,
    }),
    reached('CommonJS exports.client', {
      'stats.js': 'exports.client = new callstats();\n',
      'app.js': `const { client } = require('./stats.js');\nclient.${INIT};\n`,
    }),
    reached('CommonJS module.exports = { client }', {
      'stats.js': 'const client = new callstats();\nmodule.exports = { client };\n',
      'app.js': `const stats = require('./stats');\nstats.client.${INIT};\n`,
    }),
    reached('TypeScript module importing a JavaScript one by its .js name', {
      'stats.ts': "import callstats from 'callstats-js';\nexport const csObject = new callstats();\n",
      'app.ts': `import { csObject } from './stats.js';\ncsObject.${INIT};\n`,
    }, 'app.ts'),
    reached('instance passed as an argument to a function of the app', {
      'app.js': `const cs = new callstats();\nfunction start(client, id) {\n  client.initialize('app', 'secret', id);\n}\nstart(cs, ${PROBE});\n`,
    }),
    {
      name: 'the enum sign: x.addNewFabric(pc, id, x.fabricUsage.multiplex, conf) with x unknown',
      code: `export function track(x, pc) {\n  x.addNewFabric(pc, ${PROBE}, x.fabricUsage.multiplex, 'room');\n}\n`,
      errors: [
        {
          ...rangeOfText(`export function track(x, pc) {\n  x.addNewFabric(pc, ${PROBE}, x.fabricUsage.multiplex, 'room');\n}\n`, PROBE),
          messageId: 'bytes',
          data: { label: 'remoteUserID', bytes: 300, chars: 300, limit: 256 },
          fixes: [{ title: 'Replace the value with its SHA-1 hex digest', kind: 'suggestion', output: `export function track(x, pc) {\n  x.addNewFabric(pc, '${sha1Hex('x'.repeat(300))}', x.fabricUsage.multiplex, 'room');\n}\n` }],
        },
      ],
    },
  ],
});
