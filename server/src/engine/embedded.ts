// Scripts inside HTML, Vue and Svelte files: the text outside <script> blocks is blanked, so offsets stay those of the file.
import * as path from 'node:path';

export const EMBEDDING_EXTENSIONS = ['.html', '.htm', '.vue', '.svelte'];

export function isEmbedding(file: string): boolean {
  return EMBEDDING_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

export interface ScriptTag {
  /** Offsets of the tag's `src` value in the file, when it has one. */
  src?: { value: string; start: number; end: number };
  /** The script's own text range, for inline scripts. */
  body?: { start: number; end: number };
  lang: 'js' | 'ts';
}

const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const SCRIPT_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module', 'text/babel', 'text/typescript']);

/** Every <script> tag of the file, with its `src` and its body. */
export function scriptTags(text: string): ScriptTag[] {
  const tags: ScriptTag[] = [];
  for (const match of text.matchAll(SCRIPT_TAG)) {
    const attributesText = match[1];
    const attributesStart = match.index! + '<script'.length;
    const attributes = new Map<string, { value: string; start: number }>();
    for (const attribute of attributesText.matchAll(ATTRIBUTE)) {
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
      const valueOffset = attribute[0].lastIndexOf(value);
      attributes.set(attribute[1].toLowerCase(), { value, start: attributesStart + attribute.index! + valueOffset });
    }
    const type = (attributes.get('type')?.value ?? '').toLowerCase();
    if (!SCRIPT_TYPES.has(type)) continue;
    const langValue = (attributes.get('lang')?.value ?? '').toLowerCase();
    const lang = langValue === 'ts' || langValue === 'typescript' || type === 'text/typescript' ? 'ts' : 'js';
    const tag: ScriptTag = { lang };
    const src = attributes.get('src');
    if (src) tag.src = { value: src.value, start: src.start, end: src.start + src.value.length };
    else {
      const start = match.index! + match[0].indexOf('>') + 1;
      tag.body = { start, end: start + match[2].length };
    }
    tags.push(tag);
  }
  return tags;
}

/**
 * The file's inline scripts as one program: every character outside them becomes a space (line
 * breaks are kept), so positions in the program are positions in the file.
 */
export function embeddedProgram(text: string): { code: string; lang: 'js' | 'ts' } {
  const tags = scriptTags(text).filter((t) => t.body);
  const out: string[] = [];
  let cursor = 0;
  for (const tag of tags) {
    out.push(blank(text.slice(cursor, tag.body!.start)));
    out.push(text.slice(tag.body!.start, tag.body!.end));
    // Each block ends its statements: a block without a final semicolon must not run into the next.
    cursor = tag.body!.end;
  }
  out.push(blank(text.slice(cursor)));
  return { code: out.join(''), lang: tags.some((t) => t.lang === 'ts') ? 'ts' : 'js' };
}

function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}
