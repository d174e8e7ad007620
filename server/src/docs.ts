// Where a rule's documentation is: the page shipped in the package (for the editor), its public address (for CI reports), its text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta } from './engine/rule.js';

let root: string | undefined;

/** The package root: the nearest folder above this module with the package's package.json. */
export function packageRoot(): string {
  return (root ??= findPackageRoot());
}

function findPackageRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      if (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'callstats-lint') return dir;
    } catch {
      // No package.json here, or not ours: keep looking upward.
    }
    if (path.dirname(dir) === dir) return path.resolve(__dirname, '..');
  }
}

/** The page as a file URL, for the editor: it opens the copy installed with the extension or the package. */
export function localDocsUrl(meta: RuleMeta): string {
  return pathToFileURL(path.join(packageRoot(), meta.docs)).href;
}

/** The page's public address, when the package names a homepage; never a path of this machine. */
export function publicDocsUrl(meta: RuleMeta, homepage: string | undefined): string | undefined {
  if (!homepage) return undefined;
  let end = homepage.length;
  while (end > 0 && homepage[end - 1] === '/') end--;
  return `${homepage.slice(0, end)}/${meta.docs}`;
}

/** The page's Markdown, or undefined when the package was installed without it. */
export function docsMarkdown(meta: RuleMeta): string | undefined {
  try {
    return fs.readFileSync(path.join(packageRoot(), meta.docs), 'utf8');
  } catch {
    return undefined;
  }
}
