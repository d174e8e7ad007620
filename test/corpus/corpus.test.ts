// The corpus of realistic integrations: each case's findings equal its `// expect:` markers exactly, and no case makes the linter fail.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDifferences, listCases, parseMarkers, passes, runCase } from './harness.js';

const cases = listCases();

test('the corpus has at least 32 cases', () => {
  assert.ok(cases.length >= 32, `${cases.length} cases`);
});

for (const name of cases) {
  test(`corpus case ${name}`, () => {
    const result = runCase(name);
    assert.ok(result.files.length > 0, 'the case has files to lint');
    assert.deepEqual(result.problems, [], 'no file problems: the analysis and every rule ran');
    if (!passes(result)) assert.fail(`findings differ from the markers of ${name}:\n${describeDifferences(result)}`);
  });
}

test('markers: trailing, next-line, severities, notes, silences', () => {
  const text = [
    "cs.initialize(APP_ID, SECRET, 'x'.repeat(300)); // expect: id-max-bytes:error -- 300 bytes",
    '// expect-next-line: id-unicode, id-case-collision',
    '  `Room\u200b`;',
    "cs.addNewFabric(pc, peer, usage, room); // expect: id-empty (known miss: set by a plugin at run time, unseen), remote-userid-topology:warn (no fix)",
    '<div>{/* expect: userid-privacy */}</div>',
    '<!-- expect-next-line: removed-api -->',
    "cs.on('error'); // ok: api-before-initialize, id-empty -- on() needs no initialize()",
  ].join('\n');
  const markers = parseMarkers('app.js', text);
  assert.deepEqual(markers.errors, []);
  assert.deepEqual(
    markers.expectations.map((e) => [e.line, e.ruleId, e.severity ?? null, e.knownMiss ?? null, e.noFix]),
    [
      [1, 'id-max-bytes', 'error', null, false],
      [3, 'id-unicode', null, null, false],
      [3, 'id-case-collision', null, null, false],
      [4, 'id-empty', null, 'set by a plugin at run time, unseen', false],
      [4, 'remote-userid-topology', 'warn', null, true],
      [5, 'userid-privacy', null, null, false],
      [7, 'removed-api', null, null, false],
    ],
  );
  assert.deepEqual(
    markers.silences.map((s) => [s.line, s.ruleId]),
    [
      [7, 'api-before-initialize'],
      [7, 'id-empty'],
    ],
  );
});

test('markers: mistakes in markers are reported, not ignored', () => {
  const markers = parseMarkers(
    'app.js',
    ['a(); // expect: id-max-byte', 'b(); // expect: id-empty:fatal', 'c(); // ok: id-empty', 'd(); // expect: id-empty (maybe)', 'e(); // expect: id-empty // ok: id-empty -- both'].join('\n'),
  );
  assert.deepEqual(markers.errors, [
    'app.js:1: unknown rule "id-max-byte"',
    'app.js:2: unknown severity "fatal"',
    'app.js:3: an ok marker says why after " -- "',
    'app.js:4: unknown note "(maybe)"; known: "(known miss: <reason>)", "(no fix)"',
    'app.js:5: cannot read marker item "id-empty // ok: id-empty"',
  ]);
});
