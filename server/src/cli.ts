// The command line: options, file discovery, configuration, linting, --fix, report formatting and exit codes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../../package.json';
import { LintCache, defaultCacheDirectory } from './engine/cache.js';
import { makeFolder } from './engine/disk.js';
import { ConfigError, ConfigResolver, checkRuleSetting } from './engine/config.js';
import { fixFiles } from './engine/fixes.js';
import { discoverFiles } from './engine/files.js';
import { Linter } from './engine/linter.js';
import { TOPOLOGIES, type FileReport, type ResolvedConfig, type RuleSetting, type Topology, type UserConfig } from './engine/types.js';
import { unifiedDiff } from './formatters/diff.js';
import { FORMATTERS, isFormatName, type FormatName } from './formatters/index.js';
import type { Rule } from './engine/rule.js';
import { Snapshots, addProblem, writeFixes } from './fix-writer.js';
import { RULES } from './rules/index.js';

const NAME = 'callstats-lint';

const usage = (rules: readonly Rule[]): string => `Usage: ${NAME} [options] [paths or globs...]

Finds callstats.js identifier mistakes (userID, remoteUserID, conferenceID) in JavaScript and
TypeScript files. Paths default to "."; folders are searched recursively, skipping node_modules
and files excluded by .gitignore. Configuration comes from the nearest .callstatslintrc.json or
package.json "callstatsLint" key; the options below override it.

Options:
  -f, --format NAME              stylish (default), json, sarif or github
  -c, --config FILE              use this configuration file instead of looking for one
      --topology NAME            ${TOPOLOGIES.join(', ')}
      --conference-server-id ID  the media server's ID, used as remoteUserID (repeatable)
      --rule ID=SEVERITY         set a rule to off, info, warn or error (repeatable)
      --max-warnings N           exit with 1 when there are more than N warnings
      --max-file-size SIZE       skip files found in folders that are larger (default 2MB; bytes,
                                 or kB and MB of 1024 as in 500kB, 8MB); files named are always read
      --quiet                    report errors only
      --fix                      apply safe fixes, then report what remains
      --fix-dry-run              print the safe fixes as a unified diff instead of writing them;
                                 the report of what would remain goes to standard error (or -o FILE)
      --report-unused-disable-directives
                                 report callstats-lint-disable comments that suppress nothing, as errors
      --no-cache                 analyse everything afresh, and read or write no cache
      --cache-location DIR       keep the cache in DIR (default: node_modules/.cache/callstats-lint
                                 beside the nearest package.json; none without one)
  -o, --output-file FILE         write the report to FILE instead of standard output
      --no-color                 plain text even on a terminal
  -h, --help                     show this help
  -v, --version                  show the version

Rules: ${rules.map((rule) => rule.meta.id).join(', ')}

Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors, or too many warnings;
2 bad options or configuration, or a path or glob that matched no files. Info findings never
change the exit code.
`;

/** Bad command-line use: one line on stderr, exit code 2. */
class UsageError extends Error {}

/** The report could not be written out (a closed pipe, a full disk): one line on stderr, exit code 2. */
class OutputError extends Error {}

/**
 * Writes to standard output (or error) and waits until the text is out. A reader that went away
 * (EPIPE, as with `| head -1`) or a full disk (ENOSPC) is reported, never an unhandled 'error' event.
 */
