// Configuration: discovery upward from a file, .callstatslintrc.json over package.json#callstatsLint, exact ConfigError messages.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, ConfigResolver, defaultConfig, readConfigFile, validateConfig } from '../../server/src/engine/config.js';
import { RULE_IDS } from '../helpers/lint.js';
import { writeTree } from '../helpers/lint.js';

const json = (value: unknown) => JSON.stringify(value);

describe('ConfigResolver discovery', () => {
  test('defaults when nothing is found', () => {
    assert.deepEqual(defaultConfig(), { topology: 'auto', conferenceServerIds: [], userIdMaxBytes: 256, rules: {}, sources: [] });
  });

  test('finds .callstatslintrc.json in a folder above the file', () => {
    const dir = writeTree({ '.callstatslintrc.json': json({ topology: 'mesh' }), 'a/b/app.js': '' });
    const config = new ConfigResolver({ ruleIds: RULE_IDS }).forFile(path.join(dir, 'a/b/app.js'));
    assert.deepEqual(config, { topology: 'mesh', conferenceServerIds: [], userIdMaxBytes: 256, rules: {}, sources: [path.join(dir, '.callstatslintrc.json')] });
  });

  test('the nearest configuration wins and is not merged with ones further up', () => {
    const dir = writeTree({
      '.callstatslintrc.json': json({ topology: 'mesh', conferenceServerIds: ['sfu'] }),
      'a/.callstatslintrc.json': json({ userIdMaxBytes: 128 }),
      'a/b/app.js': '',
      'other.js': '',
    });
    const resolver = new ConfigResolver({ ruleIds: RULE_IDS });
    const nested = resolver.forFile(path.join(dir, 'a/b/app.js'));
    assert.equal(nested.topology, 'auto');
    assert.deepEqual(nested.conferenceServerIds, []);
    assert.equal(nested.userIdMaxBytes, 128);
    assert.deepEqual(nested.sources, [path.join(dir, 'a/.callstatslintrc.json')]);
    assert.equal(resolver.forFile(path.join(dir, 'other.js')).topology, 'mesh');
  });

  test('.callstatslintrc.json is preferred over package.json#callstatsLint in the same folder', () => {
    const dir = writeTree({
      '.callstatslintrc.json': json({ topology: 'sfu-single-pc' }),
      'package.json': json({ name: 'app', callstatsLint: { topology: 'mesh' } }),
      'app.js': '',
    });
    const config = new ConfigResolver({ ruleIds: RULE_IDS }).forFile(path.join(dir, 'app.js'));
    assert.equal(config.topology, 'sfu-single-pc');
    assert.deepEqual(config.sources, [path.join(dir, '.callstatslintrc.json')]);
  });

  test('package.json#callstatsLint is used, and a nearer one wins over a farther .callstatslintrc.json', () => {
    const dir = writeTree({
      '.callstatslintrc.json': json({ topology: 'mesh' }),
      'pkg/package.json': json({ name: 'pkg', callstatsLint: { topology: 'sfu-multi-pc', rules: { 'id-max-bytes': 'warn' } } }),
      'pkg/src/app.js': '',
    });
    const config = new ConfigResolver({ ruleIds: RULE_IDS }).forFile(path.join(dir, 'pkg/src/app.js'));
    assert.equal(config.topology, 'sfu-multi-pc');
    assert.deepEqual(config.rules, { 'id-max-bytes': 'warn' });
    assert.deepEqual(config.sources, [path.join(dir, 'pkg/package.json')]);
  });

  test('a package.json without callstatsLint does not stop the search', () => {
    const dir = writeTree({ '.callstatslintrc.json': json({ topology: 'mesh' }), 'pkg/package.json': json({ name: 'pkg' }), 'pkg/app.js': '' });
    assert.equal(new ConfigResolver({ ruleIds: RULE_IDS }).forFile(path.join(dir, 'pkg/app.js')).topology, 'mesh');
  });

  test('an explicit configFile replaces discovery; overrides go on top, base underneath', () => {
    const dir = writeTree({
      '.callstatslintrc.json': json({ topology: 'mesh' }),
      'custom.json': json({ topology: 'sfu-multi-pc', userIdMaxBytes: 200 }),
      'app.js': '',
    });
    const explicit = new ConfigResolver({ ruleIds: RULE_IDS, configFile: path.join(dir, 'custom.json'), overrides: { userIdMaxBytes: 128 }, base: { conferenceServerIds: ['jvb'] } });
    assert.deepEqual(explicit.forFile(path.join(dir, 'app.js')), {
      topology: 'sfu-multi-pc',
      conferenceServerIds: ['jvb'],
      userIdMaxBytes: 128,
      rules: {},
      sources: [path.join(dir, 'custom.json')],
    });
    const discovered = new ConfigResolver({ ruleIds: RULE_IDS, base: { topology: 'sfu-single-pc', conferenceServerIds: ['jvb'] } }).forFile(path.join(dir, 'app.js'));
    assert.equal(discovered.topology, 'mesh', 'a found file beats the base');
    assert.deepEqual(discovered.conferenceServerIds, ['jvb']);
  });

  test('rule settings merge over the base', () => {
    const dir = writeTree({ '.callstatslintrc.json': json({ rules: { 'id-max-bytes': 'off' } }), 'app.js': '' });
    const config = new ConfigResolver({ ruleIds: RULE_IDS, base: { rules: { 'remote-userid-topology': 'error' } } }).forFile(path.join(dir, 'app.js'));
    assert.deepEqual(config.rules, { 'remote-userid-topology': 'error', 'id-max-bytes': 'off' });
  });

  test('a byte order mark and $schema are accepted', () => {
    const dir = writeTree({ '.callstatslintrc.json': '\uFEFF' + json({ $schema: './schema.json', topology: 'mesh' }), 'app.js': '' });
    assert.equal(new ConfigResolver({ ruleIds: RULE_IDS }).forFile(path.join(dir, 'app.js')).topology, 'mesh');
  });

  test('a broken file throws ConfigError naming the file', () => {
    const dir = writeTree({ '.callstatslintrc.json': '{ "topology": ', 'app.js': '' });
    const file = path.join(dir, '.callstatslintrc.json');
    assert.throws(
      () => new ConfigResolver({ ruleIds: RULE_IDS }).forFile(path.join(dir, 'app.js')),
      (error: unknown) => error instanceof ConfigError && error.file === file && error.message.startsWith(`${file}: invalid JSON: `),
    );
  });

  test('an unreadable explicit file', () => {
    const dir = writeTree({ 'app.js': '' });
    const missing = path.join(dir, 'missing.json');
    assert.throws(() => new ConfigResolver({ ruleIds: RULE_IDS, configFile: missing }).forFile(path.join(dir, 'app.js')), { message: `${missing}: cannot read the file (ENOENT)` });
  });

  test('problems in package.json#callstatsLint name the key', () => {
    const dir = writeTree({ 'package.json': json({ callstatsLint: { topology: 'star' } }) });
    const file = path.join(dir, 'package.json');
    assert.throws(() => readConfigFile(file, RULE_IDS), { message: `${file}#callstatsLint: "topology" must be one of auto, mesh, sfu-multi-pc, sfu-single-pc (got "star")` });
  });
});

