// The package's programmatic API (its main export): lintFiles and lintText as in ESLint's Node.js API, and the formatters.
import * as path from 'node:path';
import pkg from '../../package.json';
import { LintCache, defaultCacheDirectory } from './engine/cache.js';
import { ConfigError, ConfigResolver } from './engine/config.js';
import { discoverFiles, isIgnoredFile, isLintableFile, type IgnoreOptions } from './engine/files.js';
import { fixFiles } from './engine/fixes.js';
import { Linter, type LintRequest } from './engine/linter.js';
import type { FileReport, UserConfig } from './engine/types.js';
import { FORMATTERS, type FormatName } from './formatters/index.js';
import { ignoredResult, toLintResults, type LintResult } from './formatters/results.js';
import { RULES } from './rules/index.js';

export type { LintMessage, LintResult, RelatedMessage } from './formatters/results.js';
export type { FormatName } from './formatters/index.js';
export type { RuleSetting, Topology, UserConfig } from './engine/types.js';

export const version: string = pkg.version;

export interface LintOptions {
  /** Relative patterns, paths and configuration files are resolved against this folder. Default: process.cwd(). */
  cwd?: string;
  /** Use this configuration file instead of looking for one (the CLI's --config). */
  configFile?: string;
  /** Settings over every configuration found (the CLI's --topology, --conference-server-id and --rule). */
  overrideConfig?: Omit<UserConfig, 'ignores'>;
  /** false: lint files even when .gitignore, .git/info/exclude or an ignore pattern covers them. Default: true. */
  ignore?: boolean;
  /** More globs of files not to lint, relative to `cwd` (the CLI's --ignore-pattern). */
  ignorePatterns?: string[];
  /** Work out the safe fixes: results of changed files get `output`. No file is written. Default: false. */
  fix?: boolean;
  /** Keep facts and results in a cache between runs, as the CLI does (lintFiles only). Default: false. */
  cache?: boolean;
  /** The cache folder. Default: node_modules/.cache/callstats-lint beside the nearest package.json. */
  cacheLocation?: string;
  /** Report callstats-lint-disable comments that suppress nothing, as errors. Default: false. */
  reportUnusedDisableDirectives?: boolean;
  /** Files found in folders that are larger are skipped (named files are always read). Default: 2 MB. */
  maxFileSize?: number;
}

export interface LintTextOptions extends LintOptions {
  /** The file the text stands for: its configuration, its imports and importers, and the report's path. Default: "<text>". */
  filePath?: string;
  /** A result with ESLint's "File ignored" warning when filePath is ignored (else no result). Default: true. */
  warnIgnored?: boolean;
}

export interface FormatOptions {
  /** Paths are shown relative to this folder. Default: process.cwd(). */
  cwd?: string;
  /** ANSI colours, for the stylish format. Default: false. */
  color?: boolean;
}

/** The report formatters by name: each takes the results of lintFiles or lintText (or of `--format json`). */
export const formatters = Object.fromEntries(
  Object.entries(FORMATTERS).map(([name, formatter]) => [name, (results: readonly LintResult[], options: FormatOptions = {}) => formatter(results, { cwd: options.cwd ?? process.cwd(), color: options.color, rules: RULES.map((rule) => rule.meta) })]),
) as Record<FormatName, (results: readonly LintResult[], options?: FormatOptions) => string>;

/** The one place the API makes a Linter, with the built-in rules: every call gets a fresh one, so calls never see each other's files. */
function createLinter(): Linter {
  return new Linter({ rules: RULES });
}

/** What standard input is called without a file name, as in ESLint. */
const TEXT_NAME = '<text>';

/** A file path, patterns or configuration that cannot be used: the message says which and why. */
export class LintError extends Error {
  override name = 'LintError';
}

interface Run {
  cwd: string;
  resolver: ConfigResolver;
  ignore: IgnoreOptions;
}

function setUp(options: LintOptions): Run {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const resolver = new ConfigResolver({ ruleIds: RULES.map((rule) => rule.meta.id), configFile: options.configFile && path.resolve(cwd, options.configFile), overrides: options.overrideConfig });
  return { cwd, resolver, ignore: { ignore: options.ignore, patterns: options.ignorePatterns, configIgnores: (folder) => resolver.ignoresFor(folder), listed: (folder, names) => resolver.listed(folder, names) } };
}

