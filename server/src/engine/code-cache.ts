// The V8 code cache for the TypeScript compiler: compiling its 9 MB is most of a small run's start-up, and V8 can skip that.
// Kept apart from compiler.ts because importing that module loads the compiler, and the directory must be set first.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { keepNewest, writeAtomically } from './cache.js';

/**
 * What the code cache did in this process:
 * - `unloaded`: the compiler has not been loaded (a run without candidate files never loads it);
 * - `off`: no cache directory, so nothing was read or will be written;
 * - `missing`: there was no cache; one is written when the process exits;
 * - `rejected`: the cache was damaged, or V8 refused it (another V8 build or flags); rewritten on exit;
 * - `used`: V8 took the cache;
 * - `written`: a fresh cache was written on exit.
 */
export type CodeCacheState = 'unloaded' | 'off' | 'missing' | 'rejected' | 'used' | 'written';

/** Leads every cache file, before the SHA-1 of the V8 data: a truncated or foreign file never reaches V8. */
const MAGIC = Buffer.from('callstats-lint code cache 1\n');
const DIGEST_BYTES = 20;

let directory: string | undefined;
let state: CodeCacheState = 'unloaded';

/**
 * Where the compiler's code cache lives, or undefined for none (--no-cache). Takes effect only when
 * called before the compiler loads, that is before anything imports compiler.ts.
 */
export function setCodeCacheDirectory(dir: string | undefined): void {
  directory = dir;
}

export function codeCacheState(): CodeCacheState {
  return state;
}

const sha1 = (data: Uint8Array): Buffer => createHash('sha1').update(data).digest();

/**
 * The cache file for this compiler file, Node build and V8 flags. V8 checks the source's length, not
 * the source itself: the file's path, size and modification time stand in for it. V8 refuses a cache
 * made by another V8 or under other flags, so each gets its own file rather than taking turns
 * overwriting one (an editor's Electron and the CLI's Node; NODE_OPTIONS set in CI but not locally).
 */
function cacheFile(dir: string, file: string): string {
  const stats = fs.statSync(file);
  const key = [file, stats.size, stats.mtimeMs, process.versions.v8, process.env.NODE_OPTIONS ?? '', ...process.execArgv].join('\0');
  const fingerprint = createHash('sha1').update(key).digest('hex').slice(0, 16);
  return path.join(dir, `typescript-${process.version}-${process.arch}-${fingerprint}.v8cache`);
}

/** The cached V8 data when the file is whole, else undefined: V8 aborts the whole process on damaged data, it does not refuse it. */
function readCache(target: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(target);
  } catch {
    return undefined;
  }
  const start = MAGIC.length + DIGEST_BYTES;
  if (bytes.length <= start || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const data = bytes.subarray(start);
  return sha1(data).equals(bytes.subarray(MAGIC.length, start)) ? data : undefined;
}

/** Caches kept: one per Node build and flags in use; those of Node versions and flags gone by are dropped. */
const MAX_CACHES = 4;

/** Writes the cache (atomically, see writeAtomically) and drops the oldest; false when it could not be written. */
function writeCache(target: string, script: vm.Script): boolean {
  const data = script.createCachedData();
  if (!writeAtomically(target, Buffer.concat([MAGIC, sha1(data), data]))) return false;
  keepNewest(path.dirname(target), (name) => name.startsWith('typescript-') && name.endsWith('.v8cache'), MAX_CACHES);
  return true;
}

/**
 * Compiles `source` (the wrapped text of `file`) with the cached code when there is a usable cache.
 * Without one, the cache is written when the process exits, once the compiler has parsed: V8 then
 * includes the functions it compiled lazily, which a cache made right after loading would lack.
 */
export function compileWithCodeCache(file: string, source: string): vm.Script {
  const dir = directory;
  let target: string | undefined;
  let cachedData: Buffer | undefined;
  let damaged = false;
  if (dir !== undefined) {
    try {
      target = cacheFile(dir, file);
      cachedData = readCache(target);
      damaged = cachedData === undefined && fs.existsSync(target);
    } catch {
      target = undefined; // the compiler file cannot be fingerprinted: no cache rather than a wrong one
    }
  }
  const script = new vm.Script(source, { filename: file, cachedData });
  if (target === undefined) {
    state = 'off';
    return script;
  }
  if (cachedData !== undefined && !script.cachedDataRejected) {
    state = 'used';
    return script;
  }
  state = damaged || cachedData !== undefined ? 'rejected' : 'missing';
  const written = target;
  process.once('exit', () => {
    // A cache only saves time: a read-only folder or a full disk means compiling again next run.
    if (writeCache(written, script)) state = 'written';
  });
  return script;
}
