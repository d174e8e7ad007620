// SARIF 2.1.0, the format GitHub code scanning and other static-analysis dashboards import.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../../package.json';
import { RULES } from '../rules/index.js';
import type { FileReport, RelatedLocation, Severity, SourceRange } from '../engine/types.js';
import { sortedFindings, type FormatContext } from './index.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';
/** The package's homepage once it has one; until then the documentation shipped with it. */
const INFORMATION_URI = (pkg as { homepage?: string }).homepage ?? new URL('../', RULES[0].docsUrl).href;

/** Files below cwd are relative to %SRCROOT%, so the log is portable between checkouts; others stay absolute. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function physicalLocation(file: string, range: SourceRange, cwd: string) {
  return {
    artifactLocation: artifactLocation(file, cwd),
    region: { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn },
  };
}

function relatedLocation(related: RelatedLocation, index: number, cwd: string) {
  return { id: index, physicalLocation: physicalLocation(related.file, related.range, cwd), message: { text: related.message } };
}

export function sarif(reports: FileReport[], ctx: FormatContext): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const results = reports.flatMap((report) =>
    sortedFindings(report.findings).map((finding) => ({
      ruleId: finding.ruleId,
      ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: physicalLocation(finding.file, finding.range, ctx.cwd) }],
      ...(finding.related.length > 0
        ? { relatedLocations: finding.related.map((related, index) => relatedLocation(related, index, ctx.cwd)) }
        : {}),
    })),
  );
  // Files that could not be analysed are the tool's failures, not findings: SARIF reports them on the invocation.
  const notifications = reports.flatMap((report) =>
    report.problems.map((problem) => ({
      level: 'error',
      message: { text: problem },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(report.file, ctx.cwd) } }],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'callstats-lint',
            informationUri: INFORMATION_URI,
            version: pkg.version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: rule.docsUrl,
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
