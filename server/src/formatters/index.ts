// The report formatters by name; each reads lint results in ESLint's shape (see results.ts).
import { checkstyle } from './checkstyle.js';
import { codequality } from './codequality.js';
import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import type { FormatContext, LintResult } from './shared.js';
import { stylish } from './stylish.js';

export type { FormatContext } from './shared.js';

export type Formatter = (results: readonly LintResult[], ctx: FormatContext) => string;

export const FORMATTERS = { stylish, json, compact, sarif, github, junit, checkstyle, codequality } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATTERS;

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATTERS, name);
}
