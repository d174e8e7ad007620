// Facts about the app around a file: which callstats.js version it pins (package.json or a versioned script URL).
import * as path from 'node:path';
import { isEmbedding, scriptTags } from './embedded.js';
import type { Workspace } from './workspace.js';

/** The SDK packages whose version decides what the SDK accepts. */
const VERSIONED_PACKAGES = ['callstats-js', 'react-native-callstats', 'callstats-ws-js'];
const SCRIPT_VERSION = /callstats(?:-ws)?-(\d+\.\d+\.\d+)(?:\.min)?\.js(?:[?#].*)?$/i;

/**
 * The text after the last line break. A match of SCRIPT_VERSION (`.` stops at line breaks, `$` is
 * the end of the text) lies within it, and there its `.*$` never backtracks: on the whole text, a
 * long value with many `callstats-1.2.3.js?` and a line break late made it quadratic.
 */
function lastLine(text: string): string {
  return text.slice(Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'), text.lastIndexOf('\u2028'), text.lastIndexOf('\u2029')) + 1);
}

/** The callstats.js version a script URL names, as `callstats-3.26.1.min.js?v=2` does. */
export function scriptUrlVersion(src: string): string | undefined {
  return SCRIPT_VERSION.exec(lastLine(src))?.[1];
}

export interface SdkVersion {
  /** The lowest version the declaration allows, e.g. "3.12.1" for "^3.12.1". */
  version: string;
  /** Where it is declared: the package.json dependency value, or the script tag's src. */
  file: string;
  start: number;
  end: number;
}

/** Compares dotted versions numerically: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** The lowest version a semver range admits, or undefined for ranges without one (`*`, tags, URLs). */
export function minimumVersion(range: string): string | undefined {
  const match = /(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?/.exec(range);
  if (!match || /^(?:file:|git|https?:|npm:)/.test(range.trim())) return undefined;
  const part = (p: string | undefined) => (p === undefined || p === 'x' || p === '*' ? '0' : p);
  return `${match[1]}.${part(match[2])}.${part(match[3])}`;
}

export class ProjectInfo {
  private readonly packageCache = new Map<string, SdkVersion | null>();

  constructor(
    private readonly workspace: Workspace,
    /** HTML, Vue and Svelte files of the run: their versioned script URLs count for the whole package. */
    private readonly pages: readonly string[],
  ) {}

  /** The callstats.js version the app pins for `file`, if it pins one. */
  sdkVersion(file: string): SdkVersion | undefined {
    if (isEmbedding(file)) {
      const own = this.scriptVersion(file);
      if (own) return own;
    }
    const fromPackage = this.packageVersion(path.dirname(file));
    if (fromPackage) return fromPackage;
    const root = this.packageRoot(path.dirname(file));
    for (const page of this.pages) {
      if (!root || page.startsWith(root + path.sep)) {
        const version = this.scriptVersion(page);
        if (version) return version;
      }
    }
    return undefined;
  }

  private scriptVersion(file: string): SdkVersion | undefined {
    const source = this.workspace.read(file);
    if (source.problem) return undefined;
    for (const tag of scriptTags(source.text)) {
      const version = tag.src && scriptUrlVersion(tag.src.value);
      if (version) return { version, file, start: tag.src!.start, end: tag.src!.end };
    }
    return undefined;
  }

  private packageVersion(folder: string): SdkVersion | undefined {
    const cached = this.packageCache.get(folder);
    if (cached !== undefined) return cached ?? undefined;
    let found: SdkVersion | null = null;
    const manifest = path.join(folder, 'package.json');
    if (this.workspace.exists(manifest)) {
      found = this.readManifest(manifest) ?? null;
    } else if (path.dirname(folder) !== folder) {
      found = this.packageVersion(path.dirname(folder)) ?? null;
    }
    this.packageCache.set(folder, found);
    return found ?? undefined;
  }

  private readManifest(file: string): SdkVersion | undefined {
    const source = this.workspace.read(file);
    if (source.problem) return undefined;
    let manifest: Record<string, Record<string, string> | undefined>;
    try {
      manifest = JSON.parse(source.text);
    } catch {
      return undefined;
    }
    for (const section of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const name of VERSIONED_PACKAGES) {
        const range = manifest?.[section]?.[name];
        const version = typeof range === 'string' ? minimumVersion(range) : undefined;
        if (!version || range === undefined) continue;
        const key = source.text.indexOf(`"${name}"`);
        const start = source.text.indexOf(`"${range}"`, key) + 1;
        return { version, file, start, end: start + range.length };
      }
    }
    return undefined;
  }

  private packageRoot(folder: string): string | undefined {
    for (let dir = folder; ; dir = path.dirname(dir)) {
      if (this.workspace.exists(path.join(dir, 'package.json'))) return dir;
      if (path.dirname(dir) === dir) return undefined;
    }
  }
}
