// The engine's analysis behind the ESLint rules: one lint of each project, shared by every rule and every file ESLint lints.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE, ConfigError, ConfigResolver, validateConfig } from '../engine/config.js';
import { stampOf } from '../engine/disk.js';
import { FolderDiscovery } from '../engine/files.js';
import { Linter } from '../engine/linter.js';
import type { FileReport, ResolvedConfig, RuleSetting, UserConfig } from '../engine/types.js';
import { RULES } from '../rules/index.js';

/** Where the settings are read from in ESLint's configuration: `settings.callstats`. */
export const SETTINGS_KEY = 'callstats';
const SETTINGS_SOURCE = `ESLint settings.${SETTINGS_KEY}`;
const SETTING_KEYS = ['topology', 'conferenceServerIds', 'userIdMaxBytes'];

/** Past these a folder is no app (a home folder, `/`): its files are analysed with the modules they import only, as the editor does. */
const PROJECT_LIMITS = { maxFiles: 50_000, maxEntries: 500_000 };

const RULE_IDS = RULES.map((rule) => rule.meta.id);
/**
 * ESLint's configuration decides which rules report and how severely: the engine runs every rule,
 * whatever the `rules` of a .callstatslintrc.json say.
 */
const EVERY_RULE: Record<string, RuleSetting> = Object.fromEntries(RULE_IDS.map((id) => [id, 'warn']));

/** What a rule needs of ESLint's context for one file. */
export interface FileInput {
  /** context.filename: an absolute path, or a name such as `<text>` for text without a file. */
  filename: string;
  /** context.sourceCode.text: the text ESLint lints, its byte order mark removed. */
  text: string;
  hasBOM: boolean;
  /** context.settings. */
  settings: Readonly<Record<string, unknown>> | undefined;
  /**
   * An object ESLint makes anew for each of its instances and shares between the files of one
   * (context.languageOptions): the first file that brings one sees the disk afresh.
   */
  runToken: object;
}

/** A file's report, and how far its offsets are from ESLint's (1 when the engine's text had a byte order mark in front). */
export interface FileResult {
  report: FileReport;
  offsetShift: number;
}

interface Project {
  root: string;
  /** The project's lintable files, as `callstats-lint <root>` finds them; empty past PROJECT_LIMITS. */
  files: string[];
  /** The files, their stamps and the configuration files around them, when the reports were made. */
  fingerprint: string;
  /** Reports of a lint of all the files, and the text each was analysed as. */
  reports: Map<string, { report: FileReport; text: string | undefined }>;
  /** The run (FileInput.runToken) that last checked the fingerprint. */
  checkedIn: object;
}

/** The settings as the engine's configuration: checked as a .callstatslintrc.json would be, the three keys only. */
export function settingsConfig(settings: Readonly<Record<string, unknown>> | undefined): UserConfig {
  const value = settings?.[SETTINGS_KEY];
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${SETTINGS_SOURCE}: must be an object`);
  const unknown = Object.keys(value).find((key) => !SETTING_KEYS.includes(key));
  if (unknown !== undefined) throw new Error(`${SETTINGS_SOURCE}: unknown key "${unknown}" (allowed: ${SETTING_KEYS.join(', ')}; rules are set in ESLint's "rules")`);
  try {
    return validateConfig(value, SETTINGS_SOURCE, RULE_IDS);
  } catch (error) {
    throw new Error((error as Error).message);
  }
}

/**
 * The project a file belongs to: the nearest folder at or above it with a .callstatslintrc.json or a
 * package.json, where the configuration and the callstats.js version of the app are looked up.
 * Undefined when there is none: the file is analysed with the modules it imports only.
 */
export function projectRootOf(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, CONFIG_FILE)) || fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function stampText(file: string): string {
  const stamp = stampOf(file);
  return stamp ? `${stamp.size}:${stamp.mtimeMs}:${stamp.ctimeMs}:${stamp.ino}` : '-';
}

/** The files with their stamps, and the configuration files of their folders up to the root: what a lint of the project read. */
function fingerprintOf(root: string, files: string[]): string {
  const folders = new Set<string>();
  for (const file of files) {
    for (let dir = path.dirname(file); dir.startsWith(root) && !folders.has(dir); dir = path.dirname(dir)) {
      folders.add(dir);
      if (dir === root) break;
    }
  }
  folders.add(root);
  const parts = files.map((file) => `${file}\0${stampText(file)}`);
  for (const dir of [...folders].sort()) for (const name of [CONFIG_FILE, 'package.json', '.gitignore']) parts.push(`${path.join(dir, name)}\0${stampText(path.join(dir, name))}`);
  return parts.join('\n');
}