function emit(stream: NodeJS.WriteStream, text: string): Promise<void> {
  if (!text) return Promise.resolve();
  const name = stream === process.stdout ? 'standard output' : 'standard error';
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

interface Options {
  patterns: string[];
  format: FormatName;
  configFile?: string;
  overrides: UserConfig;
  maxWarnings?: number;
  maxFileSize?: number;
  quiet: boolean;
  fix: boolean;
  fixDryRun: boolean;
  reportUnusedDisableDirectives: boolean;
  outputFile?: string;
  color: boolean;
  /** The cache folder; undefined runs without a cache. */
  cacheLocation?: string;
}

const OPTIONS = {
  format: { type: 'string', short: 'f', default: 'stylish' },
  config: { type: 'string', short: 'c' },
  topology: { type: 'string' },
  'conference-server-id': { type: 'string', multiple: true, default: [] as string[] },
  rule: { type: 'string', multiple: true, default: [] as string[] },
  'max-warnings': { type: 'string' },
  'max-file-size': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  fix: { type: 'boolean', default: false },
  'fix-dry-run': { type: 'boolean', default: false },
  'report-unused-disable-directives': { type: 'boolean', default: false },
  'output-file': { type: 'string', short: 'o' },
  'no-color': { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
  'cache-location': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

function parseOptions(argv: string[], ruleIds: readonly string[]): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const option = /'([^']*)'/.exec((error as Error).message)?.[1];
    const message = oneLine((error as Error).message).replace(/\.$/, '');
    const what = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? `unknown option '${option}'` : message;
    throw new UsageError(`${what}; see ${NAME} --help`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';

  if (!isFormatName(values.format)) {
    throw new UsageError(`--format must be one of ${Object.keys(FORMATTERS).join(', ')} (got "${values.format}")`);
  }
  if (values.topology !== undefined && !TOPOLOGIES.includes(values.topology as Topology)) {
    throw new UsageError(`--topology must be one of ${TOPOLOGIES.join(', ')} (got "${values.topology}")`);
  }
  const serverIds = values['conference-server-id'];
  if (serverIds.some((id) => id === '')) throw new UsageError('--conference-server-id must not be empty');
  const rules: Record<string, RuleSetting> = {};
  for (const rule of values.rule) {
    const match = /^([^=]+)=(.*)$/.exec(rule);
    if (!match) throw new UsageError(`--rule must look like id=severity (got "${rule}")`);
    const [, id, setting] = match;
    try {
      checkRuleSetting(id, setting, '--rule', ruleIds);
    } catch (error) {
      throw error instanceof ConfigError ? new UsageError(error.message) : error;
    }
    rules[id] = setting;
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (values['no-cache'] && values['cache-location'] !== undefined) throw new UsageError('--no-cache and --cache-location cannot be used together');
  if (values['cache-location'] === '') throw new UsageError('--cache-location must not be empty');
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) {
    throw new UsageError(`--max-warnings must be a whole number of 0 or more (got "${maxWarnings}")`);
  }
  return {
    patterns: positionals.length > 0 ? positionals : ['.'],
    format: values.format,
    configFile: values.config,
    overrides: {
      topology: values.topology as Topology | undefined,
      conferenceServerIds: serverIds.length > 0 ? serverIds : undefined,
      rules,
    },
    maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
    maxFileSize: values['max-file-size'] === undefined ? undefined : parseSize(values['max-file-size']),
    quiet: values.quiet,
    fix: values.fix,
    fixDryRun: values['fix-dry-run'],
    reportUnusedDisableDirectives: values['report-unused-disable-directives'],
    outputFile: values['output-file'],
    cacheLocation: values['no-cache']
      ? undefined
      : values['cache-location'] !== undefined
        ? path.resolve(values['cache-location'])
        : defaultCacheDirectory(process.cwd()),
    color: !values['no-color'] && !values['output-file'] && process.stdout.isTTY === true && !process.env.NO_COLOR,
  };
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 * 1024, mb: 1024 * 1024 };

/** `--max-file-size`: whole bytes, or a number of kB or MB (of 1024), case-insensitive, as in 500kB or 1.5MB. */
function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match && SIZE_UNITS[match[2].toLowerCase()];
  const bytes = match && unit ? Number(match[1]) * unit : NaN;
  if (!(bytes >= 1) || !Number.isSafeInteger(Math.floor(bytes)) || (unit === 1 && !Number.isInteger(bytes))) {
    throw new UsageError(`--max-file-size must be a size such as 2000000, 500kB or 8MB (got "${text}")`);
  }
  return Math.floor(bytes);
}

