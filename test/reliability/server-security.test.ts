// The linter never runs workspace code: JavaScript configuration files, plugins and the linted files themselves are only read, by the CLI and by the server.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { ROOT, TestClient, tempFolder, uriOf, workspace } from '../lsp/client.js';
import { REPEAT_JS } from '../lsp/fixtures.js';

/** Every file here writes a marker into `markers` if anything ever runs it. */
function hostileWorkspace(): { dir: string; markers: string } {
  const markers = tempFolder('callstats-markers-');
  const cjs = (name: string) => `require('fs').writeFileSync(${JSON.stringify(path.join(markers, name))}, 'ran');\nmodule.exports = { rules: { 'id-max-bytes': 'off' } };\n`;
  const esm = (name: string) => `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(path.join(markers, name))}, 'ran');\nexport default { rules: { 'id-max-bytes': 'off' } };\n`;
  const dir = workspace({
    '.callstatslintrc.js': cjs('callstatslintrc.js'),
    '.callstatslintrc.cjs': cjs('callstatslintrc.cjs'),
    '.callstatslintrc.mjs': esm('callstatslintrc.mjs'),
    'callstats-lint.config.js': cjs('config.js'),
    'callstats-lint.config.mjs': esm('config.mjs'),
    'callstats-lint.config.ts': esm('config.ts'),
    // Imported by the app: linted (read), never loaded.
    'setup.js': cjs('setup.js') + REPEAT_JS,
    'app.js': `require('./setup');\nconst sdk = require('callstats-sdk');\n${REPEAT_JS}`,
    'node_modules/callstats-sdk/index.js': cjs('node_modules-sdk'),
    'node_modules/ts-evil-plugin/index.js': cjs('ts-plugin'),
    'tsconfig.json': JSON.stringify({ compilerOptions: { plugins: [{ name: 'ts-evil-plugin' }] } }),
    'package.json': JSON.stringify({
      name: 'hostile',
      scripts: { prepare: `node -e "require('fs').writeFileSync('${path.join(markers, 'npm-script')}', 'ran')"` },
    }),
  });
  return { dir, markers };
}

const ran = (markers: string) => fs.readdirSync(markers);

test('the CLI reads a workspace full of JavaScript configuration and runs none of it', () => {
  const { dir, markers } = hostileWorkspace();
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'callstats-lint.js'), ...args], { cwd: dir, encoding: 'utf8' });
  const lint = cli('--format', 'json', '.');
  assert.equal(lint.status, 1, lint.stderr);
  const reports = JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
  const findings = reports.flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)} ${m.ruleId}`)).sort();
  // id-max-bytes is still on: the .js configurations that turn it off were not loaded.
  assert.deepEqual(findings.filter((f) => f.endsWith('id-max-bytes')), ['app.js id-max-bytes', 'setup.js id-max-bytes']);
  // Naming a JavaScript file as the configuration reads it as JSON, which it is not.
  const explicit = cli('--config', 'callstats-lint.config.js', 'app.js');
  assert.equal(explicit.status, 2);
  assert.match(explicit.stderr + explicit.stdout, /callstats-lint\.config\.js.*invalid JSON/);
  assert.deepEqual(ran(markers), []);
});

test('the server opens, analyses, hovers, fixes and lints that workspace and runs none of it', async () => {
  const { dir, markers } = hostileWorkspace();
  const client = await TestClient.start({ folders: [dir], pull: true });
  try {
    for (const name of ['app.js', 'setup.js', 'callstats-lint.config.js', '.callstatslintrc.mjs']) {
      const file = path.join(dir, name);
      await client.open(file);
      const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uriOf(file) } });
      const codes = report.kind === 'full' ? report.items.map((d) => d.code) : [];
      assert.deepEqual(codes, name.endsWith('.js') && !name.includes('config') ? ['id-max-bytes'] : [], name);
      await client.request('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 0, character: 3 } });
      await client.request('textDocument/codeAction', {
        textDocument: { uri: uriOf(file) },
        range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } },
        context: { diagnostics: [], only: ['quickfix', 'source.fixAll.callstats-lint'] },
      });
    }
    await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    await client.request('workspace/executeCommand', { command: 'callstats-lint.lintWorkspace', arguments: [] });
    assert.deepEqual(ran(markers), []);
  } finally {
    await client.stop();
  }
});
