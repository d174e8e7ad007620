// Precision and recall of the linter on test/corpus: true and false positives and false negatives per rule, from the cases' markers.
//
//   node bench/accuracy.mjs [--json] [--cases] [case ...]
//
// The harness (test/corpus/harness.ts) is the one the corpus test uses; it is bundled here with the build's plugins.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compilerPlugin } from '../scripts/compiler-plugin.mjs';
import { configValidatorPlugin } from '../scripts/config-validator-plugin.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values, positionals } = parseArgs({
  options: { json: { type: 'boolean', default: false }, cases: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  allowPositionals: true,
});
if (values.help) {
  console.log('usage: node bench/accuracy.mjs [--json] [--cases] [case ...]\n  --json   machine-readable results\n  --cases  also print each case\'s result\n  case     only these cases of test/corpus/cases');
  process.exit(0);
}

const outfile = join(root, 'out', 'accuracy', 'harness.js');
await esbuild.build({
  entryPoints: [join(root, 'test', 'corpus', 'harness.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  absWorkingDir: root,
  packages: 'external',
  plugins: [compilerPlugin(root), configValidatorPlugin(root)],
});
const harness = createRequire(import.meta.url)(outfile);

const names = positionals.length ? positionals : harness.listCases();
const unknown = names.filter((name) => !harness.listCases().includes(name));
if (unknown.length) {
  console.error(`no such case: ${unknown.join(', ')}`);
  process.exit(2);
}
const results = names.map((name) => harness.runCase(name));

const RULES = harness.RULE_IDS;
const blank = () => ({ tp: 0, fp: 0, fn: 0, knownMisses: 0 });
const perRule = Object.fromEntries(RULES.map((id) => [id, blank()]));
const total = blank();
const add = (id, key) => {
  perRule[id][key]++;
  total[key]++;
};
for (const r of results) {
  for (const t of r.truePositives) add(t.finding.ruleId, 'tp');
  for (const f of r.falsePositives) add(f.finding.ruleId, 'fp');
  for (const e of r.falseNegatives) add(e.ruleId, e.knownMiss === undefined ? 'fn' : 'knownMisses');
  // A finding with the wrong severity or an unwanted fix is both: the finding is not the one asked for.
  for (const m of r.mismatches) {
    add(m.finding.ruleId, 'fp');
    add(m.finding.ruleId, 'fn');
  }
}
const ratio = (num, den) => (den === 0 ? null : num / den);
const scored = (c) => ({ ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn + c.knownMisses) });

const where = (x) => `${x.file}:${x.line}`;
const falsePositives = results.flatMap((r) => [
  ...r.falsePositives.map(({ finding, silence }) => ({ case: r.name, at: `${where(finding)}:${finding.column}`, ruleId: finding.ruleId, severity: finding.severity, message: finding.message, silenced: silence?.marker })),
  ...r.mismatches.map(({ finding, problem }) => ({ case: r.name, at: `${where(finding)}:${finding.column}`, ruleId: finding.ruleId, severity: finding.severity, message: finding.message, mismatch: problem })),
]);
const falseNegatives = results.flatMap((r) => [
  ...r.falseNegatives.map((e) => ({ case: r.name, at: where(e), ruleId: e.ruleId, marker: e.marker, knownMiss: e.knownMiss })),
  ...r.mismatches.map(({ expectation, problem }) => ({ case: r.name, at: where(expectation), ruleId: expectation.ruleId, marker: expectation.marker, mismatch: problem })),
]);
const failing = results.filter((r) => !harness.passes(r));

if (values.json) {
  console.log(JSON.stringify({
    cases: results.length,
    passing: results.length - failing.length,
    rules: Object.fromEntries(RULES.map((id) => [id, scored(perRule[id])])),
    total: scored(total),
    falsePositives,
    falseNegatives,
    problems: results.flatMap((r) => r.problems.map((p) => ({ case: r.name, problem: p }))),
    markerErrors: results.flatMap((r) => r.markers.errors.map((e) => ({ case: r.name, error: e }))),
  }, null, 2));
} else {
  const pct = (x) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
  const row = (id, c) => {
    const s = scored(c);
    return `| ${id} | ${c.tp} | ${c.fp} | ${c.fn} | ${c.knownMisses} | ${pct(s.precision)} | ${pct(s.recall)} |`;
  };
  console.log(`corpus: ${results.length} cases, ${results.length - failing.length} pass exactly\n`);
  console.log('| rule | TP | FP | FN | known misses | precision | recall |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const id of RULES) console.log(row(id, perRule[id]));
  console.log(row('**total**', total));
  if (falsePositives.length) {
    console.log('\nfalse positives:');
    for (const f of falsePositives) console.log(`  ${f.case}/${f.at} ${f.ruleId} (${f.severity})${f.mismatch ? ` [${f.mismatch}]` : ''}${f.silenced ? ` [marked "${f.silenced}"]` : ''}: ${f.message}`);
  }
  if (falseNegatives.length) {
    console.log('\nfalse negatives:');
    for (const f of falseNegatives) console.log(`  ${f.case}/${f.at} ${f.ruleId}: "${f.marker}"${f.mismatch ? ` [${f.mismatch}]` : ''}`);
  }
  const problems = results.flatMap((r) => [...r.problems, ...r.markers.errors].map((p) => `  ${r.name}: ${p}`));
  if (problems.length) console.log(`\nproblems:\n${problems.join('\n')}`);
  if (values.cases) {
    console.log('\ncases:');
    for (const r of results) console.log(`  ${harness.passes(r) ? 'pass' : 'FAIL'} ${r.name}`);
  }
}