describe('validateConfig messages', () => {
  const ALLOWED = 'allowed keys: topology, conferenceServerIds, userIdMaxBytes, rules, ignores';
  const RULES = `known rules: ${RULE_IDS.join(', ')}`;
  const cases: [string, unknown, string][] = [
    ['not an object', [], 'the configuration must be a JSON object'],
    ['null', null, 'the configuration must be a JSON object'],
    ['unknown key', { topolgy: 'mesh' }, `unknown key "topolgy"; ${ALLOWED}`],
    ['bad topology', { topology: 'star' }, '"topology" must be one of auto, mesh, sfu-multi-pc, sfu-single-pc (got "star")'],
    ['conferenceServerIds not an array', { conferenceServerIds: 'jvb' }, '"conferenceServerIds" must be an array of distinct, non-empty strings (got "jvb")'],
    ['conferenceServerIds with an empty string', { conferenceServerIds: ['jvb', ''] }, '"conferenceServerIds" must be an array of distinct, non-empty strings (got ["jvb",""])'],
    ['conferenceServerIds with a number', { conferenceServerIds: [1] }, '"conferenceServerIds" must be an array of distinct, non-empty strings (got [1])'],
    ['conferenceServerIds with a repeated ID', { conferenceServerIds: ['jvb', 'jvb'] }, '"conferenceServerIds" must be an array of distinct, non-empty strings (got ["jvb","jvb"])'],
    ['userIdMaxBytes 0', { userIdMaxBytes: 0 }, '"userIdMaxBytes" must be a whole number from 1 to 256 (got 0)'],
    ['userIdMaxBytes 257', { userIdMaxBytes: 257 }, '"userIdMaxBytes" must be a whole number from 1 to 256 (got 257)'],
    ['userIdMaxBytes 1.5', { userIdMaxBytes: 1.5 }, '"userIdMaxBytes" must be a whole number from 1 to 256 (got 1.5)'],
    ['userIdMaxBytes as a string', { userIdMaxBytes: '128' }, '"userIdMaxBytes" must be a whole number from 1 to 256 (got "128")'],
    ['rules not an object', { rules: ['id-max-bytes'] }, '"rules" must be an object of rule id to "off", "info", "warn" or "error"'],
    ['unknown rule id', { rules: { 'id-max-byte': 'off' } }, `unknown rule "id-max-byte"; ${RULES}`],
    ['bad rule setting', { rules: { 'id-max-bytes': 2 } }, 'rule "id-max-bytes" must be "off", "info", "warn" or "error" (got 2)'],
    ['ESLint-style array setting', { rules: { 'id-max-bytes': ['error'] } }, 'rule "id-max-bytes" must be "off", "info", "warn" or "error" (got ["error"])'],
  ];
  for (const [name, value, problem] of cases) {
    test(name, () => {
      assert.throws(() => validateConfig(value, '/x/.callstatslintrc.json', RULE_IDS), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.equal(error.problem, problem);
        assert.equal(error.message, `/x/.callstatslintrc.json: ${problem}`);
        return true;
      });
    });
  }

  test('without a file the message is the problem alone', () => {
    assert.throws(() => validateConfig({ topology: 1 }, '', RULE_IDS), { message: '"topology" must be one of auto, mesh, sfu-multi-pc, sfu-single-pc (got 1)' });
  });

  test('a rule the linter was given is known, whatever the built-in ones are', () => {
    assert.deepEqual(validateConfig({ rules: { 'my-rule': 'error' } }, 'x', ['my-rule']), { rules: { 'my-rule': 'error' } });
    assert.throws(() => validateConfig({ rules: { 'id-max-bytes': 'error' } }, 'x', ['my-rule']), { message: 'x: unknown rule "id-max-bytes"; known rules: my-rule' });
  });

  test('every valid value passes', () => {
    const config = { topology: 'sfu-multi-pc', conferenceServerIds: ['jvb'], userIdMaxBytes: 1, rules: { 'id-max-bytes': 'info', 'reinit-on-userid-change': 'off', 'remote-userid-topology': 'error' } };
    assert.deepEqual(validateConfig(config, 'x', RULE_IDS), config);
    assert.deepEqual(validateConfig({ userIdMaxBytes: 256 }, 'x', RULE_IDS), { userIdMaxBytes: 256 });
  });
});
