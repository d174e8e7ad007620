// Hover text for an identifier argument: its value, its UTF-8 size against the limit, the topology assumed.
import type { Run } from './run.js';
import type { ResolvedConfig } from './types.js';

export function hoverText(
  _run: Run,
  _file: string,
  _offset: number,
  _configFor: (file: string) => ResolvedConfig,
): { markdown: string; start: number; end: number } | undefined {
  return undefined;
}
