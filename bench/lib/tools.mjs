// The measured command lines (callstats-lint, ESLint + typescript-eslint, ESLint with the plugin, oxlint, the floor) and how to count what each reported.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
export const ROOT = path.dirname(BENCH);
const modules = path.join(BENCH, 'node_modules');

/** Packages each tool needs from bench/node_modules (installed by deps.mjs on first use). */
export const TOOLS = {
  // The default run: the cache (node_modules/.cache/callstats-lint) holds what the run before found.
  'callstats-lint': {
    label: 'callstats-lint',
    packages: [],
    script: path.join(ROOT, 'bin', 'callstats-lint.js'),
    args: (out) => ['.', '--format', 'json', '--output-file', out],
    okExit: [0, 1],
    count: (out) => JSON.parse(fs.readFileSync(out, 'utf8')).reduce((n, r) => n + r.messages.length, 0),
  },
  // Everything afresh, as on a clean checkout: no cache is read or written.
  'callstats-lint-no-cache': {
    label: 'callstats-lint --no-cache',
    packages: [],
    script: path.join(ROOT, 'bin', 'callstats-lint.js'),
    args: (out) => ['.', '--no-cache', '--format', 'json', '--output-file', out],
    okExit: [0, 1],
    count: (out) => JSON.parse(fs.readFileSync(out, 'utf8')).reduce((n, r) => n + r.messages.length, 0),
  },
  eslint: {
    label: 'ESLint 9 + typescript-eslint (2 selectors)',
    packages: ['eslint', '@typescript-eslint/parser', 'typescript'],
    script: path.join(modules, 'eslint', 'bin', 'eslint.js'),
    args: (out) => ['--no-config-lookup', '--config', path.join(BENCH, 'eslint.config.mjs'), '--format', 'json', '--output-file', out, '.'],
    okExit: [0, 1],
    count: (out) => JSON.parse(fs.readFileSync(out, 'utf8')).reduce((n, r) => n + r.messages.length, 0),
  },
  // The same engine as an ESLint plugin (callstats-lint/eslint-plugin): ESLint's own run, parse and
  // per-file rules around one shared analysis of the corpus.
  'eslint-plugin': {
    label: 'ESLint 9 + callstats-lint/eslint-plugin',
    packages: ['eslint', '@typescript-eslint/parser', 'typescript'],
    script: path.join(modules, 'eslint', 'bin', 'eslint.js'),
    args: (out) => ['--no-config-lookup', '--config', path.join(BENCH, 'eslint-plugin.config.mjs'), '--format', 'json', '--output-file', out, '.'],
    okExit: [0, 1],
    count: (out) => JSON.parse(fs.readFileSync(out, 'utf8')).reduce((n, r) => n + r.messages.length, 0),
  },
  oxlint: {
    label: 'oxlint (default rules)',
    packages: ['oxlint'],
    script: path.join(modules, 'oxlint', 'bin', 'oxlint'),
    args: () => ['--format', 'json', '.'],
    stdout: true,
    okExit: [0, 1],
    count: (out) => JSON.parse(fs.readFileSync(out, 'utf8')).diagnostics.length,
  },
  floor: {
    label: 'floor (read + scan text)',
    packages: [],
    script: path.join(BENCH, 'floor.mjs'),
    args: () => ['.'],
    stdout: true,
    okExit: [0],
    count: (out) => JSON.parse(fs.readFileSync(out, 'utf8')).mentions,
  },
};

export const TOOL_NAMES = Object.keys(TOOLS);

/** The tools that are callstats-lint, whose findings are checked against the planted ones. */
export const LINTER_TOOLS = ['callstats-lint', 'callstats-lint-no-cache', 'eslint-plugin'];

/** Where callstats-lint keeps its cache in a corpus. */
export const cacheDirOf = (corpusDir) => path.join(corpusDir, 'node_modules', '.cache', 'callstats-lint');

export function packageVersion(name, from = modules) {
  try {
    return JSON.parse(fs.readFileSync(path.join(from, name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}
