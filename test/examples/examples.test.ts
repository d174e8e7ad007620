// The example app: the findings on examples/ are exactly the lines marked `// expect: <rule-ids>` on the line before.
import { RULES } from '../../server/src/rules/index.js';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ConfigResolver } from '../../server/src/engine/config.js';
import { Linter } from '../../server/src/engine/linter.js';
import { ROOT, RULE_IDS } from '../helpers/lint.js';

const EXAMPLES = path.join(ROOT, 'examples');
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const EXPECT = /^\s*\/\/\s*expect:\s*(.+?)\s*$/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(full);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** `file:line ruleId` for the line after each `// expect:` comment. */
function expected(files: string[]): string[] {
  const out: string[] = [];
  for (const file of files) {
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    lines.forEach((line, i) => {
      const match = EXPECT.exec(line);
      if (!match) return;
      for (const id of match[1].split(/[\s,]+/).filter(Boolean)) out.push(`${path.relative(EXAMPLES, file)}:${i + 2} ${id}`);
    });
  }
  return out.sort();
}

test('examples/: findings equal the // expect: markers, no missing, no extra', () => {
  const files = sources(EXAMPLES);
  assert.ok(files.length > 0, 'examples has source files');
  const resolver = new ConfigResolver({ ruleIds: RULE_IDS });
  const reports = new Linter({ rules: RULES }).lint({ files, configFor: (file) => resolver.forFile(file) });
  assert.deepEqual(reports.filter((r) => r.problems.length).map((r) => `${r.file}: ${r.problems.join('; ')}`), []);
  const found = reports.flatMap((r) => r.findings.map((f) => `${path.relative(EXAMPLES, f.file)}:${f.range.line} ${f.ruleId}`));
  const want = expected(files);
  assert.ok(want.length > 0, 'the examples mark at least one expected finding');
  const missing = want.filter((w) => !found.includes(w));
  const extra = found.filter((f) => !want.includes(f));
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] });
  assert.deepEqual([...found].sort(), want, 'one finding per marker');
});

test('examples/ uses its own configuration', () => {
  const config = new ConfigResolver({ ruleIds: RULE_IDS }).forFile(path.join(EXAMPLES, 'src', 'bridge.js'));
  assert.deepEqual(config.sources, [path.join(EXAMPLES, '.callstatslintrc.json')]);
});
