// The rule pages: every rule has docs/rules/<id>.md with the required sections, and its code examples behave as the page says.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { localDocsUrl, publicDocsUrl } from '../../server/src/docs.js';
import { RULES } from '../../server/src/rules/index.js';
import { lintSource, ROOT } from '../helpers/lint.js';

const SECTIONS = [
  'What the guide requires',
  'Why it matters on the dashboard',
  'Incorrect code',
  'Correct code',
  'Errors and warnings',
  'What it cannot see',
  'Options',
  'Fixes',
];
/** Sections that must say something: text, not only a heading. */
const NON_EMPTY = ['Errors and warnings', 'What it cannot see'];

interface Block {
  section: string;
  lang: string;
  code: string;
  line: number;
}

/** The H2 headings, the text under each (code blocks included) and fenced code blocks of a Markdown page, each block with the section it sits in. */
function parse(markdown: string): { title: string; headings: string[]; bodies: Map<string, string>; blocks: Block[] } {
  const lines = markdown.split('\n');
  const headings: string[] = [];
  const bodies = new Map<string, string>();
  const blocks: Block[] = [];
  let section = '';
  let fence: Block | undefined;
  const write = (line: string) => {
    if (section) bodies.set(section, `${bodies.get(section) ?? ''}${line}\n`);
  };
  for (const [i, line] of lines.entries()) {
    if (fence) {
      if (line.startsWith('```')) {
        blocks.push(fence);
        fence = undefined;
      } else fence.code += line + '\n';
      write(line);
      continue;
    }
    const open = /^```(\w*)\s*$/.exec(line);
    if (open) fence = { section, lang: open[1], code: '', line: i + 2 };
    if (!open && line.startsWith('## ')) {
      headings.push((section = line.slice(3).trim()));
      bodies.set(section, '');
    } else write(line);
  }
  assert.equal(fence, undefined, 'every code fence is closed');
  return { title: lines[0], headings, bodies, blocks };
}

for (const { meta: rule, messages } of RULES) {
  const file = path.join(ROOT, 'docs', 'rules', `${rule.id}.md`);

  describe(`docs/rules/${rule.id}.md`, () => {
    test('exists, titled with the rule id and its description', () => {
      assert.ok(fs.existsSync(file), `${file} exists`);
      const page = fs.readFileSync(file, 'utf8');
      const { title } = parse(page);
      assert.equal(title, `# ${rule.id}`);
      assert.equal(page.split('\n')[2], `${rule.description}.`);
    });

    test('has the H2 sections in order', () => {
      assert.deepEqual(parse(fs.readFileSync(file, 'utf8')).headings, SECTIONS);
    });

    test('says which findings are errors and what the rule cannot see, naming every messageId', () => {
      const { bodies } = parse(fs.readFileSync(file, 'utf8'));
      for (const heading of NON_EMPTY) assert.match(bodies.get(heading) ?? '', /\S/, `## ${heading} has text`);
      const severities = bodies.get('Errors and warnings') ?? '';
      const unnamed = Object.keys(messages).filter((id) => !severities.includes(`\`${id}\``));
      assert.deepEqual(unnamed, [], 'messageIds not named under "Errors and warnings"');
    });

    test('the meta names the page; the editor links the installed copy, reports a public address only', () => {
      assert.equal(rule.docs, `docs/rules/${rule.id}.md`);
      assert.equal(localDocsUrl(rule), pathToFileURL(file).href);
      assert.equal(publicDocsUrl(rule, undefined), undefined);
      assert.equal(publicDocsUrl(rule, 'https://example.com/callstats-lint/'), `https://example.com/callstats-lint/docs/rules/${rule.id}.md`);
    });

    test('every fix of the rule is described under Fixes, with its kind', () => {
      const page = fs.readFileSync(file, 'utf8');
      const fixes = page.slice(page.indexOf('## Fixes'));
      const described = [...fixes.matchAll(/^- \*\*(.+?)\*\* \((safe|suggestion)\b/gm)].map((m) => ({ title: m[1], kind: m[2] }));
      for (const fix of Object.values(rule.fixes)) {
        const title = fix.title.replace(/\s*[('"]?\{\{\w+\}\}.*$/, '');
        assert.ok(
          described.some((d) => d.title.startsWith(title) && d.kind === fix.kind),
          `"${fix.title}" is described as ${fix.kind} (found: ${described.map((d) => `${d.title} (${d.kind})`).join(' | ')})`,
        );
      }
    });

    const blocks = fs.existsSync(file) ? parse(fs.readFileSync(file, 'utf8')).blocks : [];
    const incorrect = blocks.filter((b) => b.section === 'Incorrect code');
    const correct = blocks.filter((b) => b.section === 'Correct code');

    test('has examples of both kinds, all in ```js blocks', () => {
      assert.ok(incorrect.length > 0 && correct.length > 0);
      for (const block of [...incorrect, ...correct]) assert.equal(block.lang, 'js', `block at line ${block.line}`);
    });

    for (const block of incorrect) {
      test(`incorrect example at line ${block.line} triggers the rule`, () => {
        const r = lintSource(block.code, { rule: rule.id });
        assert.deepEqual(r.problems, {});
        assert.ok(r.findings.length > 0, 'at least one finding');
      });
    }
    for (const block of correct) {
      test(`correct example at line ${block.line} does not trigger the rule`, () => {
        const r = lintSource(block.code, { rule: rule.id });
        assert.deepEqual(r.problems, {});
        assert.deepEqual(r.findings.map((f) => `${f.line}:${f.column} ${f.message}`), []);
      });
    }
  });
}

test('every page in docs/rules belongs to a rule', () => {
  const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md'));
  assert.deepEqual(pages.sort(), RULES.map((r) => `${r.meta.id}.md`).sort());
});

/** The rows of README.md's rule table, by the rule each row links to, with the table's header. */
function readmeRules(): { header: string[]; rows: Map<string, Record<string, string>> } {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Rules\n');
  assert.ok(start >= 0, 'README.md has a Rules section');
  const lines = readme.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const table = lines.slice(first, lines.findIndex((line, i) => i > first && !line.startsWith('|')));
  const cells = (line: string) => line.replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
  const header = cells(table[0]);
  const rows = new Map<string, Record<string, string>>();
  for (const line of table.slice(2)) {
    const row = Object.fromEntries(cells(line).map((cell, i) => [header[i] ?? `column ${i + 1}`, cell]));
    const link = /^\[([\w-]+)\]\(docs\/rules\/([\w-]+)\.md\)$/.exec(row.rule ?? '');
    assert.ok(link && link[1] === link[2], `a rule table row links its page: ${line}`);
    rows.set(link[1], row);
  }
  return { header, rows };
}

test("README.md's rule table: a row per rule, in documentation order, with its default and what it cannot see", () => {
  const { header, rows } = readmeRules();
  assert.deepEqual(header, ['rule', 'default', 'what it reports', 'cannot see']);
  assert.deepEqual([...rows.keys()], RULES.map((r) => r.meta.id));
  for (const { meta } of RULES) {
    const row = rows.get(meta.id)!;
    assert.equal(row.default, meta.defaultSeverity, `${meta.id}: default`);
    assert.match(row['what it reports'], /\S/, `${meta.id}: what it reports`);
    assert.match(row['cannot see'] ?? '', /\S/, `${meta.id}: cannot see`);
  }
});