/**
 * One Linter for the process, as ESLint loads the plugin once. A project is linted whole when its
 * first file is asked for (so a file's findings never depend on which files ESLint was given) and
 * again only when its files changed; each file ESLint lints takes its report from there when ESLint's
 * text is the text the engine analysed, and is analysed with ESLint's text (the engine's incremental
 * path: kept trees and structure) when it is not, as for unsaved text, stdin or --fix passes.
 */
export class SharedAnalysis {
  private readonly linter = new Linter({ rules: RULES });
  private readonly projects = new Map<string, Project>();
  private readonly seenRuns = new WeakSet<object>();
  private readonly resolvers = new Map<string, ConfigResolver>();
  /** The last file's result: the thirteen rules of one file ask in turn. */
  private last: { key: string; result: FileResult } | undefined;
  /** Whole-project lints run so far (for tests). */
  projectLints = 0;
  /** Single-file lints of a text that was not the one analysed (for tests). */
  fileLints = 0;

  /** The engine's report for a file as ESLint hands it over. Throws for broken settings. */
  resultFor(input: FileInput): FileResult {
    const newRun = !this.seenRuns.has(input.runToken);
    if (newRun) {
      this.seenRuns.add(input.runToken);
      this.resolvers.clear();
      this.last = undefined;
    }
    const user = settingsConfig(input.settings);
    const settingsKey = JSON.stringify(user);
    const file = path.resolve(input.filename);
    const engineText = input.hasBOM ? `\uFEFF${input.text}` : input.text;
    const offsetShift = input.hasBOM ? 1 : 0;
    const key = `${settingsKey}\0${file}\0${engineText}`;
    if (this.last?.key === key) return this.last.result;
    const configFor = this.configFor(settingsKey, user);
    const root = path.isAbsolute(input.filename) ? projectRootOf(file) : undefined;
    let report: FileReport | undefined;
    if (root !== undefined) {
      const project = this.project(root, settingsKey, configFor, input.runToken);
      const known = project.reports.get(file);
      if (known && known.text === engineText) report = known.report;
    }
    if (!report) report = this.lintAlone(file, engineText, configFor);
    const result = { report, offsetShift };
    this.last = { key, result };
    return result;
  }

  private configFor(settingsKey: string, user: UserConfig): (file: string) => ResolvedConfig {
    let resolver = this.resolvers.get(settingsKey);
    if (!resolver) {
      resolver = new ConfigResolver({ ruleIds: RULE_IDS, base: user, overrides: { rules: EVERY_RULE } });
      this.resolvers.set(settingsKey, resolver);
    }
    const found = resolver;
    return (file) => found.forFile(file);
  }

  /** The project's reports: kept while its files are unchanged, checked once per ESLint run. */
  private project(root: string, settingsKey: string, configFor: (file: string) => ResolvedConfig, run: object): Project {
    const key = `${settingsKey}\0${root}`;
    const kept = this.projects.get(key);
    if (kept?.checkedIn === run) return kept;
    const resolver = this.resolvers.get(settingsKey)!;
    // A broken configuration ignores nothing here: the lint reports it for the files it covers.
    const configIgnores = (folder: string) => {
      try {
        return resolver.ignoresFor(folder);
      } catch (error) {
        if (error instanceof ConfigError) return undefined;
        throw error;
      }
    };
    const discovery = new FolderDiscovery(root, PROJECT_LIMITS, { configIgnores });
    discovery.step(Infinity);
    const files = discovery.truncated ? [] : discovery.files;
    const fingerprint = fingerprintOf(root, files);
    if (kept && kept.fingerprint === fingerprint) {
      kept.checkedIn = run;
      return kept;
    }
    this.linter.setProjectFiles(root, files);
    this.linter.filesChanged();
    const reports = new Map<string, { report: FileReport; text: string | undefined }>();
    if (files.length) {
      this.projectLints++;
      for (const report of this.linter.lint({ files, configFor })) reports.set(report.file, { report, text: this.linter.sourceText(report.file) });
    }
    const project = { root, files, fingerprint, reports, checkedIn: run };
    this.projects.set(key, project);
    return project;
  }

  /** Lints one file as `text`, with the rest of its project as on disk. */
  private lintAlone(file: string, text: string, configFor: (file: string) => ResolvedConfig): FileReport {
    this.fileLints++;
    const previous = this.linter.overlay(file);
    this.linter.setOverlay(file, text);
    try {
      return this.linter.lint({ files: [file], configFor })[0];
    } finally {
      this.linter.setOverlay(file, previous);
    }
  }
}

let shared: SharedAnalysis | undefined;
/** The one analysis of the process: ESLint loads the plugin once and lints many files with it. */
export function sharedAnalysis(): SharedAnalysis {
  return (shared ??= new SharedAnalysis());
}
