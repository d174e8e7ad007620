// The command line: file discovery, configuration, linting, --fix, report formatting and exit codes (options in cli-options.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import pkg from '../../package.json';
import { LintCache } from './engine/cache.js';
import { ConfigError, ConfigResolver } from './engine/config.js';
import { makeFolder } from './engine/disk.js';
import { fixFiles } from './engine/fixes.js';
import { discoverFiles, isIgnoredFile, isLintableFile, type IgnoreOptions } from './engine/files.js';
import { Linter } from './engine/linter.js';
import type { FileReport, ResolvedConfig } from './engine/types.js';
import { unifiedDiff } from './formatters/diff.js';
import { FORMATTERS } from './formatters/index.js';
import { ignoredResult, toLintResults, type LintResult } from './formatters/results.js';
import type { Rule } from './engine/rule.js';
import { Snapshots, addProblem, writeFixes } from './fix-writer.js';
import { RULES } from './rules/index.js';
import { NAME, STDIN_NAME, UsageError, oneLine, parseOptions, processIo, usage, type Io, type Options, type Output } from './cli-options.js';

export type { Io } from './cli-options.js';

/** The report could not be written out (a closed pipe, a full disk): one line on stderr, exit code 2. */
class OutputError extends Error {}

/**
 * Writes to standard output (or error) and waits until the text is out. A reader that went away
 * (EPIPE, as with `| head -1`) or a full disk (ENOSPC) is reported, never an unhandled 'error' event.
 */
function emit(stream: Output, name: string, text: string): Promise<void> {
  if (!text) return Promise.resolve();
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => {
      if (error) reject(new OutputError(`cannot write to ${name} (${(error as NodeJS.ErrnoException).code ?? error.message})`));
      else resolve();
    });
  });
}

/** Once a write failed the stream emits 'error' too, which would throw for want of a listener: the write's own callback reports it. */
let streamsGuarded = false;
function guardStreams(): void {
  if (streamsGuarded) return;
  streamsGuarded = true;
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
}

interface Found {
  files: string[];
  named: string[];
  /** The real paths of the folders walked and the files named: --fix writes nowhere else. */
  roots: string[];
  /** Named files that an ignore rule covers. */
  ignored: string[];
  /** Named files that are not scripts or pages. */
  skipped: string[];
  problems: Map<string, string[]>;
}

/** Expands every pattern; a pattern that matches nothing (or only ignored files) is a usage error, as in ESLint. */
function discover(patterns: string[], cwd: string, ignore: IgnoreOptions): Found {
  const found: Found = { files: [], named: [], roots: [], ignored: [], skipped: [], problems: new Map() };
  const files = new Set<string>();
  const roots = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const result = discoverFiles([pattern], cwd, ignore);
    if (result.files.length + result.ignored.length + result.skipped.length === 0) {
      const why = result.problems.map((problem) => problem.message);
      unmatched.push(
        result.ignoredCount > 0
          ? `All files matched by "${pattern}" are ignored.`
          : `No files matching the pattern "${pattern}" were found${why.length ? ` (${why.join('; ')})` : ''}.`,
      );
    }
    for (const file of result.files) files.add(file);
    found.named.push(...result.named);
    for (const root of result.roots) roots.add(root);
    found.ignored.push(...result.ignored);
    found.skipped.push(...result.skipped);
    for (const problem of result.problems) addProblem(found.problems, problem.path, problem.message);
  }
  if (unmatched.length > 0) throw new UsageError(unmatched.join('\n'));
  found.files = [...files].sort();
  found.roots = [...roots];
  found.ignored = [...new Set(found.ignored)].filter((file) => !files.has(file)).sort();
  found.skipped = [...new Set(found.skipped)].sort();
  return found;
}

/** The fixes as one patch: a unified diff per changed file, paths relative to `cwd`. */
function patchOf(fixed: Map<string, string>, snapshots: Snapshots, cwd: string): string {
  return [...fixed.keys()]
    .sort()
    .map((file) => unifiedDiff(path.relative(cwd, file).split(path.sep).join('/'), snapshots.text(file)!, fixed.get(file)!))
    .join('');
}

