// The command line: file discovery, configuration, linting, --fix, report formatting and exit codes (options in cli-options.ts).
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import pkg from '../../package.json';
import { LintCache, userCacheDirectory } from './engine/cache.js';
import { setCodeCacheDirectory } from './engine/code-cache.js';
import { ConfigError, ConfigResolver } from './engine/config.js';
import { fixFiles } from './engine/fixes.js';
import { discoverFiles, isIgnoredFile, isLintableFile, type IgnoreOptions } from './engine/files.js';
import { Linter } from './engine/linter.js';
import type { FileReport, ResolvedConfig } from './engine/types.js';
import { unifiedDiff } from './formatters/diff.js';
import { FORMATTERS } from './formatters/index.js';
import { ignoredResult, toLintResults, type LintResult } from './formatters/results.js';
import type { Rule } from './engine/rule.js';
import { RULES } from './rules/index.js';
import { NAME, STDIN_NAME, UsageError, oneLine, parseOptions, processIo, usage, type Io, type Options } from './cli-options.js';

export type { Io } from './cli-options.js';
const CHANGED_ON_DISK = 'not fixed: the file changed on disk while it was being linted';
const NOT_UTF8 = 'not fixed: the file is not valid UTF-8, and rewriting it would replace the bytes that are not';

interface Found {
  files: string[];
  named: string[];
  /** Named files that an ignore rule covers. */
  ignored: string[];
  /** Named files that are not scripts or pages. */
  skipped: string[];
  problems: Map<string, string[]>;
}

/** Expands every pattern; a pattern that matches nothing (or only ignored files) is a usage error, as in ESLint. */
function discover(patterns: string[], cwd: string, ignore: IgnoreOptions): Found {
  const found: Found = { files: [], named: [], ignored: [], skipped: [], problems: new Map() };
  const files = new Set<string>();
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
    found.ignored.push(...result.ignored);
    found.skipped.push(...result.skipped);
    for (const problem of result.problems) addProblem(found.problems, problem.path, problem.message);
  }
  if (unmatched.length > 0) throw new UsageError(unmatched.join('\n'));
  found.files = [...files].sort();
  found.ignored = [...new Set(found.ignored)].filter((file) => !files.has(file)).sort();
  found.skipped = [...new Set(found.skipped)].sort();
  return found;
}

function addProblem(problems: Map<string, string[]>, file: string, message: string): void {
  const list = problems.get(file) ?? [];
  if (!list.includes(message)) list.push(message);
  problems.set(file, list);
}

/** Identifies a version of a file on disk; undefined when it cannot be statted. */
function stampOf(file: string): string | undefined {
  try {
    const stat = fs.statSync(file);
    return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * What the linted files were when they were linted: each file's stamp taken before the lint, and
 * its text, read when a fix first needs it. Only these files are ever fixed.
 */
class Snapshots {
  private readonly stamps: Map<string, string | undefined>;
  private readonly texts = new Map<string, string | undefined>();

  constructor(
    files: string[],
    private readonly problems: Map<string, string[]>,
  ) {
    this.stamps = new Map(files.map((file) => [file, stampOf(file)]));
  }

  /** The text the lint saw, or undefined when the file must not be fixed. */
  text(file: string): string | undefined {
    if (!this.texts.has(file)) this.texts.set(file, this.read(file));
    return this.texts.get(file);
  }

  private read(file: string): string | undefined {
    const stamp = this.stamps.get(file);
    if (stamp === undefined) return undefined;
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      return undefined; // the lint reported why the file cannot be read
    }
    // Unchanged since before the lint, so the lint read these same bytes.
    if (stampOf(file) !== stamp) {
      addProblem(this.problems, file, CHANGED_ON_DISK);
      return undefined;
    }
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) {
      addProblem(this.problems, file, NOT_UTF8);
      return undefined;
    }
    return text;
  }

  /** Whether the file on disk is still what was linted. */
  unchanged(file: string): boolean {
    if (stampOf(file) !== this.stamps.get(file)) return false;
    try {
      return fs.readFileSync(file, 'utf8') === this.texts.get(file);
    } catch {
      return false;
    }
  }
}

class ChangedOnDisk extends Error {}

/**
 * Replaces a file through a temporary sibling and a rename, so an interrupted write never leaves
 * half a file; the file's mode is kept, and a file changed on disk since it was linted is left alone.
 */
