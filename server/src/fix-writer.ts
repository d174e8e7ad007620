// Writing what --fix fixed: the texts the lint saw, and replacing files only where that is safe (inside the paths given, unchanged, writable).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MAX_READ_BYTES, readRegularFile, sameStamp, stampOf, writeAtomically, writeInPlace, type FileStamp } from './engine/disk.js';

export const CHANGED_ON_DISK = 'not fixed: the file changed on disk while it was being linted';
const NOT_UTF8 = 'not fixed: the file is not valid UTF-8, and rewriting it would replace the bytes that are not';
const OUTSIDE = 'not fixed: the file is outside the paths given (a symbolic link leads there)';
const READ_ONLY = 'not fixed: the file is read-only';

export type Problems = Map<string, string[]>;

export function addProblem(problems: Problems, file: string, message: string): void {
  const list = problems.get(file) ?? [];
  if (!list.includes(message)) list.push(message);
  problems.set(file, list);
}

/** Whether a real path is one of `roots` or inside one. */
function isInside(real: string, roots: readonly string[]): boolean {
  return roots.some((root) => real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
}

class Refused extends Error {}

/**
 * What the linted files were when they were linted: each file's stamp taken before the lint, and
 * its text, read when a fix first needs it. Only these files are ever fixed, and only where their
 * real path is inside `roots`, the real paths of the folders and files the patterns named.
 */
export class Snapshots {
  private readonly stamps: Map<string, FileStamp | undefined>;
  private readonly texts = new Map<string, string | undefined>();

  constructor(
    files: string[],
    private readonly roots: readonly string[],
    private readonly problems: Problems,
  ) {
    this.stamps = new Map(files.map((file) => [file, stampOf(file)]));
  }

  /** The text the lint saw, or undefined when the file must not be fixed. */
  text(file: string): string | undefined {
    if (!this.texts.has(file)) this.texts.set(file, this.read(file));
    return this.texts.get(file);
  }

  private read(file: string): string | undefined {
    const stamp = this.stamps.get(file);
    if (stamp === undefined) return undefined;
    let bytes: Buffer;
    try {
      if (!isInside(fs.realpathSync.native(file), this.roots)) {
        addProblem(this.problems, file, OUTSIDE);
        return undefined;
      }
      bytes = readRegularFile(file, MAX_READ_BYTES);
    } catch {
      return undefined; // the lint reported why the file cannot be read
    }
    // Unchanged since before the lint, so the lint read these same bytes.
    if (!sameStamp(stampOf(file), stamp)) {
      addProblem(this.problems, file, CHANGED_ON_DISK);
      return undefined;
    }
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) {
      addProblem(this.problems, file, NOT_UTF8);
      return undefined;
    }
    return text;
  }

  /** Throws unless the file on disk is still what was linted: same stamp, same content. */
  checkUnchanged(file: string): void {
    let same = false;
    try {
      same = sameStamp(stampOf(file), this.stamps.get(file)) && readRegularFile(file, MAX_READ_BYTES).toString('utf8') === this.texts.get(file);
    } catch {
      // Gone or unreadable: not what was linted.
    }
    if (!same) throw new Refused(CHANGED_ON_DISK);
  }

  /**
   * Replaces a linted file with its fixed text. Through a temporary file renamed over it, so an
   * interrupted write never leaves half a file, with the file's mode; but in place when a rename
   * would change what the file is: when it has other hard links (they would keep the old text) or
   * another owner (the new file would be the runner's). The last check, right before the file is
   * replaced, is that it is still what was linted: an editor may have saved it meanwhile.
   */
  write(file: string, text: string): void {
    const target = fs.realpathSync.native(file);
    if (!isInside(target, this.roots)) throw new Refused(OUTSIDE);
    const stat = fs.statSync(target);
    // Root may write anything: the permission bits say what the file's owner meant.
    if ((stat.mode & 0o222) === 0) throw new Refused(READ_ONLY);
    fs.accessSync(target, fs.constants.W_OK);
    const check = () => this.checkUnchanged(file);
    const uid = process.getuid?.();
    if (stat.nlink > 1 || (uid !== undefined && stat.uid !== uid)) writeInPlace(target, text, { check });
    else writeAtomically(target, text, { mode: stat.mode & 0o7777, check });
  }
}

/** Writes the fixed files; returns whether every one was written. Failures become problems of the file. */
export function writeFixes(fixed: Map<string, string>, snapshots: Snapshots, problems: Problems): boolean {
  let all = true;
  for (const [file, text] of fixed) {
    if (text === snapshots.text(file)) continue;
    try {
      snapshots.write(file, text);
    } catch (error) {
      all = false;
      if (error instanceof Refused) addProblem(problems, file, error.message);
      else addProblem(problems, file, `cannot write the fixed file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  return all;
}
