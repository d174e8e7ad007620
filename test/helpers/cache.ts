// Reading and re-signing the linter's cache files in tests (the format of server/src/engine/cache.ts).
import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The analysis entries of a project cache folder. */
export function cacheEntries(cacheDir: string): string[] {
  const folder = path.join(cacheDir, 'analysis');
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.json')).map((f) => path.join(folder, f)) : [];
}

/** The JSON body of a signed cache file. */
export function readEntry(file: string): Record<string, unknown> {
  const text = fs.readFileSync(file, 'utf8');
  return JSON.parse(text.slice(text.indexOf('\n') + 1));
}

/**
 * Rewrites a signed cache file with `change` applied to its body, signed with the key in `userCacheHome`
 * (the XDG_CACHE_HOME the linter ran with), or left with its old signature when `sign` is false.
 */
export function rewriteEntry(file: string, userCacheHome: string, change: (body: Record<string, unknown>) => void, sign = true): void {
  const text = fs.readFileSync(file, 'utf8');
  const body = readEntry(file);
  change(body);
  const json = JSON.stringify(body);
  const key = fs.readFileSync(path.join(userCacheHome, 'callstats-lint', 'cache-key'));
  const signature = sign ? createHmac('sha256', key).update(json).digest('base64url') : text.slice(0, text.indexOf('\n'));
  fs.writeFileSync(file, `${signature}\n${json}`);
}