/** Lints the files and settles the fixes; results come sorted by path. Throws ConfigError for a broken configuration. */
function lint(linter: Linter, run: Run, request: Omit<LintRequest, 'configFor'>, options: LintOptions, textOf: (file: string) => string | undefined): LintResult[] {
  // Broken configuration stops the run up front, as on the command line.
  for (const file of request.files) run.resolver.forFile(file);
  const full: LintRequest = {
    ...request,
    configFor: (file) => run.resolver.forFile(file),
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ? 'error' : 'off',
    maxFileSize: options.maxFileSize,
  };
  let reports: FileReport[] = linter.lint(full);
  let output: Map<string, string> | undefined;
  if (options.fix) {
    const outcome = fixFiles(linter, full, reports, textOf);
    reports = outcome.reports;
    output = new Map([...outcome.fixed].filter(([file, text]) => text !== textOf(file)));
  }
  return toLintResults(reports, { source: textOf, output });
}

const byPath = (a: LintResult, b: LintResult): number => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0);

/**
 * Lints the files that paths and globs name, as the command line does. Throws LintError when a
 * pattern matches no file (or only ignored ones) and for a broken configuration.
 */
export async function lintFiles(patterns: string | string[], options: LintOptions = {}): Promise<LintResult[]> {
  const run = setUp(options);
  const files = new Set<string>();
  const named = new Set<string>();
  const ignored = new Set<string>();
  const problems = new Map<string, string[]>();
  for (const pattern of typeof patterns === 'string' ? [patterns] : patterns) {
    const found = guarded(() => discoverFiles([pattern], run.cwd, run.ignore));
    if (found.files.length + found.ignored.length + found.skipped.length === 0) {
      throw new LintError(found.ignoredCount > 0 ? `All files matched by "${pattern}" are ignored.` : `No files matching the pattern "${pattern}" were found.`);
    }
    found.files.forEach((file) => files.add(file));
    found.named.forEach((file) => named.add(file));
    found.ignored.forEach((file) => ignored.add(file));
    for (const problem of found.problems) problems.set(problem.path, [...(problems.get(problem.path) ?? []), problem.message]);
  }
  const linter = createLinter();
  const cacheDir = options.cache ? (options.cacheLocation ? path.resolve(run.cwd, options.cacheLocation) : defaultCacheDirectory(run.cwd)) : undefined;
  const results = guarded(() =>
    lint(linter, run, { files: [...files].sort(), namedFiles: [...named], cache: cacheDir ? new LintCache(cacheDir) : undefined }, options, (f) => (files.has(f) ? linter.sourceText(f) : undefined)),
  );
  const unlisted = [...problems].filter(([file]) => !files.has(file)).map(([file, messages]) => toLintResults([{ file, findings: [], problems: messages }])[0]);
  return [...results, ...unlisted, ...[...ignored].filter((file) => !files.has(file)).map(ignoredResult)].sort(byPath);
}

/**
 * Lints a text as the file `filePath` (which need not exist): its configuration applies, and its
 * imports and the files importing it are followed as if the text were on disk. One result, or none
 * for an ignored file with `warnIgnored: false` or a file that is not a script or a page.
 */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult[]> {
  const run = setUp(options);
  const file = path.resolve(run.cwd, options.filePath ?? TEXT_NAME);
  if (options.filePath !== undefined && !isLintableFile(file)) return [];
  if (guarded(() => isIgnoredFile(file, run.cwd, run.ignore))) return options.warnIgnored === false ? [] : [ignoredResult(file)];
  const linter = createLinter();
  linter.setOverlay(file, text);
  return guarded(() => lint(linter, run, { files: [file], namedFiles: [file] }, options, (f) => (f === file ? text : undefined)));
}

/** Configuration errors become LintError, with the same one-line message the command line prints. */
function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ConfigError) throw new LintError(error.message);
    throw error;
  }
}
