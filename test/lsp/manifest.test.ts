// The extension manifest and the .callstatslintrc.json schema agree with the engine and the extension: rule ids, settings, commands, task.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULE_IDS } from '../helpers/lint.js';
import { TOPOLOGIES } from '../../server/src/engine/types.js';
import { LINT_WORKSPACE_COMMAND, SETTINGS_SECTION } from '../../server/src/lsp/protocol.js';
import { ROOT } from './client.js';
import { PROBLEM_MATCHER, RESTART_SERVER_COMMAND, SHOW_OUTPUT_COMMAND, TASK_TYPE } from '../../client/src/contributions.js';

const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'callstatslintrc.schema.json'), 'utf8'));
const settings = manifest.contributes.configuration.properties;
const SYNC = 'the rule list changed: run `node scripts/sync-manifest.mjs`';

test('the schema knows every rule and topology, and nothing else', () => {
  assert.deepEqual(Object.keys(schema.properties.rules.properties), [...RULE_IDS], SYNC);
  assert.deepEqual(schema.properties.topology.enum, [...TOPOLOGIES]);
  assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', 'conferenceServerIds', 'ignores', 'rules', 'topology', 'userIdMaxBytes']);
  assert.equal(schema.additionalProperties, false);
  assert.deepEqual([schema.properties.userIdMaxBytes.minimum, schema.properties.userIdMaxBytes.maximum], [1, 256]);
});

test('every setting is described, read per resource, and matches the schema', () => {
  const keys = ['enable', 'run', 'topology', 'conferenceServerIds', 'userIdMaxBytes', 'rules'].map((k) => `${SETTINGS_SECTION}.${k}`);
  assert.deepEqual(Object.keys(settings), keys);
  for (const key of keys) {
    assert.ok(settings[key].description || settings[key].markdownDescription, `${key} has a description`);
    assert.equal(settings[key].scope, 'resource', `${key} is per resource`);
  }
  assert.deepEqual(Object.keys(settings[`${SETTINGS_SECTION}.rules`].properties), [...RULE_IDS], SYNC);
  assert.deepEqual(settings[`${SETTINGS_SECTION}.topology`].enum, [...TOPOLOGIES]);
});

test('the command, the JSON validation and the entry point are declared', () => {
  assert.deepEqual(
    manifest.contributes.commands.map((c: { command: string; title: string; category: string }) => `${c.category}: ${c.title} (${c.command})`),
    [
      `Callstats Lint: Lint Workspace (${LINT_WORKSPACE_COMMAND})`,
      `Callstats Lint: Restart Server (${RESTART_SERVER_COMMAND})`,
      `Callstats Lint: Show Output (${SHOW_OUTPUT_COMMAND})`,
    ],
  );
  assert.deepEqual(
    manifest.contributes.taskDefinitions.map((t: { type: string }) => t.type),
    [TASK_TYPE],
  );
  assert.deepEqual(
    manifest.contributes.problemMatchers.map((m: { name: string }) => `$${m.name}`),
    [PROBLEM_MATCHER],
  );
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.callstatslintrc.json', url: './schemas/callstatslintrc.schema.json' }]);
  // main is the npm package's API; scripts/package.mjs makes extensionMain the .vsix's main.
  assert.equal(manifest.extensionMain, './dist/extension.js');
  assert.equal(manifest.main, './dist/api.js');
  assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
});