/**
 * Every file's configuration, resolved before any linting, so a broken configuration stops the run up
 * front. A package.json that cannot be parsed is only its folder's problem (ConfigError.local): the
 * linter reports it for the files below it and lints the rest.
 */
function resolveConfigs(files: string[], resolver: ConfigResolver): Map<string, ResolvedConfig | ConfigError> {
  const configs = new Map<string, ResolvedConfig | ConfigError>();
  for (const file of files) {
    try {
      configs.set(file, resolver.forFile(file));
    } catch (error) {
      if (!(error instanceof ConfigError && error.local)) throw error;
      configs.set(file, error);
    }
  }
  return configs;
}

function withProblems(reports: FileReport[], problems: Map<string, string[]>): FileReport[] {
  const byFile = new Map(reports.map((report) => [report.file, report]));
  const extra: FileReport[] = [];
  for (const [file, messages] of problems) {
    const report = byFile.get(file);
    if (report) byFile.set(file, { ...report, problems: [...report.problems, ...messages] });
    else extra.push({ file, findings: [], problems: messages });
  }
  return [...byFile.values(), ...extra].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Reads all of standard input as UTF-8. */
async function readStdin(io: Io): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin()) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The configuration --print-config shows: every rule with the severity it runs at, and the ignores of the configuration file that applies (relative to it). */
function printableConfig(resolver: ConfigResolver, file: string, ruleSet: readonly Rule[]): object {
  const config = resolver.forFile(file);
  const rules = Object.fromEntries(ruleSet.map(({ meta }) => [meta.id, config.rules[meta.id] ?? meta.defaultSeverity]));
  const ignores = resolver.ignoresFor(path.dirname(file));
  return {
    topology: config.topology,
    conferenceServerIds: config.conferenceServerIds,
    userIdMaxBytes: config.userIdMaxBytes,
    rules,
    ignores: ignores?.patterns ?? [],
    sources: config.sources,
  };
}

/** What to lint: the files found, or standard input standing in for one file. */
interface Target extends Found {
  /** Standard input's text, linted as the only file. */
  stdin?: { file: string; text: string };
}

async function targetOf(options: Options, cwd: string, ignore: IgnoreOptions, io: Io): Promise<Target> {
  if (options.stdinFile === undefined) return discover(options.patterns, cwd, ignore);
  const file = path.resolve(cwd, options.stdinFile);
  const text = await readStdin(io);
  const target: Target = { files: [], named: [], roots: [], ignored: [], skipped: [], problems: new Map() };
  if (!isLintableFile(file) && options.stdinFile !== STDIN_NAME) target.skipped.push(file);
  else if (isIgnoredFile(file, cwd, ignore)) target.ignored.push(file);
  else Object.assign(target, { files: [file], named: [file], stdin: { file, text } });
  return target;
}

