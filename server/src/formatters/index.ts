// The report formatters by name, and what they share: display paths and finding order.
import * as path from 'node:path';
import type { RuleMeta } from '../engine/rule.js';
import type { FileReport, Finding } from '../engine/types.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export interface FormatContext {
  /** Paths in the report are shown relative to this folder. */
  cwd: string;
  /** ANSI colours; only stylish uses them. */
  color?: boolean;
  /** The metadata of the rules that ran (SARIF describes each). */
  rules: readonly RuleMeta[];
}

export type Formatter = (reports: FileReport[], ctx: FormatContext) => string;

export const FORMATTERS = { stylish, json, sarif, github } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATTERS;

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}

/** Relative to cwd when the file is below it (shorter, and still clickable in terminals); absolute otherwise. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** Findings in reading order, so every formatter lists them alike whatever order the rules ran in. */
export function sortedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.range.line - b.range.line ||
      a.range.column - b.range.column ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}
