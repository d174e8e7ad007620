// Editor settings (callstatsLint.*) read per resource, and the configuration resolvers built on them.
import type { Connection } from 'vscode-languageserver';
import { ConfigResolver, validateConfig } from '../engine/config.js';
import type { ResolvedConfig, UserConfig } from '../engine/types.js';
import { SETTINGS_SECTION } from './protocol.js';

export interface Settings {
  enable: boolean;
  /** onType: analyse the buffer as it is edited; onSave: only when it is opened or saved. */
  run: 'onType' | 'onSave';
  /** The part that configures the engine; a folder's .callstatslintrc.json overrides it. */
  config: UserConfig;
}

/** Where settings problems are reported: they are configuration errors without a file. */
const SETTINGS_SOURCE = `editor settings (${SETTINGS_SECTION}.*)`;

const CONFIG_KEYS = ['topology', 'conferenceServerIds', 'userIdMaxBytes', 'rules'] as const;

/** Turns whatever the client sent (null from clients that know no such section) into Settings. */
function parseSettings(raw: unknown): Settings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const config: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    // Empty values are VS Code's defaults ("no opinion"): they must not hide a .callstatslintrc.json.
    const v = value[key];
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (key === 'rules' && typeof v === 'object' && Object.keys(v as object).length === 0) continue;
    config[key] = v;
  }
  return {
    enable: value.enable !== false,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    config: config as UserConfig,
  };
}

/**
 * Reads settings with workspace/configuration for each resource (a multi-root workspace can set
 * them per folder). Answers are cached per resource until the client says settings changed, so a
 * burst of edits costs one round trip, not one per keystroke.
 */
export class SettingsStore {
  private readonly byResource = new Map<string, Promise<Settings>>();
  private readonly resolvers = new Map<string, ConfigResolver>();
  /** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  private pushed: unknown;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    /** The rules the server runs: the only ones settings and configuration files may name. */
    private readonly ruleIds: readonly string[],
  ) {}

  get(resource: string): Promise<Settings> {
    let settings = this.byResource.get(resource);
    if (!settings) {
      settings = this.canPull()
        ? this.connection.workspace
            .getConfiguration({ scopeUri: resource, section: SETTINGS_SECTION })
            .then(parseSettings, () => parseSettings(this.pushed))
        : Promise.resolve(parseSettings(this.pushed));
      this.byResource.set(resource, settings);
    }
    return settings;
  }

  /** Settings changed: forget every answer. `pushed` is didChangeConfiguration's `settings`. */
  reset(pushed?: unknown): void {
    if (pushed && typeof pushed === 'object' && SETTINGS_SECTION in pushed) {
      this.pushed = (pushed as Record<string, unknown>)[SETTINGS_SECTION];
    }
    this.byResource.clear();
    this.resolvers.clear();
  }

  /** A configuration file changed on disk: resolvers cache what they found per folder. */
  forgetConfigFiles(): void {
    this.resolvers.clear();
  }

  /**
   * configFor for the engine: the settings are the base, configuration files override them.
   * Throws ConfigError for broken settings or a broken configuration file.
   */
  configFor(settings: Settings): (file: string) => ResolvedConfig {
    const key = JSON.stringify(settings.config);
    let resolver = this.resolvers.get(key);
    if (!resolver) {
      const base = validateConfig(settings.config, SETTINGS_SOURCE, this.ruleIds);
      resolver = new ConfigResolver({ ruleIds: this.ruleIds, base });
      this.resolvers.set(key, resolver);
    }
    const found = resolver;
    return (file) => found.forFile(file);
  }
}