function writeAtomically(file: string, text: string, snapshots: Snapshots): void {
  const target = fs.realpathSync(file);
  fs.accessSync(target, fs.constants.W_OK);
  const mode = fs.statSync(target).mode & 0o7777;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx', mode });
    fs.chmodSync(temp, mode); // the umask may have narrowed the mode given to open()
    // Checked last, right before the rename: an editor may have saved the file while it was being linted.
    if (!snapshots.unchanged(file)) throw new ChangedOnDisk();
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes the fixed files; returns whether every one was written. Failures become problems of the file. */
function writeFixes(fixed: Map<string, string>, snapshots: Snapshots, problems: Map<string, string[]>): boolean {
  let all = true;
  for (const [file, text] of fixed) {
    if (text === snapshots.text(file)) continue;
    try {
      writeAtomically(file, text, snapshots);
    } catch (error) {
      all = false;
      if (error instanceof ChangedOnDisk) addProblem(problems, file, CHANGED_ON_DISK);
      else addProblem(problems, file, `cannot write the fixed file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  return all;
}

/** The fixes as one patch: a unified diff per changed file, paths relative to `cwd`. */
function patchOf(fixed: Map<string, string>, snapshots: Snapshots, cwd: string): string {
  return [...fixed.keys()]
    .sort()
    .map((file) => unifiedDiff(path.relative(cwd, file).split(path.sep).join('/'), snapshots.text(file)!, fixed.get(file)!))
    .join('');
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
  const target: Target = { files: [], named: [], ignored: [], skipped: [], problems: new Map() };
  if (!isLintableFile(file) && options.stdinFile !== STDIN_NAME) target.skipped.push(file);
  else if (isIgnoredFile(file, cwd, ignore)) target.ignored.push(file);
  else Object.assign(target, { files: [file], named: [file], stdin: { file, text } });
  return target;
}

async function run(argv: string[], rules: readonly Rule[], io: Io): Promise<number> {
  const ruleIds = rules.map((rule) => rule.meta.id);
  const options = parseOptions(argv, io, ruleIds);
  if (options === 'help') {
    io.stdout.write(usage(rules));
    return 0;
  }
  if (options === 'version') {
    io.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const cwd = process.cwd();
  const resolver = new ConfigResolver({ ruleIds, configFile: options.configFile, overrides: options.overrides });
  if (options.printConfig !== undefined) {
    io.stdout.write(`${JSON.stringify(printableConfig(resolver, path.resolve(cwd, options.printConfig), rules), null, 2)}\n`);
    return 0;
  }
  // The compiler's code cache is the user's own (--no-cache turns it off too).
  setCodeCacheDirectory(options.cacheLocation ? userCacheDirectory() : undefined);
  const ignore: IgnoreOptions = { ...options.ignore, configIgnores: (folder) => resolver.ignoresFor(folder) };
  const { files, named, ignored, skipped, problems, stdin } = await targetOf(options, cwd, ignore, io);
  for (const file of skipped) io.stderr.write(`${NAME}: ${displayPath(file, cwd)}: skipped, not a JavaScript or TypeScript file or a page with scripts\n`);

  // Every file's configuration is resolved before any linting, so a broken file stops the run up front.
  const configs = new Map<string, ResolvedConfig>(files.map((file) => [file, resolver.forFile(file)]));
  const configFor = (file: string): ResolvedConfig => configs.get(file) ?? resolver.forFile(file);

  const request = {
    files,
    configFor,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ? ('error' as const) : ('off' as const),
    maxFileSize: options.maxFileSize,
    namedFiles: named,
  };
  const snapshots = options.fix || options.fixDryRun ? new Snapshots(files, problems) : undefined;
  const linter = new Linter({ rules });
  // Standard input stands in for the file on disk, as an editor's buffer does: imports of it and from it are followed alike.
  if (stdin) linter.setOverlay(stdin.file, stdin.text);
  // Only the first lint uses the cache: --fix passes lint texts that never reach the disk as they are.
  let reports = linter.lint({ ...request, cache: options.cacheLocation && !stdin ? new LintCache(options.cacheLocation) : undefined });
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
  const sourceOf = (file: string): string | undefined => {
    if (stdin?.file === file) return stdin.text;
    try {
      return snapshots?.text(file) ?? fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
  const results = sortResults([
    ...toLintResults(reports, { source: sourceOf, output: fixed }),
    ...(options.warnIgnored && !options.quiet ? ignored.map(ignoredResult) : []),
  ]);

  const output = FORMATTERS[options.format](results, { cwd, color: options.color && patch === undefined, rules: rules.map((rule) => rule.meta) });
  const text = output ? `${output}\n` : '';
  // With --fix-dry-run standard output carries only the patch, so that it can be piped to `git apply`.
  if (patch !== undefined) io.stdout.write(patch);
  if (options.outputFile) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(options.outputFile)), { recursive: true });
      fs.writeFileSync(options.outputFile, text);
    } catch (error) {
      throw new UsageError(`cannot write ${options.outputFile} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  } else if (patch !== undefined) {
    io.stderr.write(text);
  } else {
    io.stdout.write(text);
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
  try {
    return await run(argv, rules, io);
  } catch (error) {
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
