// The fix corpus and its checks: docs examples, the example app, edge cases and generated programs; every fix must parse, keep line endings, and --fix must reach a fixpoint.
import { RULES } from '../../server/src/rules/index.js';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ts } from 'ts-morph';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ConfigResolver } from '../../server/src/engine/config.js';
import { applyEdits, chooseFixes, fixedText, fixFiles, syntaxErrorCount } from '../../server/src/engine/fixes.js';
import { isLintableFile } from '../../server/src/engine/files.js';
import { Linter, type LintRequest } from '../../server/src/engine/linter.js';
import type { FileReport, Finding, UserConfig } from '../../server/src/engine/types.js';
import { Workspace } from '../../server/src/engine/workspace.js';
import type { FileAnalysis } from '../../server/src/lsp/analyzer.js';
import { fixAll, quickFixes } from '../../server/src/lsp/codeActions.js';
import { findingDiagnostic } from '../../server/src/lsp/diagnostics.js';
import { ROOT, writeTree, RULE_IDS } from '../helpers/lint.js';

export interface Fixture {
  name: string;
  /** Relative path → text. */
  files: Record<string, string>;
  config?: UserConfig;
  reportUnusedDisableDirectives?: boolean;
}

// ---- where fixtures come from ------------------------------------------------------------------

