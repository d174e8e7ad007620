// SARIF 2.1.0, the format GitHub code scanning and other static-analysis dashboards import.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import pkg from '../../../package.json';
import { RULES } from '../rules/index.js';
import { levelOf, type FormatContext, type LintResult, type MessageLevel } from './shared.js';

const LEVEL: Record<MessageLevel, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';
/** The package's homepage once it has one; until then the documentation shipped with it. */
const INFORMATION_URI = (pkg as { homepage?: string }).homepage ?? new URL('../', RULES[0].docsUrl).href;

interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Files below cwd are relative to %SRCROOT%, so the log is portable between checkouts; others stay absolute. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(cwd, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function physicalLocation(file: string, region: Region, cwd: string) {
  return {
    artifactLocation: artifactLocation(file, cwd),
    region: { startLine: region.line, startColumn: region.column, endLine: region.endLine, endColumn: region.endColumn },
  };
}

export function sarif(lintResults: readonly LintResult[], ctx: FormatContext): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const results = lintResults.flatMap((result) =>
    result.messages.flatMap((message) => {
      if (message.ruleId === null || message.line === undefined) return [];
      return [
        {
          ruleId: message.ruleId,
          ...(ruleIndex.has(message.ruleId) ? { ruleIndex: ruleIndex.get(message.ruleId) } : {}),
          level: LEVEL[levelOf(message)],
          message: { text: message.message },
          locations: [{ physicalLocation: physicalLocation(result.filePath, message as Region, ctx.cwd) }],
          ...(message.related
            ? { relatedLocations: message.related.map((r, id) => ({ id, physicalLocation: physicalLocation(r.filePath, r, ctx.cwd), message: { text: r.message } })) }
            : {}),
        },
      ];
    }),
  );
  // Files that could not be analysed (or were not, being ignored) are about the tool's run, not findings:
  // SARIF reports them on the invocation.
  const notifications = lintResults.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId === null)
      .map((message) => ({
        level: message.fatal ? 'error' : 'warning',
        message: { text: message.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(result.filePath, ctx.cwd) } }],
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
        invocations: [{ executionSuccessful: !notifications.some((n) => n.level === 'error'), toolExecutionNotifications: notifications }],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
