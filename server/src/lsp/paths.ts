// Document URIs to the file paths the engine works with, including untitled buffers that have no path yet.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const EXTENSION_BY_LANGUAGE: Record<string, string> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
};

export function fileToUri(file: string): string {
  return pathToFileURL(file).href;
}

/**
 * The path of a `file:` URI, or undefined for other schemes and for URIs no local path stands for
 * (`file://server/share` on POSIX, which fileURLToPath refuses).
 */
export function uriToFile(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * Whether a file is inside one of the folders, by its real path, so a link inside a folder that
 * leads out of it counts as outside. A file that does not exist (yet) is judged by its path.
 */
export function isInside(file: string, folders: readonly string[]): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync.native(p);
    } catch {
      return path.resolve(p);
    }
  };
  const target = real(file);
  return folders.some((folder) => {
    const root = real(folder);
    return target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  });
}

/**
 * Maps URIs to paths and back. Untitled buffers get a made-up path inside the first workspace
 * folder, with the extension of their language: the engine picks the parser by extension and the
 * configuration by folder, and a buffer the user is about to save there should behave the same.
 * The name starts with a NUL, which no file name can hold: the buffer never stands in for a real
 * file (an `Untitled-1.js` on disk keeps its own findings).
 */
export class DocumentPaths {
  private readonly untitled = new Map<string, string>();
  private readonly byFile = new Map<string, string>();

  constructor(private readonly fallbackFolder: () => string) {}

  /** The path for a URI, or undefined for schemes the server cannot analyse. */
  toFile(uri: string, languageId?: string): string | undefined {
    if (uri.startsWith('file:')) return uriToFile(uri);
    if (!uri.startsWith('untitled:')) return undefined;
    let file = this.untitled.get(uri);
    if (!file) {
      const name = decoded(uri.slice('untitled:'.length)).replace(/[\\/:]/g, '_');
      const extension = EXTENSION_BY_LANGUAGE[languageId ?? ''] ?? '.js';
      file = path.join(this.fallbackFolder(), `\0${path.extname(name) ? name : name + extension}`);
      this.untitled.set(uri, file);
      this.byFile.set(file, uri);
    }
    return file;
  }

  /** Whether a path is one made up for an untitled buffer. */
  isUntitled(file: string): boolean {
    return this.byFile.has(file);
  }

  toUri(file: string): string {
    return this.byFile.get(file) ?? fileToUri(file);
  }

  forget(uri: string): void {
    const file = this.untitled.get(uri);
    if (file) this.byFile.delete(file);
    this.untitled.delete(uri);
  }
}

/** A URI's percent-decoded text, or the text itself when it is not validly encoded. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