/** Every fenced js block of docs/rules/*.md, alone in app.js; each also with a conference server configured. */
export function docsFixtures(): Fixture[] {
  const dir = path.join(ROOT, 'docs', 'rules');
  const out: Fixture[] = [];
  for (const page of fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    const lines = fs.readFileSync(path.join(dir, page), 'utf8').split('\n');
    let block: { line: number; code: string } | undefined;
    for (const [i, line] of lines.entries()) {
      if (block) {
        if (line.startsWith('```')) {
          out.push({ name: `docs/rules/${page}:${block.line}`, files: { 'app.js': block.code } });
          out.push({ name: `docs/rules/${page}:${block.line} (server id)`, files: { 'app.js': block.code }, config: { conferenceServerIds: ['sfu-1'] } });
          block = undefined;
        } else block.code += line + '\n';
      } else if (/^```(js|javascript|ts)\s*$/.test(line)) block = { line: i + 1, code: '' };
    }
  }
  return out;
}

/** The example app, all of it linted together with its own configuration. */
export function exampleFixture(): Fixture {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(path.join(ROOT, 'examples'), full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(path.join(ROOT, 'examples'));
  const config = JSON.parse(files['.callstatslintrc.json'] ?? '{}') as UserConfig;
  delete files['.callstatslintrc.json'];
  return { name: 'examples/', files, config, reportUnusedDisableDirectives: true };
}

const HEAD = "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\n";
const LONG = 'x'.repeat(300);

/** Places where a fix once broke the code, or could: each rule's fix in its awkward spots. */
export const EDGE_FIXTURES: Fixture[] = [
  {
    name: 'shorthand remoteUserID with one server id (safe fix keeps the key)',
    files: { 'app.js': `${HEAD}export function join(remoteUserID) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, 'sfu-1', cs.fabricUsage.multiplex, 'room-42', { remoteEndpointType: cs.endpointType.server, fabricTransmissionDirection: cs.transmissionDirection.sendonly });\n  cs.setIdentifiers({ remoteUserID }, pc);\n}\n` },
    config: { conferenceServerIds: ['sfu-1'] },
  },
  {
    name: 'shorthand remoteUserID in a mesh (participant suggestion keeps the key)',
    files: { 'app.js': `${HEAD}export function call(peerId, remoteUserID) {\n  const pc = new RTCPeerConnection();\n  cs.addNewFabric(pc, peerId, cs.fabricUsage.multiplex, 'room-42', { remoteEndpointType: cs.endpointType.peer });\n  cs.setIdentifiers({ remoteUserID: 'alice' }, pc);\n  cs.setIdentifiers({ remoteUserID }, pc);\n}\n` },
  },
  {
    name: 'reinit suggestion after an unbraced if with an else',
    files: { 'app.js': "const cs = new callstats();\nlet userID = 'guest';\ncs.initialize('app', 'secret', userID);\nexport function login(id, ok) {\n  if (ok) userID = id;\n  else console.log('no');\n}\n" },
  },
  {
    name: 'reinit suggestion in do-while, label and for bodies, no semicolons',
    files: { 'app.js': "const cs = new callstats()\nlet userID = 'guest'\ncs.initialize('app', 'secret', userID)\nexport function a(id) {\n  do userID = id\n  while (false)\n}\nexport function b(id) {\n  for (;;) userID = id\n}\nexport function c(id) {\n  outer: userID = id\n}\n" },
  },
  {
    name: 'reinit suggestion with a parenthesized callee and no semicolons',
    files: { 'app.js': "const cs = new callstats()\nlet userID = 'guest'\n;(cs).initialize('app', 'secret', userID)\nexport function a(id) {\n  userID = id\n  ;[1].forEach(() => {})\n}\n" },
  },
  {
    name: 'unused directives inside strings, templates and a real comment',
    files: {
      'app.js': `const a = "// callstats-lint-disable-next-line id-empty -- in a string"; const z = a;\nconst b = \`/* callstats-lint-disable id-empty */\${a}\`;\nconst c = '/* callstats-lint-disable id-empty'; /* trailing */\n// callstats-lint-disable-next-line id-empty\nconst d = 1; /* callstats-lint-disable id-empty */\n`,
    },
    reportUnusedDisableDirectives: true,
  },
  {
    name: 'unused directive as JSX text',
    files: { 'app.jsx': 'export const A = () => <div>// callstats-lint-disable-next-line id-empty</div>;\nexport const B = () => <div>{/* callstats-lint-disable id-empty */}</div>;\n' },
    reportUnusedDisableDirectives: true,
  },
  {
    name: 'id-unicode and id-max-bytes in every quote style, with characters that need escaping',
    files: {
      'app.js': `const cs = new callstats();\ncs.initialize('app', 'secret', " \\"a'b\\\\c\`\\u200B ");\ncs.initialize('app', 'secret', \` \\\`\${'x'}\\u200B\`);\ncs.initialize('app', 'secret', \`\\\${${LONG}\`);\ncs.initialize('app', 'secret', "${LONG}\\"");\n`,
    },
  },
  {
    name: 'a page with scripts and a Vue component',
    files: {
      'index.html': `<!doctype html>\n<script src="https://cdn.example.com/callstats-3.20.0.min.js"></script>\n<script>\n  const cs = new callstats();\n  cs.initialize('app', 'secret', '${LONG}');\n  cs.on('Error', () => {});\n</script>\n<p>// callstats-lint-disable-next-line id-empty</p>\n`,
      'App.vue': `<template><div/></template>\n<script lang="ts">\nconst cs = new callstats();\ncs.initialize('app', 'secret', ('\\u200Bbob' as string));\n</script>\n`,
    },
    reportUnusedDisableDirectives: true,
  },
  {
    name: "findings on lines that start inside a template literal or JSX (the editor's disable-line action)",
    files: {
      'app.jsx': "const cs = new callstats();\nexport const s = `header\n${cs.initialize('app', 'secret', '')}`;\nexport const View = () => (\n  <div>\n    {cs.initialize('app', 'secret', null)}\n  </div>\n);\n",
    },
  },
  {
    name: 'typescript casts and parentheses around the IDs',
    files: { 'app.ts': `const cs = new callstats();\ncs.initialize('app', 'secret', (<string>'${LONG}'));\nconst pc = new RTCPeerConnection();\ncs.addNewFabric(pc, ('remote-peer' as const)!, cs.fabricUsage.multiplex, 'room-42');\n` },
  },
];

/** The fixture with every line break made CRLF. */
export function crlf(fixture: Fixture): Fixture {
  const files = Object.fromEntries(Object.entries(fixture.files).map(([name, text]) => [name, text.replace(/\r?\n/g, '\r\n')]));
  return { ...fixture, name: `${fixture.name} (CRLF)`, files };
}

