// Configuration: defaults, discovery upward from a file (.callstatslintrc.json or package.json#callstatsLint), validation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LIMITS } from './sdk.js';
import { RULE_IDS } from '../rules/ids.js';
import { TOPOLOGIES, type ResolvedConfig, type RuleSetting, type UserConfig } from './types.js';

export const CONFIG_FILE = '.callstatslintrc.json';
export const PACKAGE_KEY = 'callstatsLint';
const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warn', 'error'];
const KNOWN_KEYS = ['topology', 'conferenceServerIds', 'userIdMaxBytes', 'rules'];

/** A configuration that cannot be used. `file` is where it was read from ('' for command-line options). */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(file ? `${file}: ${problem}` : problem);
  }
}

export function defaultConfig(): ResolvedConfig {
  return { topology: 'auto', conferenceServerIds: [], userIdMaxBytes: LIMITS.idBytes, rules: {}, sources: [] };
}

/** Checks a parsed configuration object; throws ConfigError naming the key and the allowed values. */
export function validateConfig(value: unknown, file: string): UserConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(file, 'the configuration must be a JSON object');
  }
  const config = value as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    if (key === '$schema') continue;
    if (!KNOWN_KEYS.includes(key)) {
      throw new ConfigError(file, `unknown key "${key}"; allowed keys: ${KNOWN_KEYS.join(', ')}`);
    }
  }
  const { topology, conferenceServerIds, userIdMaxBytes, rules } = config;
  if (topology !== undefined && !TOPOLOGIES.includes(topology as never)) {
    throw new ConfigError(file, `"topology" must be one of ${TOPOLOGIES.join(', ')} (got ${JSON.stringify(topology)})`);
  }
  if (
    conferenceServerIds !== undefined &&
    !(Array.isArray(conferenceServerIds) && conferenceServerIds.every((id) => typeof id === 'string' && id !== ''))
  ) {
    throw new ConfigError(file, '"conferenceServerIds" must be an array of non-empty strings');
  }
  if (
    userIdMaxBytes !== undefined &&
    !(Number.isInteger(userIdMaxBytes) && (userIdMaxBytes as number) > 0 && (userIdMaxBytes as number) <= LIMITS.idBytes)
  ) {
    throw new ConfigError(file, `"userIdMaxBytes" must be a whole number from 1 to ${LIMITS.idBytes} (got ${JSON.stringify(userIdMaxBytes)})`);
  }
  if (rules !== undefined) {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
      throw new ConfigError(file, '"rules" must be an object of rule id to "off", "info", "warn" or "error"');
    }
    for (const [id, setting] of Object.entries(rules)) {
      checkRuleSetting(id, setting, file);
    }
  }
  return config as UserConfig;
}

export function checkRuleSetting(id: string, setting: unknown, file: string): asserts setting is RuleSetting {
  if (!RULE_IDS.includes(id)) {
    throw new ConfigError(file, `unknown rule "${id}"; known rules: ${RULE_IDS.join(', ')}`);
  }
  if (!RULE_SETTINGS.includes(setting as RuleSetting)) {
    throw new ConfigError(file, `rule "${id}" must be "off", "info", "warn" or "error" (got ${JSON.stringify(setting)})`);
  }
}

/** Reads a configuration file: a .callstatslintrc.json, or a package.json whose `callstatsLint` key holds it. */
export function readConfigFile(file: string): UserConfig | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(file, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(file, `invalid JSON: ${(error as Error).message}`);
  }
  if (path.basename(file) === 'package.json') {
    const section = (parsed as Record<string, unknown> | null)?.[PACKAGE_KEY];
    return section === undefined ? undefined : validateConfig(section, `${file}#${PACKAGE_KEY}`);
  }
  return validateConfig(parsed, file);
}

export function mergeConfig(base: ResolvedConfig, over: UserConfig | undefined, source?: string): ResolvedConfig {
  if (!over) return base;
  return {
    topology: over.topology ?? base.topology,
    conferenceServerIds: over.conferenceServerIds ?? base.conferenceServerIds,
    userIdMaxBytes: over.userIdMaxBytes ?? base.userIdMaxBytes,
    rules: { ...base.rules, ...over.rules },
    sources: source ? [...base.sources, source] : base.sources,
  };
}

/**
 * Finds configuration for files by looking upward from each file's folder. The nearest
 * .callstatslintrc.json (or package.json with a `callstatsLint` key) wins; a folder's
 * .callstatslintrc.json is preferred over its package.json. Results are cached per folder.
 */
export class ConfigResolver {
  private readonly byFolder = new Map<string, ResolvedConfig>();

  constructor(
    private readonly options: {
      /** Use this file instead of discovery. */
      configFile?: string;
      /** Applied on top of whatever was found (command-line options, editor settings). */
      overrides?: UserConfig;
      /** Applied under whatever was found (editor settings). */
      base?: UserConfig;
    } = {},
  ) {}

  /** Throws ConfigError for a broken configuration file. */
  forFile(file: string): ResolvedConfig {
    const base = mergeConfig(defaultConfig(), this.options.base);
    if (this.options.configFile) {
      const explicit = path.resolve(this.options.configFile);
      return mergeConfig(mergeConfig(base, readConfigFile(explicit), explicit), this.options.overrides);
    }
    return mergeConfig(this.forFolder(path.dirname(path.resolve(file)), base), this.options.overrides);
  }

  private forFolder(folder: string, base: ResolvedConfig): ResolvedConfig {
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    let result: ResolvedConfig | undefined;
    for (const name of [CONFIG_FILE, 'package.json']) {
      const candidate = path.join(folder, name);
      if (!fs.existsSync(candidate)) continue;
      const found = readConfigFile(candidate);
      if (found) {
        result = mergeConfig(base, found, candidate);
        break;
      }
    }
    if (!result) {
      const parent = path.dirname(folder);
      result = parent === folder ? base : this.forFolder(parent, base);
    }
    this.byFolder.set(folder, result);
    return result;
  }
}
