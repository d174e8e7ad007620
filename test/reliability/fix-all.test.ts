// The editor's fix-all and the CLI's --fix give the same text: the example app in every line-break style, with a BOM, tabs and astral characters before the edits, through the real server.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig } from '../../server/src/engine/config.js';
import { fixedText, fixFiles } from '../../server/src/engine/fixes.js';
import { isLintableFile } from '../../server/src/engine/files.js';
import { Linter } from '../../server/src/engine/linter.js';
import { fixAll } from '../../server/src/lsp/codeActions.js';
import { defineRule } from '../../server/src/engine/rule.js';
import { ROOT, writeTree } from '../helpers/lint.js';
import { TestClient, applyEdits, uriOf } from '../lsp/client.js';
import { cli } from './input-helpers.js';

/** The example app, every file by its path under examples/. */
function exampleApp(): Record<string, string> {
  const base = path.join(ROOT, 'examples');
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(base, { recursive: true }) as string[]) {
    const file = path.join(base, name);
    if (fs.statSync(file).isFile()) files[name] = fs.readFileSync(file, 'utf8');
  }
  return files;
}

// The calls the fixes rewrite: what stands before them on their line moves every position after it.
const SDK_CALL = /(\w+)\.(initialize|addNewFabric|setIdentifiers|associateMstWithUserID|sendFabricEvent)\(/g;

const VARIANTS: Record<string, (text: string) => string> = {
  LF: (text) => text,
  CRLF: (text) => text.replace(/\n/g, '\r\n'),
  'lone CR': (text) => text.replace(/\n/g, '\r'),
  BOM: (text) => `\uFEFF${text}`,
  'tabs before the edits': (text) => text.replace(/^ +/gm, (spaces) => '\t'.repeat(Math.ceil(spaces.length / 2))).replace(SDK_CALL, '\t/*\t*/\t$1.$2('),
  'astral characters before the edits': (text) => text.replace(SDK_CALL, '/* 😀𝒳🏳️‍🌈 */ $1.$2('),
};

for (const [variant, transform] of Object.entries(VARIANTS)) {
  test(`fix-all in the editor gives each file of the example app exactly what --fix writes (${variant})`, async () => {
    const app = Object.fromEntries(Object.entries(exampleApp()).map(([name, text]) => [name, isLintableFile(name) ? transform(text) : text]));
    const forCli = writeTree(app);
    const forEditor = writeTree(app);
    const run = cli(forCli, ['--fix', '.']);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    const client = await TestClient.start({ folders: [forEditor], pull: true });
    let fixedFiles = 0;
    try {
      for (const name of Object.keys(app).filter(isLintableFile).sort()) {
        const file = path.join(forEditor, name);
        const text = app[name];
        await client.open(file, text, name.endsWith('.ts') ? 'typescript' : 'javascript');
        const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri: uriOf(file) },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only: ['source.fixAll.callstats-lint'] },
        });
        const edits = actions[0]?.edit?.changes?.[uriOf(file)] ?? [];
        const expected = fs.readFileSync(path.join(forCli, name), 'utf8');
        assert.equal(applyEdits(text, edits), expected, `${name} (${variant})`);
        if (expected !== text) fixedFiles++;
        await client.close(file);
      }
    } finally {
      await client.stop();
    }
    assert.ok(fixedFiles > 0, "the example app has files with safe fixes");
  });
}

/** What fix-all does to `text` in the editor: the engine's fixed text, as the LSP edits codeActions.ts sends. */
function editorFixAll(linter: Linter, file: string, text: string): string {
  linter.setOverlay(file, text);
  const request = { files: [file], configFor: () => defaultConfig() };
  const [report] = linter.lint(request);
  const doc = TextDocument.create(uriOf(file), 'javascript', 1, text);
  const action = fixAll(doc, fixedText(linter, request, report, text));
  assert.equal(linter.overlay(file), text, 'the buffer stands in for the file again afterwards');
  return TextDocument.applyEdits(doc, action?.edit?.changes?.[doc.uri] ?? []);
}

test("fix-all takes the CLI's fixes: the preferred safe fix of each finding, fixes enabled by earlier ones, never one that breaks the syntax", () => {
  const text = "const cs = new callstats();\ncs.initialize('app', 'secret', 'one');\n";
  const file = path.join(writeTree({ 'app.js': text, '.callstatslintrc.json': '{}' }), 'app.js');
  const at = (needle: string) => text.indexOf(needle);
  // Three findings on the call, as rules with these fixes would give them.
  const rule = defineRule({
    meta: {
      id: 'fix-all-test',
      description: 'Fixes that prefer, chain and break',
      defaultSeverity: 'warn',
      docs: 'docs/rules/fix-all-test.md',
      fixes: { other: { title: 'not preferred', kind: 'safe' }, preferred: { title: 'preferred', kind: 'safe' }, then: { title: 'then', kind: 'safe' }, breaks: { title: 'breaks', kind: 'safe' } },
    },
    messages: { two: { message: 'test: two safe fixes', help: 'None.' }, enabled: { message: 'test: enabled by an earlier fix', help: 'None.' }, breaks: { message: 'test: breaks the syntax', help: 'None.' } },
    create(context) {
      const call = context.calls[0]?.call;
      if (!call) return;
      const now = call.getSourceFile().text;
      // Two safe fixes, the preferred one second: only it is applied.
      if (now.includes("'one'")) {
        const one = now.indexOf("'one'");
        context.report({
          node: call,
          messageId: 'two',
          fixes: [
            { fixId: 'other', edits: [{ file, start: 0, end: 0, newText: '// not preferred\n' }] },
            { fixId: 'preferred', isPreferred: true, edits: [{ file, start: one, end: one + 5, newText: "'two'" }] },
          ],
        });
      }
      // Enabled by the first: the CLI's second pass applies it.
      if (now.includes("'two'")) {
        const two = now.indexOf("'two'");
        context.report({ node: call.expression, messageId: 'enabled', fixes: [{ fixId: 'then', edits: [{ file, start: two, end: two + 5, newText: "'three'" }] }] });
      }
      // A rule's bug: a fix that opens a parenthesis it never closes.
      context.report({ node: call.arguments[0], messageId: 'breaks', fixes: [{ fixId: 'breaks', edits: [{ file, start: at('cs.initialize'), end: at('cs.initialize'), newText: '(' }] }] });
    },
  });
  const linter = new Linter({ rules: [rule] });
  const cli = fixFiles(linter, { files: [file], configFor: () => defaultConfig() }, linter.lint({ files: [file], configFor: () => defaultConfig() }), () => text);
  const expected = text.replace("'one'", "'three'");
  assert.equal(cli.fixed.get(file), expected);
  assert.equal(editorFixAll(linter, file, text), expected);
});