/** Expands every pattern; a pattern that matches nothing is a usage error, as in ESLint. */
function discover(patterns: string[], cwd: string): { files: string[]; named: string[]; roots: string[]; problems: Map<string, string[]> } {
  const files = new Set<string>();
  const named = new Set<string>();
  const roots = new Set<string>();
  const problems = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const found = discoverFiles([pattern], cwd);
    if (found.files.length === 0) {
      const why = found.problems.map((problem) => problem.message);
      unmatched.push(`No files matching the pattern "${pattern}" were found${why.length ? ` (${why.join('; ')})` : ''}.`);
    }
    for (const file of found.files) files.add(file);
    for (const file of found.named) named.add(file);
    for (const root of found.roots) roots.add(root);
    for (const problem of found.problems) addProblem(problems, problem.path, problem.message);
  }
  if (unmatched.length > 0) throw new UsageError(unmatched.join('\n'));
  return { files: [...files].sort(), named: [...named], roots: [...roots], problems };
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

async function run(argv: string[], rules: readonly Rule[]): Promise<number> {
  const ruleIds = rules.map((rule) => rule.meta.id);
  const options = parseOptions(argv, ruleIds);
  if (options === 'help') {
    await emit(process.stdout, usage(rules));
    return 0;
  }
  if (options === 'version') {
    await emit(process.stdout, `${pkg.version}\n`);
    return 0;
  }
  const cwd = process.cwd();
  const { files, named, roots, problems } = discover(options.patterns, cwd);

  const resolver = new ConfigResolver({ ruleIds, configFile: options.configFile, overrides: options.overrides });
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
  // Only the first lint uses the cache: --fix passes lint texts that never reach the disk as they are.
  // Fixes come from a fresh analysis: a cache can change what is reported, never what is written.
  const cache = options.cacheLocation ? new LintCache(options.cacheLocation, { forFixes: snapshots !== undefined }) : undefined;
  let reports = linter.lint({ ...request, cache });
  let patch: string | undefined;
  if (snapshots) {
    // Fixed in memory, pass after pass; the files are written (or diffed) once at the end.
    const outcome = fixFiles(linter, request, reports, (file) => snapshots.text(file));
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

  const output = FORMATTERS[options.format](reports, { cwd, color: options.color && patch === undefined, rules: rules.map((rule) => rule.meta) });
  const text = output ? `${output}\n` : '';
  // With --fix-dry-run standard output carries only the patch, so that it can be piped to `git apply`.
  if (patch !== undefined) await emit(process.stdout, patch);
  if (options.outputFile) {
    const folder = path.dirname(path.resolve(options.outputFile));
    if (!makeFolder(folder)) throw new UsageError(`cannot write ${options.outputFile} (its folder cannot be made)`);
    try {
      fs.writeFileSync(options.outputFile, text);
    } catch (error) {
      throw new UsageError(`cannot write ${options.outputFile} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  } else {
    await emit(patch !== undefined ? process.stderr : process.stdout, text);
  }

  const findings = reports.flatMap((report) => report.findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length + reports.reduce((n, r) => n + r.problems.length, 0);
  const warnings = findings.filter((finding) => finding.severity === 'warn').length;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) process.stderr.write(`${NAME} found too many warnings (maximum: ${options.maxWarnings}).\n`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/** The message with every run of white space that breaks a line made one space (linear: no backtracking). */
function oneLine(message: string): string {
  return message.replace(/\s+/g, (space) => (space.includes('\n') ? ' ' : space));
}

/** Runs the command line with these rules (the built-in ones unless told); resolves to the exit code and never throws. */
export async function main(argv: string[], rules: readonly Rule[] = RULES): Promise<number> {
  guardStreams();
  try {
    return await run(argv, rules);
  } catch (error) {
    if (error instanceof OutputError) {
      process.stderr.write(`${NAME}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof ConfigError) {
      // One line: a JSON parse error can quote the file's own line breaks.
      process.stderr.write(`${NAME}: ${oneLine(error.message)}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(error.message.split('\n').map((line) => `${NAME}: ${line}\n`).join(''));
      return 2;
    }
    process.stderr.write(`${NAME}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}
