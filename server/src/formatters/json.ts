// ESLint's JSON result format, so tools that read `eslint -f json` output read ours unchanged.
import type { FormatContext, LintResult } from './shared.js';

export function json(results: readonly LintResult[], _ctx: FormatContext): string {
  return JSON.stringify(results);
}