// ---- generated programs ------------------------------------------------------------------------

/** A string literal for `text` in `quote`, escaping what must be (and sometimes more). */
function literal(text: string, quote: string, escapeAll: boolean): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\' || char === quote) out += '\\' + char;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    // A raw NUL would make the file look binary (and skipped); other control characters stay raw unless escapeAll.
    else if (code === 0 || char === '\u2028' || char === '\u2029' || (escapeAll && (code > 0x7e || code < 0x20)) || (code >= 0xd800 && code <= 0xdfff)) {
      out += code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (quote === '`' && char === '$') out += '\\$';
    else out += char;
  }
  return quote + out + quote;
}

const specialChar = fc.constantFrom('\u200B', '\uFEFF', ' ', '\t', '\u0007', 'e\u0301', '\uD800', '\uDC00', '\\', "'", '"', '`', '${', '$', '\n', '\r\n', '\u2028', '😀', 'é');
const identifier = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), specialChar), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
  fc.tuple(fc.integer({ min: 200, max: 400 }), fc.constantFrom('x', 'é', '😀', "'", '`')).map(([n, c]) => c.repeat(n)),
);

/** Where the generated SDK calls stand: some of these give a fix no block to insert into. */
const WRAPPERS: ((body: string, eol: string) => string)[] = [
  (body) => body,
  (body, eol) => `if (window.ready) ${body}${eol}else console.log('later');`,
  (body, eol) => `export function start(peerId) {${eol}  ${body}${eol}}`,
  (body) => `window.addEventListener('load', () => ${body.replace(/;$/, '')});`,
];

export const generatedFixture: fc.Arbitrary<Fixture> = fc
  .record({
    eol: fc.constantFrom('\n', '\r\n'),
    quote: fc.constantFrom("'", '"', '`'),
    escapeAll: fc.boolean(),
    userId: identifier,
    conferenceId: identifier,
    remote: identifier,
    wrap: fc.nat({ max: WRAPPERS.length - 1 }),
    reassign: fc.constantFrom(
      '',
      'export function login(id) { userID = id; }',
      'export function login(id) { if (id) userID = id; else console.log(id); }',
      'export function login(id) { do userID = id; while (!id); }',
    ),
    shorthand: fc.boolean(),
    event: fc.constantFrom('error', 'Error', 'RECOMMENDEDCONFIGURATION', 'stats'),
    serverId: fc.option(fc.constantFrom('sfu-1', "it's", 'a"b'), { nil: undefined }),
    directive: fc.constantFrom('', '// callstats-lint-disable-next-line id-empty', "'// callstats-lint-disable-next-line id-empty';", '/* callstats-lint-disable id-unicode */'),
    ext: fc.constantFrom('app.js', 'app.ts', 'app.mjs', 'index.html'),
  })
  .map((g) => {
    const q = (text: string) => literal(text, g.quote, g.escapeAll);
    const lines = [
      g.directive,
      'const cs = new callstats();',
      `let userID = ${q(g.userId)};`,
      WRAPPERS[g.wrap](`cs.initialize('app', 'secret', userID);`, g.eol),
      'const pc = new RTCPeerConnection();',
      `cs.addNewFabric(pc, ${q(g.remote)}, cs.fabricUsage.multiplex, ${q(g.conferenceId)}, { remoteEndpointType: cs.endpointType.server, fabricTransmissionDirection: cs.transmissionDirection.sendonly });`,
      g.shorthand ? `export function rename(remoteUserID) { cs.setIdentifiers({ remoteUserID }, pc); }` : `cs.setIdentifiers({ conferenceID: ${q(g.conferenceId + '-2')} }, pc);`,
      `cs.on(${q(g.event)}, () => {});`,
      g.reassign,
      '',
    ];
    const code = lines.join(g.eol);
    const text = g.ext === 'index.html' ? `<!doctype html>${g.eol}<script>${g.eol}${code}</script>${g.eol}` : code;
    return {
      name: `generated ${g.ext}`,
      files: { [g.ext]: text },
      config: g.serverId ? { conferenceServerIds: [g.serverId] } : {},
      reportUnusedDisableDirectives: true,
    };
  });

