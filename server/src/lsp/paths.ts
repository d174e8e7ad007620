// Document URIs to the file paths the engine works with, including untitled buffers that have no path yet.
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
 * Maps URIs to paths and back. Untitled buffers get a made-up path inside the first workspace
 * folder, with the extension of their language: the engine picks the parser by extension and the
 * configuration by folder, and a buffer the user is about to save there should behave the same.
 */
export class DocumentPaths {
  private readonly untitled = new Map<string, string>();
  private readonly byFile = new Map<string, string>();

  constructor(private readonly fallbackFolder: () => string) {}

  /** The path for a URI, or undefined for schemes the server cannot analyse. */
  toFile(uri: string, languageId?: string): string | undefined {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
    if (!uri.startsWith('untitled:')) return undefined;
    let file = this.untitled.get(uri);
    if (!file) {
      const name = decodeURIComponent(uri.slice('untitled:'.length)).replace(/[\\/:]/g, '_');
      const extension = EXTENSION_BY_LANGUAGE[languageId ?? ''] ?? '.js';
      file = path.join(this.fallbackFolder(), path.extname(name) ? name : name + extension);
      this.untitled.set(uri, file);
      this.byFile.set(file, uri);
    }
    return file;
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
