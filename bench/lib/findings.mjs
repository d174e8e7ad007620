// Compares callstats-lint's JSON report with what the generator planted (bench-manifest.json).
import * as path from 'node:path';

/** `{ byRule, findings: [{ file, line, ruleId }] }` from an ESLint-style JSON report, paths relative to `root` (the plugin's `callstats/` prefix dropped). */
export function reportedFindings(results, root) {
  const findings = [];
  for (const result of results) {
    const file = path.relative(root, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) findings.push({ file, line: message.line ?? 0, ruleId: message.ruleId?.replace(/^callstats\//, '') ?? '(problem)' });
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const byRule = {};
  for (const f of findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  return { total: findings.length, byRule, findings };
}

/** Planted findings that were not reported, and reported ones that were not planted. */
export function compareFindings(expected, reported) {
  const key = (f) => `${f.file}:${f.line} ${f.ruleId}`;
  const want = new Set(expected.findings.map(key));
  const got = new Set(reported.findings.map(key));
  return { missed: [...want].filter((k) => !got.has(k)), unexpected: [...got].filter((k) => !want.has(k)) };
}