// ---- the example app, mutated ---------------------------------------------------------------

/** String literals of a file that hold values (not module specifiers), as [start, end) of their text between the quotes. */
function valueLiterals(file: string, text: string): { start: number; end: number }[] {
  const sourceFile = new Workspace().parse({ file, text }).sourceFile;
  const out: { start: number; end: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const parent = node.parent;
      const specifier = ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent) || (ts.isCallExpression(parent) && (parent.expression.kind === ts.SyntaxKind.ImportKeyword || parent.expression.getText() === 'require'));
      const key = (ts.isPropertyAssignment(parent) && parent.name === node) || ts.isElementAccessExpression(parent) || ts.isLiteralTypeNode(parent);
      if (!specifier && !key) out.push({ start: node.getStart() + 1, end: node.getEnd() - 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return out;
}

/** What a mutation does to a literal's text: the ID shapes the rules' fixes are for, and shapes they must leave alone. */
const LITERAL_CHANGES: ((text: string, at: number) => string)[] = [
  (text, at) => text.slice(0, at) + '\u200B' + text.slice(at), // zero-width space
  (text, at) => text.slice(0, at) + '\u00AD' + text.slice(at), // soft hyphen
  (text, at) => text.slice(0, at) + '\uFEFF' + text.slice(at),
  (text, at) => text.slice(0, at) + '\\u200b' + text.slice(at), // the escape, as source text
  (text, at) => text.slice(0, at) + '\u200D' + text.slice(at), // a joiner between letters: it must stay
  (text) => text + '👩\u200D💻', // an emoji ZWJ sequence: it must stay
  (text) => text + 'x'.repeat(300),
  (text) => 'é'.repeat(130) + text,
  () => '',
  (text) => ` ${text} `,
];

/** The ID arguments of the SDK calls a mutation may write a literal into: method → argument positions. */
const ID_ARGUMENTS: Record<string, number[]> = { initialize: [2], addNewFabric: [1, 3], associateMstWithUserID: [1, 2] };

/** The ID arguments of a file's SDK calls, as [start, end) of their text. */
function idArguments(file: string, text: string): { start: number; end: number }[] {
  const sourceFile = new Workspace().parse({ file, text }).sourceFile;
  const out: { start: number; end: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      for (const at of ID_ARGUMENTS[node.expression.name.text] ?? []) {
        const argument = node.arguments[at];
        if (argument) out.push({ start: argument.getStart(), end: argument.getEnd() });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return out;
}

interface Mutation {
  file: number;
  /** Which value literal or ID argument (modulo their number), or which line for a directive. */
  index: number;
  /** Write a literal in place of an SDK call's ID argument, rather than change a literal of the file. */
  inline: boolean;
  change: number;
  at: number;
  directive: string | undefined;
}

const DIRECTIVES = ['// callstats-lint-disable-next-line id-empty', '/* callstats-lint-disable-next-line id-unicode */', '// callstats-lint-disable-line id-max-bytes'];

const mutation: fc.Arbitrary<Mutation> = fc.record({
  file: fc.nat(),
  index: fc.nat(),
  inline: fc.boolean(),
  change: fc.nat({ max: LITERAL_CHANGES.length - 1 }),
  at: fc.nat(),
  directive: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.constantFrom(...DIRECTIVES), weight: 1 }),
});

/** Applies one mutation: a changed value literal, or a directive comment on a line of its own. */
export function mutate(fixture: Fixture, m: Mutation): Fixture {
  const names = Object.keys(fixture.files).filter((name) => isLintableFile(name)).sort();
  const name = names[m.file % names.length];
  const text = fixture.files[name];
  let changed: string;
  if (m.directive !== undefined) {
    const lines = text.split('\n');
    const at = m.index % lines.length;
    lines.splice(at, 0, (/^\s*/.exec(lines[at])?.[0] ?? '') + m.directive);
    changed = lines.join('\n');
  } else if (m.inline) {
    const args = idArguments(name, text);
    if (!args.length) return fixture;
    const { start, end } = args[m.index % args.length];
    changed = text.slice(0, start) + `'${LITERAL_CHANGES[m.change]('peer-7', m.at % 7)}'` + text.slice(end);
  } else {
    const literals = valueLiterals(name, text);
    if (!literals.length) return fixture;
    const { start, end } = literals[m.index % literals.length];
    const inner = text.slice(start, end);
    changed = text.slice(0, start) + LITERAL_CHANGES[m.change](inner, m.at % (inner.length + 1)) + text.slice(end);
  }
  return { ...fixture, files: { ...fixture.files, [name]: changed } };
}

/** The example app with one to four of its literals, SDK call arguments or lines changed, as users' code drifts. */
export const mutatedExampleFixture: fc.Arbitrary<Fixture> = fc.array(mutation, { minLength: 1, maxLength: 4 }).map((mutations) => {
  const fixture = mutations.reduce(mutate, exampleFixture());
  return { ...fixture, name: 'examples/ (mutated)' };
});

// ---- the checks --------------------------------------------------------------------------------

export interface Checked {
  findings: number;
  /** Fixes (safe and suggestions) and editor actions applied one at a time. */
  singleFixes: number;
  /** Files --fix changed. */
  fixedFiles: number;
}

/** The line break style a text keeps: 'crlf' when every \n follows \r, 'lf' when there is no \r at all. */
function lineBreaks(text: string): 'crlf' | 'lf' | 'mixed' {
  const lf = (text.match(/\n/g) ?? []).length;
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r/g) ?? []).length;
  if (cr === 0) return 'lf';
  return lf === crlf && cr === crlf ? 'crlf' : 'mixed';
}

