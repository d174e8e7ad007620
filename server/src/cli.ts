// The command line: options, file discovery, configuration, linting, --fix, report formatting and exit codes.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import pkg from '../../package.json';
import { ConfigError, ConfigResolver, checkRuleSetting } from './engine/config.js';
import { applyEdits } from './engine/fixes.js';
import { discoverFiles } from './engine/files.js';
import { Linter } from './engine/linter.js';
import { TOPOLOGIES, type FileReport, type ResolvedConfig, type RuleSetting, type TextEdit, type Topology, type UserConfig } from './engine/types.js';
import { FORMATTERS, isFormatName, sortedFindings, type FormatName } from './formatters/index.js';
import { safeFix } from './engine/fixes.js';
import { RULE_IDS } from './rules/ids.js';

const NAME = 'callstats-lint';
/** ESLint's limit: fixes can enable further fixes, but a fix that keeps re-triggering must not loop forever. */
const MAX_FIX_PASSES = 10;

const USAGE = `Usage: ${NAME} [options] [paths or globs...]

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
      --quiet                    report errors only
      --fix                      apply safe fixes, then report what remains
      --report-unused-disable-directives
                                 report callstats-lint-disable comments that suppress nothing, as errors
  -o, --output-file FILE         write the report to FILE instead of standard output
      --no-color                 plain text even on a terminal
  -h, --help                     show this help
  -v, --version                  show the version

Rules: ${RULE_IDS.join(', ')}

Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors, or too many warnings;
2 bad options or configuration, or a path or glob that matched no files. Info findings never
change the exit code.
`;

/** Bad command-line use: one line on stderr, exit code 2. */
class UsageError extends Error {}

interface Options {
  patterns: string[];
  format: FormatName;
  configFile?: string;
  overrides: UserConfig;
  maxWarnings?: number;
  quiet: boolean;
  fix: boolean;
  reportUnusedDisableDirectives: boolean;
  outputFile?: string;
  color: boolean;
}

const OPTIONS = {
  format: { type: 'string', short: 'f', default: 'stylish' },
  config: { type: 'string', short: 'c' },
  topology: { type: 'string' },
  'conference-server-id': { type: 'string', multiple: true, default: [] as string[] },
  rule: { type: 'string', multiple: true, default: [] as string[] },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', default: false },
  fix: { type: 'boolean', default: false },
  'report-unused-disable-directives': { type: 'boolean', default: false },
  'output-file': { type: 'string', short: 'o' },
  'no-color': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

function parseOptions(argv: string[]): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const option = /'([^']*)'/.exec((error as Error).message)?.[1];
    const message = (error as Error).message.replace(/\s*\n\s*/g, ' ').replace(/\.$/, '');
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
      checkRuleSetting(id, setting, '--rule');
    } catch (error) {
      throw error instanceof ConfigError ? new UsageError(error.message) : error;
    }
    rules[id] = setting;
  }
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
    quiet: values.quiet,
    fix: values.fix,
    reportUnusedDisableDirectives: values['report-unused-disable-directives'],
    outputFile: values['output-file'],
    color: !values['no-color'] && !values['output-file'] && process.stdout.isTTY === true && !process.env.NO_COLOR,
  };
}

/** Expands every pattern; a pattern that matches nothing is a usage error, as in ESLint. */
function discover(patterns: string[], cwd: string): { files: string[]; problems: Map<string, string[]> } {
  const files = new Set<string>();
  const problems = new Map<string, string[]>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    const found = discoverFiles([pattern], cwd);
    if (found.files.length === 0) {
      const why = found.problems.map((problem) => problem.message);
      unmatched.push(`No files matching the pattern "${pattern}" were found${why.length ? ` (${why.join('; ')})` : ''}.`);
    }
    for (const file of found.files) files.add(file);
    for (const problem of found.problems) addProblem(problems, problem.path, problem.message);
  }
  if (unmatched.length > 0) throw new UsageError(unmatched.join('\n'));
  return { files: [...files].sort(), problems };
}

function addProblem(problems: Map<string, string[]>, file: string, message: string): void {
  const list = problems.get(file) ?? [];
  if (!list.includes(message)) list.push(message);
  problems.set(file, list);
}

/**
 * One safe fix per finding, and only fixes that overlap no fix already chosen: a fix's edits are
 * applied together or not at all. What is left out is fixed on the next pass.
 */
function chooseEdits(reports: FileReport[]): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  for (const report of reports) {
    for (const finding of sortedFindings(report.findings)) {
      const fix = safeFix(finding);
      if (!fix) continue;
      const clashes = fix.edits.some((edit) =>
        (byFile.get(edit.file) ?? []).some((other) => edit.start < other.end && other.start < edit.end || edit.start === other.start),
      );
      if (clashes) continue;
      for (const edit of fix.edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
    }
  }
  return byFile;
}

/** Replaces a file through a temporary sibling and a rename, so an interrupted write never leaves half a file. */
function writeAtomically(file: string, text: string): void {
  const target = fs.realpathSync(file);
  fs.accessSync(target, fs.constants.W_OK);
  const mode = fs.statSync(target).mode & 0o7777;
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx', mode });
    fs.chmodSync(temp, mode); // the umask may have narrowed the mode given to open()
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** Applies the chosen fixes; returns how many files changed. Failures become problems of the file. */
function applyFixes(reports: FileReport[], problems: Map<string, string[]>): number {
  let changed = 0;
  for (const [file, edits] of chooseEdits(reports)) {
    try {
      const before = fs.readFileSync(file, 'utf8');
      const { text } = applyEdits(before, edits);
      if (text === before) continue;
      writeAtomically(file, text);
      changed++;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      addProblem(problems, file, `cannot write the fixed file (${code})`);
    }
  }
  return changed;
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

async function run(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options === 'version') {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const cwd = process.cwd();
  const { files, problems } = discover(options.patterns, cwd);

  // Every file's configuration is resolved before any linting, so a broken file stops the run up front.
  const resolver = new ConfigResolver({ configFile: options.configFile, overrides: options.overrides });
  const configs = new Map<string, ResolvedConfig>(files.map((file) => [file, resolver.forFile(file)]));
  const configFor = (file: string): ResolvedConfig => configs.get(file) ?? resolver.forFile(file);

  const request = { files, configFor, reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ? ('error' as const) : ('off' as const) };
  let reports = new Linter().lint(request);
  for (let pass = 0; options.fix && pass < MAX_FIX_PASSES; pass++) {
    if (applyFixes(reports, problems) === 0) break;
    // A fresh Linter: the files just changed on disk, and nothing read before may be trusted.
    reports = new Linter().lint(request);
  }
  reports = withProblems(reports, problems);
  if (options.quiet) {
    reports = reports.map((report) => ({ ...report, findings: report.findings.filter((finding) => finding.severity === 'error') }));
  }

  const output = FORMATTERS[options.format](reports, { cwd, color: options.color });
  const text = output ? `${output}\n` : '';
  if (options.outputFile) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(options.outputFile)), { recursive: true });
      fs.writeFileSync(options.outputFile, text);
    } catch (error) {
      throw new UsageError(`cannot write ${options.outputFile} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  } else {
    process.stdout.write(text);
  }

  const findings = reports.flatMap((report) => report.findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length + reports.reduce((n, r) => n + r.problems.length, 0);
  const warnings = findings.filter((finding) => finding.severity === 'warn').length;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) process.stderr.write(`${NAME} found too many warnings (maximum: ${options.maxWarnings}).\n`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/** Runs the command line; resolves to the exit code and never throws. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      // One line: a JSON parse error can quote the file's own line breaks.
      process.stderr.write(`${NAME}: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
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
