// SARIF 2.1.0, the format GitHub code scanning and other static-analysis dashboards import.
import * as fs from 'node:fs';
import * as path from 'node:path';
import pkg from '../../../package.json';
import { docsMarkdown, publicDocsUrl } from '../docs.js';
import type { RuleMeta } from '../engine/rule.js';
import { levelOf, type FormatContext, type LintResult, type MessageLevel } from './shared.js';
import type { RelatedMessage } from './results.js';

const LEVEL: Record<MessageLevel, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note' };

/** A span of a file, as lint messages give it. */
interface Region {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
const SRCROOT = '%SRCROOT%';
const HOMEPAGE = (pkg as { homepage?: string }).homepage;
/** The sections of a rule's page that code scanning shows with each alert. */
const HELP_SECTIONS = ['What the guide requires', 'Incorrect code', 'Correct code'];

/**
 * The repository root: the nearest folder at or above `cwd` with a `.git` (a folder, or a file in a
 * worktree or submodule), else `cwd`. Code scanning resolves %SRCROOT% to the repository's root, so
 * a run from a package of a monorepo still points at the right files.
 */
function sourceRoot(cwd: string): string {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

/** A file as a URI relative to the source root: never a path of the machine that ran the linter. */
function artifactLocation(file: string, root: string): { uri: string; uriBaseId: string } {
  const rel = path.relative(root, file) || path.basename(file);
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function physicalLocation(file: string, range: Region, root: string) {
  return {
    artifactLocation: artifactLocation(file, root),
    region: { startLine: range.line, startColumn: range.column, endLine: range.endLine, endColumn: range.endColumn },
  };
}

function relatedLocation(related: RelatedMessage, index: number, root: string) {
  return { id: index, physicalLocation: physicalLocation(related.filePath, related, root), message: { text: related.message } };
}

/** The page's H2 sections by heading. */
function sections(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  let heading: string | undefined;
  let lines: string[] = [];
  let fenced = false;
  const flush = () => {
    if (heading !== undefined) out.set(heading, lines.join('\n').trim());
  };
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && line.startsWith('## ')) {
      flush();
      heading = line.slice(3).trim();
      lines = [];
    } else lines.push(line);
  }
  flush();
  return out;
}

/** What the guide requires and incorrect and correct code, from the rule's page: code scanning shows it without a link. */
function help(meta: RuleMeta): { text: string; markdown: string } {
  const page = docsMarkdown(meta);
  const found = page ? sections(page) : new Map<string, string>();
  const parts = HELP_SECTIONS.filter((s) => found.get(s)).map((s) => ({ heading: s, body: found.get(s)! }));
  if (!parts.length) return { text: `${meta.description}.`, markdown: `${meta.description}.` };
  return {
    markdown: parts.map((p) => `## ${p.heading}\n\n${p.body}`).join('\n\n'),
    text: parts.map((p) => `${p.heading}\n\n${p.body.replace(/^```\w*\n?/gm, '')}`).join('\n\n'),
  };
}

function ruleDescriptor(meta: RuleMeta) {
  const helpUri = publicDocsUrl(meta, HOMEPAGE);
  return {
    id: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description}.` },
    help: help(meta),
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
  };
}

export function sarif(lintResults: readonly LintResult[], ctx: FormatContext): string {
  const root = sourceRoot(ctx.cwd);
  const ruleIndex = new Map(ctx.rules.map((rule, index) => [rule.id, index]));
  const results = lintResults.flatMap((result) =>
    result.messages.flatMap((message) => {
      if (message.ruleId === null || message.line === undefined) return [];
      return [
        {
          ruleId: message.ruleId,
          ...(ruleIndex.has(message.ruleId) ? { ruleIndex: ruleIndex.get(message.ruleId) } : {}),
          level: LEVEL[levelOf(message)],
          message: { text: message.help ? `${message.message}. ${message.help}` : message.message },
          locations: [{ physicalLocation: physicalLocation(result.filePath, message as Region, root) }],
          ...(message.related ? { relatedLocations: message.related.map((related, index) => relatedLocation(related, index, root)) } : {}),
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
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(result.filePath, root) } }],
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
            ...(HOMEPAGE ? { informationUri: HOMEPAGE } : {}),
            version: pkg.version,
            rules: ctx.rules.map(ruleDescriptor),
          },
        },
        invocations: [{ executionSuccessful: !notifications.some((n) => n.level === 'error'), toolExecutionNotifications: notifications }],
        // No local path: the consumer (code scanning) knows where its checkout is.
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the repository the linted files belong to.' } } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