function assertKeepsText(label: string, file: string, before: string, after: string, parser: Workspace): void {
  const errorsBefore = syntaxErrorCount(file, before, parser);
  const errorsAfter = syntaxErrorCount(file, after, parser);
  assert.ok(errorsAfter <= errorsBefore, `${label}: ${errorsAfter} syntax errors after, ${errorsBefore} before in ${path.basename(file)}:\n${after}`);
  const style = lineBreaks(before);
  // Only text with one style can keep it; the fixture's own content never mixes them unless generated so.
  if (style !== 'mixed') assert.equal(lineBreaks(after), style, `${label}: line breaks of ${path.basename(file)} stay ${style}`);
}

function lintRequest(dir: string, fixture: Fixture): { request: LintRequest; files: string[] } {
  const files = Object.keys(fixture.files)
    .filter((name) => isLintableFile(name))
    .map((name) => path.join(dir, name));
  const resolver = new ConfigResolver({ ruleIds: RULE_IDS });
  return {
    files,
    request: { files, configFor: (file) => resolver.forFile(file), reportUnusedDisableDirectives: fixture.reportUnusedDisableDirectives ? 'error' : 'off' },
  };
}

function noProblems(reports: FileReport[], label: string): void {
  const problems = reports.filter((r) => r.problems.length).map((r) => `${path.basename(r.file)}: ${r.problems.join('; ')}`);
  assert.deepEqual(problems, [], `${label}: no file problems`);
}

