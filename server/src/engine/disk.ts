// Files as the linter touches them: regular files only, read within a size limit and never blocking, version stamps, folders made one by one, atomic and in-place writes.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The most any read takes, whatever was asked: well above any source a person writes, below V8's longest string. */
export const MAX_READ_BYTES = 256 * 1024 * 1024;

/** A read refused before any byte was taken: `code` is 'ENOTREG' (a FIFO, a device, a folder) or 'EFBIG'. */
export class RefusedRead extends Error {
  constructor(
    readonly code: 'ENOTREG' | 'EFBIG',
    message: string,
  ) {
    super(message);
  }
}

export interface ReadOptions {
  /** Refuse a symbolic link instead of reading what it points to (the linter's own cache files). */
  noFollow?: boolean;
  /** The file's stat, when the caller has just taken it. */
  stat?: fs.Stats;
}

/**
 * A regular file's bytes, at most `maxBytes` of them. A FIFO or a device (also behind a link) is
 * refused from its stat and never opened, since opening or reading one can block for good; the file
 * is opened without blocking and checked again once open, in case it was swapped in between. Throws
 * RefusedRead, or the error of the failed system call.
 */
export function readRegularFile(file: string, maxBytes: number, options: ReadOptions = {}): Buffer {
  const limit = Math.min(maxBytes, MAX_READ_BYTES);
  const before = options.stat ?? (options.noFollow ? fs.lstatSync(file) : fs.statSync(file));
  checkRegular(before, limit);
  const flags = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (options.noFollow ? fs.constants.O_NOFOLLOW : 0);
  const fd = fs.openSync(file, flags);
  try {
    const stat = fs.fstatSync(fd);
    checkRegular(stat, limit);
    // Read to the end, not to the stated size: files in /proc state 0, and a file may grow meanwhile.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size - total, 0) + 1, limit - total + 1, 1024 * 1024));
      const read = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > limit) throw tooLarge(limit);
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } finally {
    fs.closeSync(fd);
  }
}

function checkRegular(stat: fs.Stats, limit: number): void {
  if (!stat.isFile()) throw new RefusedRead('ENOTREG', 'not a regular file');
  if (stat.size > limit) throw tooLarge(limit);
}

const tooLarge = (limit: number) => new RefusedRead('EFBIG', `larger than ${limit} bytes`);

/** Why a read failed, in a few words: the refusal, or the system's error code. */
export function readFailure(error: unknown): string {
  if (error instanceof RefusedRead) return error.message;
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/**
 * A version of a regular file as its stat tells it. The change time is part of it because nothing
 * can set it: `cp -p`, `rsync -t`, `tar x` and `touch -d` restore a modification time, never a
 * change time, so a file rewritten with its old size and modification time still gets a new stamp.
 */
export interface FileStamp {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/** The stamp of a regular file (links followed), or undefined when it is missing or anything else. */
export function stampOf(file: string): FileStamp | undefined {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() ? stampOfStat(stat) : undefined;
  } catch {
    return undefined;
  }
}

export function stampOfStat(stat: fs.Stats): FileStamp {
  return { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs };
}

export function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return !!a && !!b && a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

/** Whether `dir` is a folder in its own right: not a symbolic link to one. */
export function isRealFolder(dir: string): boolean {
  try {
    return fs.lstatSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Makes a folder and the missing ones above it, one at a time (`mkdirSync`'s recursive mode never
 * returns on /proc); true when `dir` is then a folder (or a link to one). Never throws.
 */
export function makeFolder(dir: string, mode = 0o777): boolean {
  const missing: string[] = [];
  for (let current = path.resolve(dir); !fs.existsSync(current); current = path.dirname(current)) {
    if (path.dirname(current) === current) return false;
    missing.unshift(current);
  }
  for (const folder of missing) {
    try {
      fs.mkdirSync(folder, { mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return false;
    }
  }
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

export interface WriteOptions {
  /** The new file's permission bits (default: those open() gives under the umask). */
  mode?: number;
  /** Runs right before the file is replaced; throwing leaves the file as it was. */
  check?: () => void;
}

/**
 * Replaces a file through a temporary sibling renamed over it, so a reader never sees half of it and
 * an interrupted write leaves the old file. A link at `file` is replaced, never followed. Throws the
 * error of the step that failed, after removing the temporary file.
 */
export function writeAtomically(file: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    // `wx`: a file or link already at the temporary name is an error, never written through.
    fs.writeFileSync(temporary, data, { flag: 'wx', mode: options.mode });
    // The umask may have narrowed the mode given to open().
    if (options.mode !== undefined) fs.chmodSync(temporary, options.mode);
    options.check?.();
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Rewrites a file's content in place: its inode, owner, mode and hard links stay. Not atomic, so only
 * for files whose inode matters; `check` runs once the file is open, right before the first byte.
 */
export function writeInPlace(file: string, data: string, options: Pick<WriteOptions, 'check'> = {}): void {
  const bytes = Buffer.from(data, 'utf8');
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
  try {
    if (!fs.fstatSync(fd).isFile()) throw new RefusedRead('ENOTREG', 'not a regular file');
    options.check?.();
    for (let written = 0; written < bytes.length; ) written += fs.writeSync(fd, bytes, written, bytes.length - written, written);
    fs.ftruncateSync(fd, bytes.length);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
