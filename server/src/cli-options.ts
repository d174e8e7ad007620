// The command line's options: the usage text, parsing and checking the arguments into Options, colours.
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultCacheDirectory } from './engine/cache.js';
import { ConfigError, checkRuleSetting } from './engine/config.js';
import type { IgnoreOptions } from './engine/files.js';
import { TOPOLOGIES, type RuleSetting, type Topology, type UserConfig } from './engine/types.js';
import { FORMATTERS, isFormatName, type FormatName } from './formatters/index.js';
import type { Rule } from './engine/rule.js';

export const NAME = 'callstats-lint';

export const usage = (rules: readonly Rule[]): string => `Usage: ${NAME} [options] [paths or globs...]

Finds callstats.js identifier mistakes (userID, remoteUserID, conferenceID) in JavaScript and
TypeScript files. Paths default to "."; folders are searched recursively, skipping node_modules
and files excluded by .gitignore, .git/info/exclude or ignore patterns. Configuration comes from the
nearest .callstatslintrc.json or package.json "callstatsLint" key; the options below override it.

Options:
  -f, --format NAME              ${Object.keys(FORMATTERS).join(', ')} (default stylish)
  -c, --config FILE              use this configuration file instead of looking for one
      --print-config FILE        print the configuration that applies to FILE as JSON, lint nothing
      --ignore-pattern GLOB      do not lint files matching GLOB, relative to the working folder (repeatable)
      --no-ignore                lint files even when .gitignore or an ignore pattern covers them
      --no-warn-ignored          no warning for ignored files named on the command line
      --stdin                    lint the text on standard input
      --stdin-filename FILE      the file the text on standard input stands for (configuration,
                                 imports and the report use it)
      --topology NAME            ${TOPOLOGIES.join(', ')}
      --conference-server-id ID  the media server's ID, used as remoteUserID (repeatable)
      --rule ID=SEVERITY         set a rule to off, info, warn or error (repeatable)
      --max-warnings N           exit with 1 when there are more than N warnings (-1: no limit)
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
      --color, --no-color        force colours on or off (default: on for a terminal, unless
                                 NO_COLOR is set; FORCE_COLOR=1 or 0 decides too)
  -h, --help                     show this help
  -v, --version                  show the version

Rules: ${rules.map((rule) => rule.meta.id).join(', ')}

Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors, or too many warnings;
2 bad options or configuration, or a path or glob that matched no files. Info findings never
change the exit code. Named files that are not scripts or pages are skipped with a note.
`;

/** Where the command line reads and writes: the process's own streams, or those a test gives. */
/** A stream the CLI writes to; `done` is called once the text is out, or with why it could not be. */
export interface Output {
  write(text: string, done?: (error?: Error | null) => void): unknown;
}

export interface Io {
  stdout: Output & { isTTY?: boolean };
  stderr: Output;
  /** Standard input, asked for only by --stdin. */
  stdin(): AsyncIterable<Buffer | string>;
  env: NodeJS.ProcessEnv;
}

export const processIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, stdin: () => process.stdin, env: process.env });

/** Bad command-line use: one line on stderr, exit code 2. */
export class UsageError extends Error {}

export interface Options {
  patterns: string[];
  format: FormatName;
  configFile?: string;
  printConfig?: string;
  ignore: IgnoreOptions;
  warnIgnored: boolean;
  /** Lint standard input as this file (relative to the working folder). */
  stdinFile?: string;
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
  'print-config': { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true, default: [] as string[] },
  'no-ignore': { type: 'boolean', default: false },
  'no-warn-ignored': { type: 'boolean', default: false },
  stdin: { type: 'boolean', default: false },
  'stdin-filename': { type: 'string' },
  color: { type: 'boolean', default: false },
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

/** `--max-warnings -1`, as ESLint takes it: parseArgs would read `-1` as an option, so a negative number joins its option. */
function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--max-warnings' && value !== undefined && value.startsWith('-') && value.length > 1 && value[1] >= '0' && value[1] <= '9') {
      out.push(`${argv[i]}=${value}`);
      i++;
    } else out.push(argv[i]);
  }
  return out;
}

export function parseOptions(argv: string[], io: Io, ruleIds: readonly string[]): Options | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv), options: OPTIONS, allowPositionals: true, strict: true });
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
  if (maxWarnings !== undefined && !/^(?:\d+|-1)$/.test(maxWarnings)) {
    throw new UsageError(`--max-warnings must be a whole number of 0 or more, or -1 for no limit (got "${maxWarnings}")`);
  }
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (values['stdin-filename'] === '') throw new UsageError('--stdin-filename must not be empty');
  if (values.stdin && positionals.length > 0) throw new UsageError('--stdin lints standard input: give no paths with it');
  if (values.stdin && (values.fix || values['fix-dry-run'])) throw new UsageError('--fix and --fix-dry-run cannot be used with --stdin');
  if (values['ignore-pattern'].some((p) => p === '')) throw new UsageError('--ignore-pattern must not be empty');
  if (values.color && values['no-color']) throw new UsageError('--color and --no-color cannot be used together');
  if (values['print-config'] === '') throw new UsageError('--print-config needs a file');
  return {
    patterns: positionals.length > 0 ? positionals : ['.'],
    format: values.format,
    configFile: values.config,
    printConfig: values['print-config'],
    ignore: { ignore: !values['no-ignore'], patterns: values['ignore-pattern'] },
    warnIgnored: !values['no-warn-ignored'],
    stdinFile: values.stdin ? (values['stdin-filename'] ?? STDIN_NAME) : undefined,
    overrides: {
      topology: values.topology as Topology | undefined,
      conferenceServerIds: serverIds.length > 0 ? serverIds : undefined,
      rules,
    },
    maxWarnings: maxWarnings === undefined || maxWarnings === '-1' ? undefined : Number(maxWarnings),
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
    color: useColor(values.color, values['no-color'], !values['output-file'] && io.stdout.isTTY === true, io.env),
  };
}

/** The name ESLint gives standard input without --stdin-filename. */
export const STDIN_NAME = '<text>';

/**
 * Colours: the options first, then FORCE_COLOR (any value but 0 forces them on, 0 off), then NO_COLOR
 * (any non-empty value turns them off, see no-color.org), else on for a terminal.
 */
function useColor(color: boolean, noColor: boolean, terminal: boolean, env: NodeJS.ProcessEnv): boolean {
  if (color || noColor) return color;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.NO_COLOR) return false;
  return terminal;
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

/** The message with every run of white space that breaks a line made one space (linear: no backtracking). */
export function oneLine(message: string): string {
  return message.replace(/\s+/g, (space) => (space.includes('\n') ? ' ' : space));
}