/** Each fix of each finding, and each editor action, applied alone to the text that was linted. */
function checkSingleFixes(findings: Finding[], files: string[], read: (file: string) => string, parser: Workspace, label: string): number {
  let count = 0;
  const inside = new Set(files.map((f) => path.dirname(f)));
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      for (const file of new Set(fix.edits.map((e) => e.file))) {
        assert.ok(inside.has(path.dirname(file)), `${label}: fix "${fix.title}" edits ${file}, outside the fixture`);
        const before = read(file);
        const { text, skipped } = applyEdits(before, fix.edits.filter((e) => e.file === file));
        assert.deepEqual(skipped, [], `${label}: fix "${fix.title}" has overlapping or out-of-range edits`);
        assertKeepsText(`${label}: ${finding.ruleId} fix "${fix.title}"`, file, before, text, parser);
      }
      count++;
    }
  }
  // The editor's quick fixes for each finding (the rules' fixes and "disable for this line"); fix-all is --fix's loop (checkFixture).
  const context = { openDocument: () => undefined, toUri: (file: string) => `file://${file}` };
  for (const file of files) {
    const own = findings.filter((f) => f.file === file);
    if (!own.length) continue;
    const doc = TextDocument.create(`file://${file}`, 'javascript', 1, read(file));
    const analysis: FileAnalysis = { file, uri: doc.uri, version: 1, findings: own, diagnostics: own.map((f) => findingDiagnostic(f, () => undefined)), resultId: '1', state: 'ok' } as unknown as FileAnalysis;
    const actions = analysis.diagnostics.flatMap((diagnostic) => quickFixes(analysis, doc, diagnostic.range, context));
    for (const action of actions) {
      for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
        const target = uri.slice('file://'.length);
        const before = target === file ? doc.getText() : read(target);
        const after = TextDocument.applyEdits(TextDocument.create(uri, 'javascript', 1, before), edits);
        assertKeepsText(`${label}: editor action "${action.title}"`, target, before, after, parser);
      }
      count++;
    }
  }
  return count;
}

/**
 * The editor's fix-all of each file (the text --fix's loop gives that file alone, as the edits
 * lsp/codeActions.ts sends) turns the buffer into exactly that text, whatever its line breaks.
 */
function checkFixAll(linter: Linter, request: LintRequest, reports: FileReport[], original: Map<string, string>): void {
  for (const report of reports) {
    const text = original.get(report.file)!;
    const fixed = fixedText(linter, { ...request, files: [report.file] }, report, text);
    const doc = TextDocument.create(`file://${report.file}`, 'javascript', 1, text);
    const edits = fixAll(doc, fixed)?.edit?.changes?.[doc.uri] ?? [];
    assert.equal(TextDocument.applyEdits(doc, edits), fixed, `fix-all of ${path.basename(report.file)}`);
  }
}

/** Lints the fixture, checks every fix alone, then --fix's loop: parses, keeps line breaks, reaches a fixpoint, is idempotent. */
export function checkFixture(fixture: Fixture): Checked {
  const dir = writeTree({ ...fixture.files, '.callstatslintrc.json': JSON.stringify(fixture.config ?? {}) }, 'callstats-lint-fix-');
  const { request, files } = lintRequest(dir, fixture);
  const parser = new Workspace();
  const read = (file: string) => fs.readFileSync(file, 'utf8');
  const linter = new Linter({ rules: RULES });
  const first = linter.lint(request);
  noProblems(first, fixture.name);
  const findings = first.flatMap((r) => r.findings);
  const singleFixes = checkSingleFixes(findings, files, read, parser, fixture.name);

  const original = new Map(files.map((file) => [file, read(file)]));
  checkFixAll(linter, request, first, original);
  const outcome = fixFiles(linter, request, first, (file) => original.get(file));
  assert.deepEqual(outcome.rejected.map((fix) => fix.title), [], `${fixture.name}: no safe fix had to be held back for breaking the syntax`);
  for (const [file, text] of outcome.fixed) {
    assert.ok(original.has(file), `${fixture.name}: --fix changed ${file}, which was not linted`);
    assertKeepsText(`${fixture.name}: --fix`, file, original.get(file)!, text, parser);
    fs.writeFileSync(file, text);
  }

  // Linting the fixed files afresh finds nothing --fix would still change.
  const again = new Linter({ rules: RULES });
  const reports = again.lint(request);
  noProblems(reports, `${fixture.name} after --fix`);
  const left = chooseFixes(reports, () => true).map((fix) => fix.title);
  assert.deepEqual(left, [], `${fixture.name}: fixable problems remain after --fix`);
  // And --fix on its own output changes nothing.
  const fixedTexts = new Map(files.map((file) => [file, read(file)]));
  const twice = fixFiles(again, request, reports, (file) => fixedTexts.get(file));
  for (const [file, text] of twice.fixed) assert.equal(text, fixedTexts.get(file), `${fixture.name}: a second --fix changed ${path.basename(file)}`);
  return { findings: findings.length, singleFixes, fixedFiles: [...outcome.fixed].filter(([file, text]) => text !== original.get(file)).length };
}

