// Scripts inside HTML, Vue and Svelte files: the text outside <script> blocks is blanked, so offsets stay those of the file.
import * as path from 'node:path';

const EMBEDDING_EXTENSIONS = ['.html', '.htm', '.vue', '.svelte'];

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

// The tag is `<script\b([^>]*)>([\s\S]*?)<\/script\s*>`, found piece by piece: as one regular
// expression, every `<script` without a `>` or a closing tag after it rescanned the rest of the text.
const SCRIPT_OPEN = /<script\b/gi;
const SCRIPT_CLOSE = /<\/script\s*>/gi;
const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
const SCRIPT_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module', 'text/babel', 'text/typescript']);

/** Each `<script ...>...</script>`: where its attributes and its body are. */
function* scriptElements(text: string): Generator<{ attributesStart: number; attributes: string; body: { start: number; end: number } }> {
  const open = new RegExp(SCRIPT_OPEN);
  const close = new RegExp(SCRIPT_CLOSE);
  for (let match = open.exec(text); match; match = open.exec(text)) {
    const attributesStart = match.index + match[0].length;
    const tagEnd = text.indexOf('>', attributesStart);
    if (tagEnd < 0) return; // no later <script has a `>` either
    close.lastIndex = tagEnd + 1;
    const closing = close.exec(text);
    if (!closing) return; // nor a closing tag
    yield { attributesStart, attributes: text.slice(attributesStart, tagEnd), body: { start: tagEnd + 1, end: closing.index } };
    open.lastIndex = closing.index + closing[0].length;
  }
}

/** Every <script> tag of the file, with its `src` and its body. */
export function scriptTags(text: string): ScriptTag[] {
  const tags: ScriptTag[] = [];
  for (const element of scriptElements(text)) {
    const tag = scriptTagOf(element.attributes, element.attributesStart, element.body);
    if (tag) tags.push(tag);
  }
  return tags;
}

/**
 * A script element as a tag, from its attributes' text (which starts at `attributesStart` in the
 * file) and its body; undefined for a `type` that is not a script (`text/x-template`, JSON).
 */
export function scriptTagOf(attributesText: string, attributesStart: number, body: { start: number; end: number }): ScriptTag | undefined {
  const attributes = new Map<string, { value: string; start: number }>();
  for (const attribute of attributesText.matchAll(ATTRIBUTE)) {
    const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
    const valueOffset = attribute[0].lastIndexOf(value);
    attributes.set(attribute[1].toLowerCase(), { value, start: attributesStart + attribute.index! + valueOffset });
  }
  const type = (attributes.get('type')?.value ?? '').toLowerCase();
  if (!SCRIPT_TYPES.has(type)) return undefined;
  const langValue = (attributes.get('lang')?.value ?? '').toLowerCase();
  const lang = langValue === 'ts' || langValue === 'typescript' || type === 'text/typescript' ? 'ts' : 'js';
  const tag: ScriptTag = { lang };
  const src = attributes.get('src');
  if (src) tag.src = { value: src.value, start: src.start, end: src.start + src.value.length };
  else tag.body = body;
  return tag;
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

/** Spaces for everything but line breaks and a byte order mark (kept so line 1's columns skip it, as editors do). */
function blank(text: string): string {
  return text.replace(/[^\r\n\uFEFF]/g, ' ');
}
