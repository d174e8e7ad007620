// The engine's entry point: one Linter serves the CLI and the language server.
export { Linter, type LintRequest } from './linter.js';
export { ConfigResolver, ConfigError, readConfigFile, validateConfig, defaultConfig, CONFIG_FILE } from './config.js';
export { applyEdits, safeFix } from './fixes.js';
export { discoverFiles, isLintableFile, type Discovery } from './files.js';
export { RULES, ruleMeta, docsUrl } from '../rules/index.js';
export type * from './types.js';