async function run(argv: string[], rules: readonly Rule[], io: Io): Promise<number> {
  const ruleIds = rules.map((rule) => rule.meta.id);
  const options = parseOptions(argv, io, ruleIds);
  if (options === 'help') {
    await emit(io.stdout, 'standard output', usage(rules));
    return 0;
  }
  if (options === 'version') {
    await emit(io.stdout, 'standard output', `${pkg.version}\n`);
    return 0;
  }
  const cwd = process.cwd();
  const resolver = new ConfigResolver({ ruleIds, configFile: options.configFile, overrides: options.overrides });
  if (options.printConfig !== undefined) {
    await emit(io.stdout, 'standard output', `${JSON.stringify(printableConfig(resolver, path.resolve(cwd, options.printConfig), rules), null, 2)}\n`);
    return 0;
  }
  const ignore: IgnoreOptions = { ...options.ignore, configIgnores: (folder) => resolver.ignoresFor(folder), listed: (folder, names) => resolver.listed(folder, names) };
  const { files, named, roots, ignored, skipped, problems, stdin } = await targetOf(options, cwd, ignore, io);
  for (const file of skipped) io.stderr.write(`${NAME}: ${displayPath(file, cwd)}: skipped, not a JavaScript or TypeScript file or a page with scripts\n`);

  const configs = resolveConfigs(files, resolver);
  const configFor = (file: string): ResolvedConfig => {
    const config = configs.get(file) ?? resolver.forFile(file);
    if (config instanceof ConfigError) throw config;
    return config;
  };

  const request = {
    files,
    configFor,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ? ('error' as const) : ('off' as const),
    maxFileSize: options.maxFileSize,
    namedFiles: named,
  };
  const snapshots = options.fix || options.fixDryRun ? new Snapshots(files, roots, problems) : undefined;
  const linter = new Linter({ rules });
  // Standard input stands in for the file on disk, as an editor's buffer does: imports of it and from it are followed alike.
  if (stdin) linter.setOverlay(stdin.file, stdin.text);
  // Only the first lint uses the cache: --fix passes lint texts that never reach the disk as they are.
  // Fixes come from a fresh analysis: a cache can change what is reported, never what is written.
  const cache = options.cacheLocation && !stdin ? new LintCache(options.cacheLocation, { forFixes: snapshots !== undefined }) : undefined;
  let reports = linter.lint({ ...request, cache });
  let patch: string | undefined;
  let fixed: Map<string, string> | undefined;
  if (snapshots) {
    // Fixed in memory, pass after pass; the files are written (or diffed) once at the end.
    const outcome = fixFiles(linter, request, reports, (file) => snapshots.text(file));
    fixed = new Map([...outcome.fixed].filter(([file, text]) => text !== snapshots.text(file)));
    if (options.fixDryRun) {
      patch = patchOf(outcome.fixed, snapshots, cwd);
      reports = outcome.reports;
    } else {
      // A file left unwritten still has its old findings: then only a fresh lint of the disk tells what remains.
      reports = writeFixes(outcome.fixed, snapshots, problems) ? outcome.reports : new Linter({ rules }).lint(request);
    }
  }
  reports = withProblems(reports, problems);
  if (options.quiet) {
    reports = reports.map((report) => ({ ...report, findings: report.findings.filter((finding) => finding.severity === 'error') }));
  }
  // What was linted, as the linter read it (never a read of a file that is only a problem's, a FIFO say).
  const linted = new Set(files);
  const sourceOf = (file: string): string | undefined => (linted.has(file) ? (snapshots?.text(file) ?? linter.sourceText(file)) : undefined);
  const results = sortResults([
    ...toLintResults(reports, { source: sourceOf, output: fixed }),
    ...(options.warnIgnored && !options.quiet ? ignored.map(ignoredResult) : []),
  ]);

  const output = FORMATTERS[options.format](results, { cwd, color: options.color && patch === undefined, rules: rules.map((rule) => rule.meta) });
  const text = output ? `${output}\n` : '';
  // With --fix-dry-run standard output carries only the patch, so that it can be piped to `git apply`.
  if (patch !== undefined) await emit(io.stdout, 'standard output', patch);
  if (options.outputFile) {
    const folder = path.dirname(path.resolve(options.outputFile));
    if (!makeFolder(folder)) throw new UsageError(`cannot write ${options.outputFile} (its folder cannot be made)`);
    try {
      fs.writeFileSync(options.outputFile, text);
    } catch (error) {
      throw new UsageError(`cannot write ${options.outputFile} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  } else if (patch !== undefined) {
    await emit(io.stderr, 'standard error', text);
  } else {
    await emit(io.stdout, 'standard output', text);
  }

  const errors = results.reduce((n, result) => n + result.errorCount, 0);
  const warnings = results.reduce((n, result) => n + result.warningCount, 0);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) io.stderr.write(`${NAME} found too many warnings (maximum: ${options.maxWarnings}).\n`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

function sortResults(results: LintResult[]): LintResult[] {
  return results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
}

/** Relative to cwd when below it, as in the reports. */
function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Runs the command line with these rules (the built-in ones unless told) and streams; resolves to the exit code and never throws. */
export async function main(argv: string[], rules: readonly Rule[] = RULES, io: Io = processIo()): Promise<number> {
  guardStreams();
  try {
    return await run(argv, rules, io);
  } catch (error) {
    if (error instanceof OutputError) {
      io.stderr.write(`${NAME}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      // One line: a JSON parse error can quote the file's own line breaks.
      io.stderr.write(`${NAME}: ${oneLine(error.message)}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(error.message.split('\n').map((line) => `${NAME}: ${line}\n`).join(''));
      return 2;
    }
    io.stderr.write(`${NAME}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}