/** The tokens of a file, comments left out: kind and text, and a string literal's value. */
function codeTokens(file: string, text: string): { kind: ts.SyntaxKind; text: string; value?: string }[] {
  const sourceFile = new Workspace().parse({ file, text }).sourceFile;
  const out: { kind: ts.SyntaxKind; text: string; value?: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push({ kind: node.kind, text: '', value: node.text });
    else if (node.kind < ts.SyntaxKind.FirstNode || ts.isTemplateLiteralToken(node)) out.push({ kind: node.kind, text: node.getText(sourceFile) });
    else for (const child of node.getChildren(sourceFile)) visit(child);
  };
  visit(sourceFile);
  return out;
}

/** Whether `after` is `before` with some characters taken out. */
function isSubsequence(after: string, before: string): boolean {
  let i = 0;
  for (const char of before) if (i < after.length && after.startsWith(char, i)) i += char.length;
  return i === after.length;
}

/**
 * --fix on a fixture, checked as the guide asks of safe fixes: every fixed file parses as well as
 * before, its code is token for token the same outside string literals and comments, each literal
 * it changed only lost characters (an emoji ZWJ sequence never), and a second --fix changes nothing.
 * Returns the literals and comments changed.
 */
export function checkFixLoop(fixture: Fixture): { literals: number; comments: number; files: number } {
  const dir = writeTree({ ...fixture.files, '.callstatslintrc.json': JSON.stringify(fixture.config ?? {}) }, 'callstats-lint-fixloop-');
  const { request, files } = lintRequest(dir, fixture);
  const parser = new Workspace();
  const linter = new Linter({ rules: RULES });
  const first = linter.lint(request);
  noProblems(first, fixture.name);
  const original = new Map(files.map((file) => [file, fs.readFileSync(file, 'utf8')]));
  const outcome = fixFiles(linter, request, first, (file) => original.get(file));
  assert.deepEqual(outcome.rejected.map((fix) => fix.title), [], `${fixture.name}: no safe fix had to be held back for breaking the syntax`);
  let literals = 0;
  let comments = 0;
  for (const [file, text] of outcome.fixed) {
    const before = original.get(file)!;
    assertKeepsText(`${fixture.name}: --fix`, file, before, text, parser);
    const was = codeTokens(file, before);
    const now = codeTokens(file, text);
    const label = `${fixture.name}: --fix of ${path.basename(file)}`;
    assert.deepEqual(now.map((t) => [t.kind, t.text]), was.map((t) => [t.kind, t.text]), `${label} changed code outside string literals and comments`);
    for (const [i, token] of now.entries()) {
      const old = was[i].value;
      if (token.value === undefined || old === undefined || token.value === old) continue;
      literals++;
      assert.ok(isSubsequence(token.value, old.normalize('NFC')), `${label}: ${JSON.stringify(old)} became ${JSON.stringify(token.value)}, not the same ID with characters taken out`);
      if (old.includes('👩\u200D💻')) assert.ok(token.value.includes('👩\u200D💻'), `${label}: the emoji ZWJ sequence of ${JSON.stringify(old)} was broken`);
    }
    if (was.length === now.length && now.every((t, i) => t.value === was[i].value)) comments++;
    fs.writeFileSync(file, text);
  }
  const fixedTexts = new Map(files.map((file) => [file, fs.readFileSync(file, 'utf8')]));
  const again = new Linter({ rules: RULES });
  const reports = again.lint(request);
  noProblems(reports, `${fixture.name} after --fix`);
  const twice = fixFiles(again, request, reports, (file) => fixedTexts.get(file));
  for (const [file, text] of twice.fixed) assert.equal(text, fixedTexts.get(file), `${fixture.name}: a second --fix changed ${path.basename(file)}`);
  fs.rmSync(dir, { recursive: true, force: true });
  return { literals, comments, files: [...outcome.fixed].filter(([file, text]) => text !== original.get(file)).length };
}
