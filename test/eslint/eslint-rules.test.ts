// The ESLint plugin's rules: their meta comes from the engine's rules, and ESLint's RuleTester gets exactly the engine's findings, fixes and suggestions.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it, test } from 'node:test';
import { RuleTester } from 'eslint';
import plugin from '../../server/src/eslint-plugin.js';
import { publicDocsUrl } from '../../server/src/docs.js';
import { RULES } from '../../server/src/rules/index.js';
import { ROOT, writeTree } from '../helpers/lint.js';
import { CASES } from './cases.js';

RuleTester.describe = describe;
RuleTester.it = it;
(RuleTester as unknown as { itOnly: unknown }).itOnly = it.only;

const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

test('every engine rule is an ESLint rule of the same id, and no other', () => {
  assert.deepEqual(Object.keys(plugin.rules), RULES.map((rule) => rule.meta.id));
});

test('meta: description and docs address from the rule, messages are its messages with their help, no options', () => {
  for (const rule of RULES) {
    const { meta } = plugin.rules[rule.meta.id];
    assert.equal(meta?.type, 'problem');
    assert.deepEqual(meta?.docs, { description: rule.meta.description, recommended: true, ...(PACKAGE.homepage ? { url: publicDocsUrl(rule.meta, PACKAGE.homepage) } : {}) });
    const messages = Object.fromEntries(Object.entries(rule.messages).map(([id, spec]) => [id, `${spec.message}. ${spec.help}`]));
    assert.deepEqual(meta?.messages, { ...messages, callstatsLintProblem: 'callstats-lint could not check this file: {{problem}}' });
    assert.deepEqual(meta?.schema, []);
  }
  // The package names no homepage, so no rule links a page (as SARIF gives no helpUri then).
  assert.equal(PACKAGE.homepage, undefined);
  assert.equal(plugin.rules['id-max-bytes'].meta?.docs?.url, undefined);
});

test('meta: fixable where a rule has a safe fix, hasSuggestions where it has a suggestion', () => {
  const fixable = Object.entries(plugin.rules).filter(([, rule]) => rule.meta?.fixable === 'code').map(([id]) => id);
  const suggesting = Object.entries(plugin.rules).filter(([, rule]) => rule.meta?.hasSuggestions === true).map(([id]) => id);
  assert.deepEqual(fixable, ['id-unicode']);
  assert.deepEqual(suggesting, ['id-max-bytes', 'reinit-on-userid-change', 'remote-userid-topology', 'id-unicode', 'userid-object-shape', 'removed-api', 'conference-id-consistency']);
  for (const [id, rule] of Object.entries(plugin.rules)) {
    const kinds = Object.values(RULES.find((r) => r.meta.id === id)!.meta.fixes).map((fix) => fix.kind);
    assert.equal(rule.meta?.fixable, kinds.includes('safe') ? 'code' : undefined, id);
    assert.equal(rule.meta?.hasSuggestions, kinds.includes('suggestion') ? true : undefined, id);
  }
});

test('configs.recommended: every rule at its default severity (info as warn), on the scripts the CLI lints', () => {
  const { recommended } = plugin.configs;
  assert.equal(recommended.name, 'callstats/recommended');
  assert.deepEqual(recommended.files, ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}']);
  assert.deepEqual(recommended.ignores, ['**/*.d.{ts,mts,cts}']);
  assert.equal(recommended.plugins?.callstats, plugin);
  assert.equal(recommended.languageOptions, undefined, 'the parser is left to the project');
  assert.deepEqual(recommended.rules, {
    'callstats/id-max-bytes': 'error',
    'callstats/reinit-on-userid-change': 'error',
    'callstats/remote-userid-topology': 'warn',
    'callstats/id-empty': 'warn',
    'callstats/id-case-collision': 'warn',
    'callstats/id-unicode': 'warn',
    'callstats/conference-id-reuse': 'warn',
    'callstats/userid-object-shape': 'error',
    'callstats/userid-privacy': 'warn',
    'callstats/removed-api': 'warn',
    'callstats/api-before-initialize': 'warn',
    'callstats/conference-id-consistency': 'warn',
    'callstats/remote-track-association': 'warn',
  });
  assert.equal(RULES.find((rule) => rule.meta.id === 'userid-privacy')!.meta.defaultSeverity, 'info');
});

// The examples are linted as app.js of a project of their own (its .callstatslintrc.json is `{}`):
// RuleTester's text is not on disk, so each case is the engine's unsaved-text path.
const project = writeTree({ '.callstatslintrc.json': '{}' }, 'callstats-eslint-rules-');
const tester = new RuleTester();

for (const rule of RULES) {
  const { id } = rule.meta;
  const cases = CASES[id];
  test(`${id}: the rule page's examples are cases`, () => {
    assert.ok(cases.valid.length > 0 && cases.invalid.length > 0);
  });
  tester.run(id, plugin.rules[id], {
    valid: cases.valid.map((code, i) => ({ name: `correct example ${i + 1}`, code, filename: path.join(project, 'app.js') })),
    invalid: cases.invalid.map(({ code, output, errors }, i) => ({
      name: `incorrect example ${i + 1}`,
      code,
      filename: path.join(project, 'app.js'),
      output: output ?? null,
      errors: errors.map((error) => ({
        ...error,
        data: error.data as Record<string, string>,
        suggestions: error.suggestions ? error.suggestions.map(({ desc, output: suggested }) => ({ desc, output: suggested })) : [],
      })),
    })),
  });
}
