// Writes the rule list (ids and descriptions from server/src/rules/index.ts) into package.json's settings and the .callstatslintrc.json schema.
import * as esbuild from 'esbuild';
import { compilerPlugin } from './compiler-plugin.mjs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'callstats-sync-'));
try {
  await esbuild.build({
    entryPoints: [join(root, 'server/src/rules/index.ts')],
    outfile: join(tmp, 'rules.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    // The rules only touch the compiler when they run: loading them for their metadata needs none of it.
    plugins: [compilerPlugin(root)],
    logLevel: 'warning',
  });
  const RULES = createRequire(import.meta.url)(join(tmp, 'rules.cjs')).RULES.map((rule) => rule.meta);
  const sentence = (text) => (text.endsWith('.') ? text : `${text}.`);

  const manifestFile = join(root, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.contributes.configuration.properties['callstatsLint.rules'].properties = Object.fromEntries(
    RULES.map((r) => [r.id, { type: 'string', enum: ['off', 'info', 'warn', 'error'], description: `${sentence(r.description)} Default: ${r.defaultSeverity}.` }]),
  );
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');

  const schemaFile = join(root, 'schemas/callstatslintrc.schema.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  schema.properties.rules.properties = Object.fromEntries(
    RULES.map((r) => [r.id, { $ref: '#/definitions/severity', description: `${sentence(r.description)} Default: ${r.defaultSeverity}.` }]),
  );
  writeFileSync(schemaFile, JSON.stringify(schema, null, 2) + '\n');
  console.log(`sync-manifest: ${RULES.length} rules written to package.json and schemas/callstatslintrc.schema.json`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
