// Scripts in HTML, Vue and Svelte files are linted at their real positions; versioned script URLs and package.json give the SDK version.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { embeddedProgram, scriptTags } from '../../server/src/engine/embedded.js';
import { ProjectInfo, compareVersions, minimumVersion } from '../../server/src/engine/project.js';
import { Workspace } from '../../server/src/engine/workspace.js';
import { lint, positionOf, writeTree } from '../helpers/lint.js';

const LONG = 'é'.repeat(200);

describe('pages', () => {
  test('an inline script in HTML is analysed at the positions of the page', () => {
    const page = `<!doctype html>\n<html><head>\n<script src="https://api.callstats.io/static/callstats.min.js"></script>\n</head><body>\n<p>Call</p>\n<script>\n  const cs = new callstats();\n  cs.initialize('app', 'secret', '${LONG}');\n</script>\n</body></html>\n`;
    const { findings } = lint({ 'index.html': page });
    const at = positionOf(page, `'${LONG}'`);
    assert.deepEqual(findings.map((f) => [f.file, f.ruleId, f.line, f.column, f.endColumn, f.message]), [
      ['index.html', 'id-max-bytes', at.line, at.column, at.column + LONG.length + 2, 'userID is 400 bytes in UTF-8 (200 characters); the limit is 256'],
    ]);
  });

  test('Vue and Svelte components: <script setup lang="ts"> and <script context="module">', () => {
    const vue = `<template>\n  <video id="me" />\n</template>\n<script setup lang="ts">\nimport callstats from 'callstats-js';\nconst cs = new callstats();\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, '${LONG}');\n</script>\n`;
    const svelte = `<script context="module">\n  import callstats from 'callstats-js';\n  export const cs = callstats();\n</script>\n<script>\n  cs.initialize('a', 's', '${LONG}');\n</script>\n<h1>Room</h1>\n`;
    const { findings } = lint({ 'Call.vue': vue, 'Room.svelte': svelte }, { rule: 'id-max-bytes' });
    assert.deepEqual(findings.map((f) => [f.file, f.line, f.message]), [
      ['Call.vue', 7, 'conferenceID is 400 bytes in UTF-8 (200 characters); the limit is 256'],
      ['Room.svelte', 6, 'userID is 400 bytes in UTF-8 (200 characters); the limit is 256'],
    ]);
  });

  test('scripts inside an HTML comment or an element of text (textarea, title, noscript, ...) are never run, so never analysed', () => {
    const inert = "<script>\n  const cs = new callstats();\n  cs.initialize('app', 'secret', '');\n</script>";
    const page = `<!doctype html>\n<!--\n${inert}\n-->\n<textarea rows="3">${inert}</textarea>\n<TITLE>${inert}</title >\n<noscript>${inert}</noscript>\n<!-->${'\n'}<title-bar></title-bar>\n<script>\n  const live = new callstats();\n  live.initialize('app', 'secret', null);\n</script>\n`;
    const { findings } = lint({ 'index.html': page }, { rule: 'id-empty' });
    assert.deepEqual(findings.map((f) => [f.line, f.column]), [[positionOf(page, 'null').line, positionOf(page, 'null').column]]);
    assert.deepEqual(scriptTags(page).map((t) => page.slice(t.body!.start, t.body!.end).includes('live')), [true]);
    // A comment or a text element never closed: the rest of the page is not script.
    assert.deepEqual(scriptTags(`<!-- ${inert}`), []);
    assert.deepEqual(scriptTags(`<textarea>${inert}`), []);
  });

  test('the program keeps every offset and line of the page; markup becomes spaces', () => {
    const page = '<p>a</p>\r\n<script type="module">let x = 1;</script>\n<script type="text/template"><b>no</b></script>';
    const { code, lang } = embeddedProgram(page);
    assert.equal(code.length, page.length);
    assert.equal(lang, 'js');
    assert.equal(code.slice(page.indexOf('let x')).trimEnd(), 'let x = 1;');
    assert.equal(code.replace(/[^\r\n]/g, '').length, page.replace(/[^\r\n]/g, '').length);
    assert.deepEqual(code.slice(0, page.indexOf('let x')).trim(), '');
  });

  test('script tags: src with its offsets, bodies, lang', () => {
    const page = `<script src='https://api.callstats.io/static/callstats-3.12.1.js'></script><script lang="ts">let a: number;</script>`;
    const [withSrc, inline] = scriptTags(page);
    assert.deepEqual(withSrc.src, { value: 'https://api.callstats.io/static/callstats-3.12.1.js', start: 13, end: 13 + 51 });
    assert.equal(page.slice(withSrc.src!.start, withSrc.src!.end), withSrc.src!.value);
    assert.equal(inline.lang, 'ts');
    assert.equal(page.slice(inline.body!.start, inline.body!.end), 'let a: number;');
  });
});

describe('SDK version of the app', () => {
  test('minimum versions of ranges', () => {
    const table: [string, string | undefined][] = [
      ['^3.12.1', '3.12.1'],
      ['~3.14', '3.14.0'],
      ['>=3.13.0 <4', '3.13.0'],
      ['3.x', '3.0.0'],
      ['*', undefined],
      ['latest', undefined],
      ['git+https://example.invalid/x.git', undefined],
    ];
    for (const [range, expected] of table) assert.equal(minimumVersion(range), expected, range);
    assert.ok(compareVersions('3.9.0', '3.14.0') < 0);
    assert.equal(compareVersions('3.14', '3.14.0'), 0);
  });

  test('package.json dependency, nearest upward, with the span of the range', () => {
    const manifest = '{\n  "dependencies": {\n    "callstats-js": "^3.12.1"\n  }\n}\n';
    const dir = writeTree({ 'package.json': manifest, 'src/app/a.js': '' });
    const info = new ProjectInfo(new Workspace(), []);
    const version = info.sdkVersion(path.join(dir, 'src/app/a.js'));
    assert.deepEqual(version && { ...version, file: path.basename(version.file) }, { version: '3.12.1', file: 'package.json', start: manifest.indexOf('^3.12.1'), end: manifest.indexOf('^3.12.1') + 7 });
  });

  test("a versioned script URL in the package's page counts for its scripts", () => {
    const page = '<script src="https://api.callstats.io/static/callstats-3.12.1.min.js"></script>';
    const dir = writeTree({ 'package.json': '{}', 'index.html': page, 'js/app.js': '' });
    const info = new ProjectInfo(new Workspace(), [path.join(dir, 'index.html')]);
    assert.equal(info.sdkVersion(path.join(dir, 'js/app.js'))?.version, '3.12.1');
    assert.equal(info.sdkVersion(path.join(dir, 'index.html'))?.start, page.indexOf('https'));
  });

  test('no version pinned', () => {
    const dir = writeTree({ 'package.json': '{"dependencies":{"react":"^18"}}', 'a.js': '' });
    assert.equal(new ProjectInfo(new Workspace(), []).sdkVersion(path.join(dir, 'a.js')), undefined);
  });
});
