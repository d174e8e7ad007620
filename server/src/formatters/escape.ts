// Text from the workspace made safe to print: control characters a terminal or a CI log acts on are shown, never obeyed.

/** C0 and C1 controls, DEL, the line and paragraph separators and the bidirectional controls: a reader acts on them rather than showing them. */
function isControl(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

const NAMED: Record<number, string> = { 9: '\\t', 10: '\\n', 13: '\\r' };

function escaped(code: number): string {
  return NAMED[code] ?? `\\u${code.toString(16).padStart(4, '0')}`;
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return false;
}

/**
 * The text with each control character written as an escape (`\n`, `\u001b`), so it cannot start a
 * line or colour one. `keepLineBreaks` leaves CR and LF for a format that encodes them itself.
 */
export function escapeControls(text: string, keepLineBreaks = false): string {
  if (!hasControl(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += isControl(code) && !(keepLineBreaks && (code === 10 || code === 13)) ? escaped(code) : text[i];
  }
  return out;
}

/**
 * A file name as printed: as it is, or in double quotes with C escapes when it holds a control
 * character or a double quote, as git quotes paths; a quoted name can never pass for other output.
 */
export function printableName(name: string): string {
  if (!hasControl(name) && !name.includes('"')) return name;
  let out = '"';
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    out += isControl(code) ? escaped(code) : name[i] === '"' || name[i] === '\\' ? `\\${name[i]}` : name[i];
  }
  return `${out}"`;
}
