// The rule pages: every rule has docs/rules/<id>.md with the required sections, and its code examples behave as the page says.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { localDocsUrl, publicDocsUrl } from '../../server/src/docs.js';
import { RULES } from '../../server/src/rules/index.js';
import { lintSource, ROOT } from '../helpers/lint.js';

const SECTIONS = ['What the guide requires', 'Why it matters on the dashboard', 'Incorrect code', 'Correct code', 'Options', 'Fixes'];

interface Block {
  section: string;
  lang: string;
  code: string;
  line: number;
}

/** The H2 headings and fenced code blocks of a Markdown page, each block with the section it sits in. */
function parse(markdown: string): { title: string; headings: string[]; blocks: Block[] } {
  const lines = markdown.split('\n');
  const headings: string[] = [];
  const blocks: Block[] = [];
  let section = '';
  let fence: Block | undefined;
  for (const [i, line] of lines.entries()) {
    if (fence) {
      if (line.startsWith('```')) {
        blocks.push(fence);
        fence = undefined;
      } else fence.code += line + '\n';
      continue;
    }
    const open = /^```(\w*)\s*$/.exec(line);
    if (open) fence = { section, lang: open[1], code: '', line: i + 2 };
    else if (line.startsWith('## ')) headings.push((section = line.slice(3).trim()));
  }
  assert.equal(fence, undefined, 'every code fence is closed');
  return { title: lines[0], headings, blocks };
}

for (const { meta: rule } of RULES) {
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
