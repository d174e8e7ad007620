// The Linter: reads files (or editor buffers), analyses the ones that can touch the SDK, runs the rules.
import type { FileReport, ResolvedConfig } from './types.js';

export interface LintRequest {
  /** Absolute paths of the files to report on. Other files may be read to follow imports. */
  files: string[];
  /** Configuration for a file; may throw ConfigError, which becomes a problem of that file. */
  configFor: (file: string) => ResolvedConfig;
}

export interface Hover {
  markdown: string;
  start: number;
  end: number;
}

export class Linter {
  /** Editor buffers: text that stands in for the file on disk until cleared with undefined. */
  setOverlay(_file: string, _text: string | undefined): void {}

  lint(request: LintRequest): FileReport[] {
    return request.files.map((file) => ({ file, findings: [], problems: [] }));
  }

  /** Files whose findings may change when `file` changes (they import it, directly or not). */
  dependentsOf(_file: string): string[] {
    return [];
  }

  hover(_file: string, _offset: number, _configFor: (file: string) => ResolvedConfig): Hover | undefined {
    return undefined;
  }
}
