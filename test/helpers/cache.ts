// Reading and rewriting the linter's cache files in tests (the format of server/src/engine/cache.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The analysis entries of a project cache folder. */
export function cacheEntries(cacheDir: string): string[] {
  const folder = path.join(cacheDir, 'analysis');
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.json')).map((f) => path.join(folder, f)) : [];
}

/** The JSON of a cache file. */
export function readEntry(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Rewrites a cache file with `change` applied, as anyone who can write the folder could. */
export function rewriteEntry(file: string, change: (body: Record<string, unknown>) => void): void {
  const body = readEntry(file);
  change(body);
  fs.writeFileSync(file, JSON.stringify(body));
}
