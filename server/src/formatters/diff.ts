// What fixes changed: unified diffs for --fix-dry-run (`--- a/path`, `+++ b/path`, three lines of context, as `patch -p1` and `git apply` read them) and the edits of the editor's fix-all.
import { printableName } from './escape.js';

const CONTEXT = 3;
/** Past this many changed lines the diff stops looking for the shortest edit: still correct, only less tidy. */
const MAX_EDIT_DISTANCE = 1000;

interface Op {
  kind: ' ' | '-' | '+';
  /** The line with its own terminator (none on a last line without one), so CRLF files diff as CRLF. */
  line: string;
}

function splitLines(text: string): string[] {
  const lines: string[] = [];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    lines.push(text.slice(start, end));
    start = end;
  }
  return lines;
}

/** Myers' shortest edit script between two line lists, or undefined past MAX_EDIT_DISTANCE. */
function shortestEdit(a: string[], b: string[]): Op[] | undefined {
  const max = Math.min(a.length + b.length, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) return backtrack(trace, a, b, offset);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], a: string[], b: string[], offset: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const previousK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const previousX = v[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x] });
    }
    if (d > 0) {
      if (x === previousX) ops.push({ kind: '+', line: b[--y] });
      else ops.push({ kind: '-', line: a[--x] });
    }
  }
  return ops.reverse();
}

function diffLines(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const oldMiddle = a.slice(start, endA);
  const newMiddle = b.slice(start, endB);
  const middle = shortestEdit(oldMiddle, newMiddle) ?? [
    ...oldMiddle.map((line): Op => ({ kind: '-', line })),
    ...newMiddle.map((line): Op => ({ kind: '+', line })),
  ];
  const same = (line: string): Op => ({ kind: ' ', line });
  return [...a.slice(0, start).map(same), ...middle, ...a.slice(endA).map(same)];
}

function range(start: number, length: number): string {
  // diff's convention: an empty range names the line before it.
  const first = length === 0 ? start - 1 : start;
  return length === 1 ? `${first}` : `${first},${length}`;
}

function printed(op: Op): string {
  return op.line.endsWith('\n') ? op.kind + op.line : `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

/** Lines with their terminators, a lone CR ending a line too (as editors count lines). */
function splitEditorLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Edits that turn `before` into `after`, offsets into `before`: one per run of changed lines, cut to
 * the characters that differ (never between the two halves of a surrogate pair), so an editor applying
 * them moves nothing else.
 */
export function textChanges(before: string, after: string): { start: number; end: number; newText: string }[] {
  if (before === after) return [];
  const ops = diffLines(splitEditorLines(before), splitEditorLines(after));
  const changes: { start: number; end: number; newText: string }[] = [];
  let offset = 0;
  for (let i = 0; i < ops.length; ) {
    if (ops[i].kind === ' ') {
      offset += ops[i++].line.length;
      continue;
    }
    let removed = '';
    let added = '';
    for (; i < ops.length && ops[i].kind !== ' '; i++) {
      if (ops[i].kind === '-') removed += ops[i].line;
      else added += ops[i].line;
    }
    let prefix = 0;
    while (prefix < removed.length && prefix < added.length && removed[prefix] === added[prefix]) prefix++;
    if (prefix > 0 && isHighSurrogate(removed.charCodeAt(prefix - 1))) prefix--;
    let suffix = 0;
    while (suffix < removed.length - prefix && suffix < added.length - prefix && removed[removed.length - 1 - suffix] === added[added.length - 1 - suffix]) suffix++;
    if (suffix > 0 && isLowSurrogate(removed.charCodeAt(removed.length - suffix))) suffix--;
    changes.push({ start: offset + prefix, end: offset + removed.length - suffix, newText: added.slice(prefix, added.length - suffix) });
    offset += removed.length;
  }
  return changes;
}

/** The unified diff turning `before` into `after`, with `name` as the path (forward slashes); '' when they are equal. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const changes = ops.flatMap((op, i) => (op.kind === ' ' ? [] : [i]));
  // Quoted as git quotes names with control characters (git apply and GNU patch read them), so a name cannot end the header line.
  let out = `--- ${printableName(`a/${name}`)}\n+++ ${printableName(`b/${name}`)}\n`;
  // Changes closer than twice the context share a hunk.
  for (let c = 0; c < changes.length; ) {
    let last = c;
    while (last + 1 < changes.length && changes[last + 1] - changes[last] <= 2 * CONTEXT) last++;
    const from = Math.max(0, changes[c] - CONTEXT);
    const to = Math.min(ops.length, changes[last] + CONTEXT + 1);
    let oldLine = 1;
    let newLine = 1;
    for (const op of ops.slice(0, from)) {
      if (op.kind !== '+') oldLine++;
      if (op.kind !== '-') newLine++;
    }
    const hunk = ops.slice(from, to);
    const oldLength = hunk.filter((op) => op.kind !== '+').length;
    const newLength = hunk.filter((op) => op.kind !== '-').length;
    out += `@@ -${range(oldLine, oldLength)} +${range(newLine, newLength)} @@\n${hunk.map(printed).join('')}`;
    c = last + 1;
  }
  return out;
}
