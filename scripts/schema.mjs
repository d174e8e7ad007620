// Writes the rule entries of schemas/callstatslintrc.schema.json from the rule registry, so the editor's schema never drifts.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(mkdtempSync(join(tmpdir(), 'callstats-lint-schema-')), 'rules.cjs');
esbuild.buildSync({ entryPoints: [join(root, 'server/src/rules/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, packages: 'external', logLevel: 'error' });
const { RULES } = createRequire(join(root, 'package.json'))(out);
const file = join(root, 'schemas/callstatslintrc.schema.json');
const schema = JSON.parse(readFileSync(file, 'utf8'));
schema.properties.rules.properties = Object.fromEntries(
  RULES.map((r) => [r.id, { $ref: '#/definitions/severity', description: `${r.description}. Default: ${r.defaultSeverity}.` }]),
);
writeFileSync(file, JSON.stringify(schema, null, 2) + '\n');
