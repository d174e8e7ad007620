// No regular expression backtracks catastrophically: every one in server/src is listed, run on 100k-character adversarial inputs with a time bound, through its real caller where it reads the workspace, and the linear rewrites match the patterns they replace.
import { RULES } from '../../server/src/rules/index.js';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ts } from 'ts-morph';
import { main } from '../../server/src/cli.js';
import { reexports } from '../../server/src/engine/candidates.js';
import { ConfigError, readConfigFile } from '../../server/src/engine/config.js';
import { parseDirectives } from '../../server/src/engine/directives.js';
import { embeddedProgram, scriptTagOf, scriptTags } from '../../server/src/engine/embedded.js';
import { isLintableFile } from '../../server/src/engine/files.js';
import { Linter } from '../../server/src/engine/linter.js';
import type { FileReport } from '../../server/src/engine/types.js';
import { minimumVersion, scriptUrlVersion } from '../../server/src/engine/project.js';
import { STRONG_WORDS } from '../../server/src/engine/sdk.js';
import { mentionsSdk, relativeImports } from '../../server/src/engine/workspace.js';
import { defaultConfig } from '../../server/src/engine/config.js';
import { cleaned, unicodeProblems } from '../../server/src/rules/id-unicode.js';
import { findEmail, isPhoneNumber, personalName } from '../../server/src/rules/userid-privacy.js';
import { ROOT, RULE_IDS, writeTree } from '../helpers/lint.js';

/** The length of each adversarial input. */
const N = 100_000;
/** Per input, for a regular expression or one function: generous, since this is a safety test, not a benchmark. */
const BOUND_MS = 500;
/** A whole lint of a 100k-character file, parsing included. */
const LINT_BOUND_MS = 3000;
/** fast-check runs of each "the rewrite matches the old pattern" property. */
export const EQUIVALENCE_RUNS = 2000;

interface Entry {
  /** What the expression is applied to. */
  input: string;
  /** Whether that can come from the workspace (files, configuration, names and values in the code). */
  workspace: boolean;
  /** Inputs crafted against this pattern, besides the generic ones every pattern gets. */
  attacks?: string[];
  /** For `new RegExp(...)`: the expression it builds. */
  regex?: RegExp;
}

const spaces = ' '.repeat(N);
const times = (unit: string, length = N) => unit.repeat(Math.ceil(length / unit.length));

/**
 * Every regular expression in server/src, by file and source text. A new one fails the
 * "every regular expression is listed" test until it is added here, with what it reads.
 */
const TABLE: Record<string, Entry> = {
  'formatters/sarif.ts /^```\\w*\\n?/gm': { input: "a rule's documentation page", workspace: false, attacks: [times('```a\n')] },
  'cli-options.ts /\'([^\']*)\'/': { input: "Node's parseArgs error message (command line)", workspace: false, attacks: [times("'a"), "'" + times('a')] },
  'cli-options.ts /\\.$/': { input: 'an error message', workspace: false, attacks: [times('.a')] },
  'cli-options.ts /\\s+/g': { input: 'error messages made one line (configuration errors quote keys and values)', workspace: true, attacks: [spaces + 'x', times(' \n')] },
  'cli-options.ts /^([^=]+)=(.*)$/': { input: '--rule ID=SEVERITY (command line)', workspace: false, attacks: [times('a') + '\n=', times('=')] },
  'cli-options.ts /^(?:\\d+|-1)$/': { input: '--max-warnings (command line)', workspace: false, attacks: [times('1') + 'x', '-' + times('1')] },
  'cli-options.ts /^(\\d+(?:\\.\\d+)?)\\s*([a-z]*)$/i': { input: '--max-file-size (command line)', workspace: false, attacks: [times('1') + spaces + '1', times('1.1'), '1.' + times('1') + 'k1'] },
  'engine/topology.ts /^(forEach|map|flatMap)$/': { input: 'a called method name', workspace: true },
  'rules/id-case-collision.ts /\\s+/g': { input: 'the code of a template\'s computed part', workspace: true, attacks: [spaces + 'x'] },
  'rules/id-case-collision.ts /\\p{L}/u': { input: 'the known text of a template', workspace: true },
  'rules/reinit-on-userid-change.ts /^(on|once|addEventListener|addListener|subscribe|watch|setInterval|useEffect|useLayoutEffect)$/': { input: 'a called function name', workspace: true },
  'rules/reinit-on-userid-change.ts /^use(Layout)?Effect$/': { input: 'a called function name', workspace: true },
  'rules/remote-track-association.ts /\\s+/g': { input: 'the code of a condition', workspace: true, attacks: [spaces + 'x'] },
  'rules/remote-track-association.ts /(^|\\.)server$/': { input: 'the code of remoteEndpointType', workspace: true, attacks: [times('.serve'), times('server.')] },
  'engine/analysis.ts /call stack/i': { input: "a RangeError's message", workspace: false },
  'engine/analysis.ts /^(once|onetime|oneTime)$/': { input: 'function names in the code', workspace: true, attacks: [times('once')] },
  'engine/candidates.ts /\\bexport\\s*([*{])/g': { input: 'file text (pre-filter)', workspace: true, attacks: [times('export {'), times('export '), 'export' + spaces] },
  'engine/candidates.ts /\\s*from\\b/y': { input: 'file text after a re-export', workspace: true, attacks: [spaces + 'fro'] },
  'engine/candidates.ts new RegExp(EXPORT_START)': { input: 'file text (pre-filter)', workspace: true, regex: /\bexport\s*([*{])/g, attacks: [times('export {')] },
  'engine/candidates.ts /\\.(?:[cm]?[jt]sx?|[jt]sx)$/i': { input: 'file paths', workspace: true, attacks: [times('.js.'), times('.tsx')] },
  'engine/config.ts /~1/g': { input: 'JSON pointers into the configuration', workspace: true, attacks: [times('~1'), times('~')] },
  'engine/config.ts /~0/g': { input: 'JSON pointers into the configuration', workspace: true, attacks: [times('~0')] },
  'engine/directives.ts /\\/\\/[ \\t]*callstats-lint-disable-(?:next-)?line\\b|\\/\\*[ \\t]*callstats-lint-disable(?:-(?:next-)?line)?\\b/g': {
    input: 'file text (inline directives)',
    workspace: true,
    attacks: [times('/* callstats-lint-disable '), times('// callstats-lint-disable-next-line'), times('/* callstats-lint-disable-next-'), times('// callstats-lint-disable-'), '//' + spaces, '/*' + times('\t')],
  },
  'engine/directives.ts new RegExp(OPENER)': {
    input: 'file text (inline directives)',
    workspace: true,
    regex: /\/\/[ \t]*callstats-lint-disable-(?:next-)?line\b|\/\*[ \t]*callstats-lint-disable(?:-(?:next-)?line)?\b/g,
    attacks: [times('/* callstats-lint-disable '), times('/* callstats-lint-disable-line ')],
  },
  'engine/directives.ts /[\\s,]+/': { input: 'the rule list of a directive', workspace: true, attacks: [times(' ,')] },
  'engine/embedded.ts /<!--|<(script)\\b|<(textarea|title|style|xmp|iframe|noembed|noframes|noscript|plaintext)(?=[\\s/>])/gi': {
    input: 'HTML, Vue and Svelte file text',
    workspace: true,
    attacks: [times('<script'), times('<SCRIPT '), times('<!--'), times('<!-'), times('<textarea '), times('<textare'), times('<title>')],
  },
  'engine/embedded.ts /<\\/(textarea|title|style|xmp|iframe|noembed|noframes|noscript)(?=[\\s/>])/gi': {
    input: 'HTML text inside a text element (textarea, title, ...)',
    workspace: true,
    attacks: [times('</title '), times('</textare'), times('</'), times('</style>')],
  },
  'engine/embedded.ts /<\\/script\\s*>/gi': { input: 'HTML, Vue and Svelte file text', workspace: true, attacks: [times('</script '), '</script' + spaces] },
  'engine/embedded.ts new RegExp(OPENER)': {
    input: 'HTML, Vue and Svelte file text',
    workspace: true,
    regex: /<!--|<(script)\b|<(textarea|title|style|xmp|iframe|noembed|noframes|noscript|plaintext)(?=[\s/>])/gi,
    attacks: [times('<!--'), times('<textarea ')],
  },
  'engine/embedded.ts new RegExp(TEXT_CLOSE)': {
    input: 'HTML text inside a text element',
    workspace: true,
    regex: /<\/(textarea|title|style|xmp|iframe|noembed|noframes|noscript)(?=[\s/>])/gi,
    attacks: [times('</title ')],
  },
  'engine/embedded.ts new RegExp(SCRIPT_CLOSE)': { input: 'HTML, Vue and Svelte file text', workspace: true, regex: /<\/script\s*>/gi, attacks: ['</script' + spaces] },
  'engine/embedded.ts /([^\\s=/>]+)(?:\\s*=\\s*(?:"([^"]*)"|\'([^\']*)\'|([^\\s"\'>]+)))?/g': {
    input: "a script tag's attributes",
    workspace: true,
    attacks: [times('a="'), times("a='"), 'a' + spaces + '=' + spaces, times('a= '), times('a=')],
  },
  'engine/embedded.ts /[^\\r\\n\\uFEFF]/g': { input: 'HTML text outside scripts (blanked)', workspace: true },
  'engine/files.ts /\\.(?:[cm]?[jt]s|[jt]sx|html?|vue|svelte)$/i': { input: 'file paths', workspace: true, attacks: [times('.js.'), times('.html')] },
  'engine/files.ts /\\.d\\.[cm]?ts$/': { input: 'file paths', workspace: true, attacks: [times('.d.ts.')] },
  'engine/project.ts /callstats(?:-ws)?-(\\d+\\.\\d+\\.\\d+)(?:\\.min)?\\.js(?:[?#].*)?$/i': {
    input: "the last line of a script tag's src (see scriptUrlVersion)",
    workspace: true,
    attacks: [times('callstats-1.2.3.js?'), times('callstats-1.2.3.jsx'), 'callstats-' + times('1'), times('callstats-ws-1.2.3.min')],
  },
  'engine/project.ts /^(?:file:|git|https?:|npm:)/': { input: 'package.json dependency ranges', workspace: true },
  'engine/project.ts /(\\d+)(?:\\.(\\d+|x|\\*))?(?:\\.(\\d+|x|\\*))?/': { input: 'package.json dependency ranges', workspace: true, attacks: [times('1.'), times('x.')] },
  'engine/topology.ts /^(forEach|map|on|addEventListener)$/': { input: 'method names in the code', workspace: true, attacks: [times('on')] },
  'engine/topology.ts /ontrack|onaddstream/': { input: 'source text of an assignment target', workspace: true, attacks: [times('ontrac'), times('onaddstrea')] },
  "engine/workspace.ts new RegExp(STRONG_WORDS.join('|'), 'i')": { input: 'file text (pre-filter)', workspace: true, regex: new RegExp(STRONG_WORDS.join('|'), 'i'), attacks: STRONG_WORDS.map((w) => times(w.slice(0, -1))) },
  'engine/workspace.ts /(?:\\bfrom\\s*|\\bimport\\s*(?:\\(\\s*)?|\\brequire\\s*\\(\\s*)[\'"](\\.{1,2}\\/[^\'"\\n]*)[\'"]/g': {
    input: 'file text (relative imports, pre-filter)',
    workspace: true,
    attacks: ['import' + spaces + 'x', 'import(' + spaces + 'x', 'require' + spaces + 'x', 'from' + spaces, times("import './"), "import './" + times('a') + '\n'],
  },
  'engine/workspace.ts /\\.(m|c)?jsx?$/': { input: 'import specifiers', workspace: true, attacks: [times('.mjs.')] },
  'eslint/parser.ts /\\r\\n|[\\r\\n\\u2028\\u2029]/g': { input: 'file text ESLint hands the parser', workspace: true, attacks: [times('\r\r\n')] },
  'formatters/github.ts /%/g': { input: 'messages and paths in annotations', workspace: true },
  'formatters/github.ts /\\r/g': { input: 'messages and paths in annotations', workspace: true },
  'formatters/github.ts /\\n/g': { input: 'messages and paths in annotations', workspace: true },
  'formatters/github.ts /:/g': { input: 'paths in annotations', workspace: true },
  'formatters/github.ts /,/g': { input: 'paths in annotations', workspace: true },
  'formatters/shared.ts /[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]/g': { input: 'messages and paths in XML reports', workspace: true, attacks: [times('\u0001')] },
  'formatters/shared.ts /[<>&"\']/g': { input: 'messages and paths in XML reports', workspace: true, attacks: [times('<&')] },
  'formatters/stylish.ts /([^ ])\\.$/u': { input: 'finding messages (quote values from the code)', workspace: true, attacks: [times('a.')] },
  'lsp/codeActions.ts /^[ \\t]*/': { input: "a finding's line (disable for this line)", workspace: true, attacks: [times(' \t') + 'x'] },
  'lsp/paths.ts /[\\\\/:]/g': { input: 'untitled document URIs from the editor', workspace: false },
  'lsp/transport.ts /content-length:[ \\t]*\\d+[ \\t]*\\r\\n/i': { input: 'LSP messages from the editor (headers at most 8 kB)', workspace: false, attacks: [times('content-length:'), 'content-length:' + spaces + times('1', 1000) + spaces] },
  'lsp/transport.ts /^\\d{1,15}$/': { input: 'the Content-Length header value', workspace: false },
  "lsp/transport.ts /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \\t]*(.*?)[ \\t]*$/": { input: 'LSP header lines (at most 8 kB)', workspace: false, attacks: ['a:' + spaces + 'x', 'a:' + times(' x'), times('a') + '\n'] },
  'rules/api-before-initialize.ts /^(forEach|map|flatMap|filter|some|every|find|findIndex|reduce)$/': { input: 'method names in the code', workspace: true, attacks: [times('find')] },
  'rules/api-before-initialize.ts /^(then|finally|setTimeout|setInterval|setImmediate|queueMicrotask|requestAnimationFrame|requestIdleCallback|addEventListener|on|once|addListener)$/': { input: 'function names in the code', workspace: true, attacks: [times('on')] },
  'rules/api-before-initialize.ts /\\brequire\\(|\\bmodule\\.exports\\b|\\bexports\\./': { input: 'file text', workspace: true, attacks: [times('require'), times('module.exports_')] },
  'rules/conference-id-consistency.ts /\\s+/g': { input: 'source text of an expression', workspace: true },
  'rules/conference-id-reuse.ts /^(Date\\.now|Math\\.random|performance\\.now|((window|globalThis|self)\\.)?crypto\\.randomUUID|uuid(v[1-7])?|uuid\\.v[1-7]|v[1-7]|nanoid|cuid2?|createId|ulid|shortid\\.generate|uniqueId|_\\.uniqueId)$/i': {
    input: 'callee text in the code',
    workspace: true,
    attacks: [times('window.'), times('uuid')],
  },
  'rules/conference-id-reuse.ts /^(String|Number|encodeURIComponent|encodeURI|btoa|Math\\.(floor|round|ceil|trunc|abs))$/': { input: 'callee text in the code', workspace: true, attacks: [times('Math.')] },
  'rules/id-unicode.ts /[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]/': { input: 'identifier values', workspace: true, attacks: [times('\uD800'), times('\uDC00'), times('\uD800\uDC00')] },
  'rules/id-unicode.ts /[\\u0000-\\u001F\\u007F-\\u009F]/': { input: 'identifier values', workspace: true },
  'rules/id-unicode.ts /[\\u00AD\\u061C\\u180E\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]/': { input: 'identifier values', workspace: true },
  'rules/id-unicode.ts /(?<![\\p{L}\\p{M}\\p{Extended_Pictographic}\\u{FE0F}\\u{1F3FB}-\\u{1F3FF}])[\\u200C\\u200D]|[\\u200C\\u200D](?![\\p{L}\\p{M}\\p{Extended_Pictographic}])|(?<=[\\x00-\\x7F])[\\u200C\\u200D]|[\\u200C\\u200D](?=[\\x00-\\x7F])/u': {
    input: 'identifier values',
    workspace: true,
    attacks: [times('\u200D'), times('a\u200D'), times('\u0645\u200C'), times('\u{1F469}\u200D')],
  },
  "rules/id-unicode.ts new RegExp(pattern.source, 'gu')": {
    input: 'identifier values (the stray joiners, global)',
    workspace: true,
    regex: /(?<![\p{L}\p{M}\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}])[\u200C\u200D]|[\u200C\u200D](?![\p{L}\p{M}\p{Extended_Pictographic}])|(?<=[\x00-\x7F])[\u200C\u200D]|[\u200C\u200D](?=[\x00-\x7F])/gu,
  },
  'rules/id-unicode.ts /^\\s/': { input: 'identifier values', workspace: true },
  'rules/id-unicode.ts /\\s$/': { input: 'identifier values', workspace: true, attacks: [times(' a')] },
  "rules/id-unicode.ts new RegExp(pattern.source, 'g')": { input: 'identifier values (the control and invisible character classes, global)', workspace: true, regex: /[\u0000-\u001F\u007F-\u009F]|[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g },
  'rules/id-unicode.ts /\\p{M}/u': { input: 'one character of an identifier value', workspace: true, attacks: [times('e\u0301')] },
  'rules/reinit-on-userid-change.ts /[ \\t]*/y': { input: 'file text at a line start (indentation)', workspace: true, attacks: [times(' \t')] },
  'rules/reinit-on-userid-change.ts /^[([`]/': { input: 'callee text in the code', workspace: true },
  'rules/reinit-on-userid-change.ts /^(on|once|addEventListener|addListener)$/': { input: 'method names in the code', workspace: true, attacks: [times('on')] },
  "rules/reinit-on-userid-change.ts /(^|\\.)local$|^['\"`]local['\"`]$/": { input: 'source text of a userIDType argument', workspace: true, attacks: [times('.local'), times('.loca')] },
  'rules/remote-track-association.ts /server|bridge|sfu|mcu|focus|jvb/i': { input: 'names and values in the code', workspace: true, attacks: [times('serve'), times('bridg')] },
  'rules/remote-userid-topology.ts /(^|\\.)(randomUUID|uuid|uuidv1|uuidv4|v1|v4|nanoid|cuid|createId|shortid|generate|random)$/i': { input: 'callee text in the code', workspace: true, attacks: [times('.uuid'), times('.v')] },
  'rules/remote-userid-topology.ts /^(remote|peer|participant|member|target|other|from|speaker|publisher|sender|attendee|guest|caller|callee)\\w*id$/i': {
    input: 'parameter names in the code',
    workspace: true,
    attacks: ['remote' + times('id') + 'x', 'peer' + times('a')],
  },
  'rules/remote-userid-topology.ts /^(remote|peer|participant|member|speaker|publisher|sender|attendee|guest|caller|callee)$/i': { input: 'parameter names in the code', workspace: true, attacks: [times('peer')] },
  'rules/remote-userid-topology.ts /Math\\.random/': { input: 'source text of a call', workspace: true, attacks: [times('Math.rando')] },
  'rules/remote-userid-topology.ts /server|bridge|sfu|mcu|focus|jvb/i': { input: 'names and values in the code', workspace: true, attacks: [times('serve')] },
  'rules/edits.ts /[\\\\\\n\\r\\u2028\\u2029\\t]/g': { input: 'replacement identifier values (quoteLike)', workspace: true, attacks: [times('\\\n')] },
  'rules/edits.ts /\\$\\{/g': { input: 'replacement identifier values (quoteLike)', workspace: true, attacks: [times('${'), times('$')] },
  'engine/rule.ts /\\{\\{(\\w+)\\}\\}/g': { input: "the rules' message templates", workspace: false, attacks: [times('{{a'), '{{' + times('a') + '}'] },
  'rules/id-empty.ts /(^|\\.)(localStorage|sessionStorage)$/': { input: 'the code of a called method\'s receiver', workspace: true, attacks: [times('.localStorage')] },
  'rules/userid-privacy.ts /[A-Za-z0-9._%+-]/': { input: 'one character of a userID value', workspace: true },
  'rules/userid-privacy.ts /hash|sha|md5|digest|hmac|encrypt|encode|btoa|uuid|anonymi|pseudonym|token/i': { input: 'the code of a called function', workspace: true, attacks: [times('has')] },
  'rules/userid-privacy.ts /[A-Za-z0-9-]/': { input: 'one character of a userID value', workspace: true },
  'rules/userid-privacy.ts /^[A-Za-z]{2,}$/': { input: 'the last label of an e-mail domain', workspace: true, attacks: [times('a') + '1'] },
  'rules/userid-privacy.ts /^(?:tel:)?\\+\\d[\\d ().-]{6,20}$/': { input: 'userID values', workspace: true, attacks: ['+' + times('1'), times('+1 ')] },
  'rules/userid-privacy.ts /^(?:tel:)?\\(?\\d{2,4}\\)?[ .-]\\d{3,4}[ .-]\\d{3,4}$/': { input: 'userID values', workspace: true, attacks: [times('1'), times('(12) 123-')] },
  'rules/userid-privacy.ts /\\D/g': { input: 'userID values', workspace: true },
  'rules/userid-privacy.ts /([a-z0-9])([A-Z])/g': { input: 'names in the code', workspace: true, attacks: [times('aA')] },
  'rules/userid-privacy.ts /([A-Z])(?=[A-Z][a-z])/g': { input: 'names in the code', workspace: true, attacks: [times('A'), times('AAa')] },
  'rules/userid-privacy.ts /[\\s_$-]+/': { input: 'names in the code', workspace: true, attacks: [times(' _$-')] },
  'rules/userid-privacy.ts /^(String|encodeURIComponent|encodeURI|escape|btoa)$/': { input: 'callee names in the code', workspace: true, attacks: [times('encodeURI')] },
};

// ---- finding them ------------------------------------------------------------------------------

interface Found {
  key: string;
  line: number;
  text: string;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every regular expression literal and `new RegExp(...)` in server/src, found by the compiler's parser. */
function regularExpressions(): Found[] {
  const root = path.join(ROOT, 'server', 'src');
  const found: Found[] = [];
  for (const file of sources(root)) {
    const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const name = path.relative(root, file).split(path.sep).join('/');
    const visit = (node: ts.Node): void => {
      const isLiteral = node.kind === ts.SyntaxKind.RegularExpressionLiteral;
      const isConstructed = (ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(sourceFile) === 'RegExp';
      if (isLiteral || isConstructed) {
        const text = node.getText(sourceFile);
        found.push({ key: `${name} ${text}`, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1, text });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return found;
}

function compile(key: string, entry: Entry): RegExp {
  if (entry.regex) return new RegExp(entry.regex.source, entry.regex.flags.includes('g') ? entry.regex.flags : entry.regex.flags + 'g');
  const literal = key.slice(key.indexOf(' ') + 1);
  const end = literal.lastIndexOf('/');
  const flags = literal.slice(end + 1);
  return new RegExp(literal.slice(1, end), flags.includes('g') ? flags : flags + 'g');
}

/** Inputs every pattern gets: long runs of single characters, and the pattern's own words repeated and padded. */
function genericAttacks(key: string): string[] {
  const singles = [' ', 'a', 'A', '0', '\n', '\r\n', '\t', '.', '/', '*', '<', '"', "'", '`', '-', '_', '@', '{', '(', '\\', 'é', '\u200B', '\uD800'].map((c) => times(c));
  const words = [...new Set(key.slice(key.indexOf(' ') + 1).match(/[A-Za-z][A-Za-z-]{2,}/g) ?? [])];
  return [...singles, ...words.flatMap((w) => [times(w), times(w + ' '), w + spaces, times(w + '-'), times(w + '1.')])];
}

function timed(label: string, bound: number, run: () => unknown): number {
  const started = performance.now();
  run();
  const elapsed = performance.now() - started;
  assert.ok(elapsed < bound, `${label}: ${Math.round(elapsed)} ms, bound ${bound} ms`);
  return elapsed;
}

const printable = (text: string) => JSON.stringify(text.slice(0, 24)) + (text.length > 24 ? `… (${text.length} chars)` : '');

// ---- the tests ---------------------------------------------------------------------------------

describe('regular expressions', () => {
  const found = regularExpressions();

  test('every regular expression in server/src is listed with what it reads, and every listed one exists', () => {
    const missing = found.filter((f) => !(f.key in TABLE)).map((f) => `server/src/${f.key} (line ${f.line})`);
    assert.deepEqual(missing, [], 'new regular expressions: add each to TABLE in test/reliability/regex.test.ts, with adversarial inputs');
    const keys = new Set(found.map((f) => f.key));
    assert.deepEqual(Object.keys(TABLE).filter((key) => !keys.has(key)), [], 'listed but gone from server/src');
  });

  test(`each one, on ${N.toLocaleString('en')}-character adversarial inputs, finishes within ${BOUND_MS} ms per input`, (t) => {
    let runs = 0;
    let slowest = { ms: 0, what: '' };
    for (const [key, entry] of Object.entries(TABLE)) {
      const regex = compile(key, entry);
      for (const input of [...genericAttacks(key), ...(entry.attacks ?? [])]) {
        const ms = timed(`${key} on ${printable(input)}`, BOUND_MS, () => input.replace(regex, ''));
        if (ms > slowest.ms) slowest = { ms, what: `${key} on ${printable(input)}` };
        runs++;
      }
    }
    t.diagnostic(`${Object.keys(TABLE).length} expressions, ${runs} runs; slowest ${Math.round(slowest.ms)} ms: ${slowest.what}`);
  });
});

describe('the code that reads workspace text, on adversarial input', () => {
  const cases: [string, () => unknown][] = [
    ['parseDirectives: unclosed /* callstats-lint-disable, repeated', () => parseDirectives(times('/* callstats-lint-disable ') + '\n')],
    ['parseDirectives: // directives, repeated', () => parseDirectives(times('// callstats-lint-disable-next-line a,'))],
    ['scriptTags: <script without >, repeated', () => scriptTags(times('<script '))],
    ['scriptTags: <script> without a closing tag, repeated', () => scriptTags(times('<script>'))],
    ['scriptTags: attributes with unclosed quotes', () => scriptTags(`<script ${times('a="')}></script>`)],
    ['embeddedProgram: many short scripts', () => embeddedProgram(times('<script>a</script >'))],
    ['scriptTags: comments and text elements, closed and not', () => scriptTags(times('<!-- <textarea><script>'))],
    ['scriptTags: a textarea full of closing tags of other elements', () => scriptTags(`<textarea>${times('</title></style><script>')}`)],
    ['reexports: export { without }, repeated', () => reexports(times('export {'))],
    ['reexports: export * and white space', () => reexports('export *' + spaces + 'x')],
    ['relativeImports: import and white space', () => relativeImports('import' + spaces + 'x')],
    ['relativeImports: unclosed specifiers', () => relativeImports(times("import './a\n"))],
    ['mentionsSdk: near misses of every SDK word', () => mentionsSdk(STRONG_WORDS.map((w) => times(w.slice(0, -1), N / STRONG_WORDS.length)).join(''))],
    ['scriptUrlVersion: versioned names and a line break at the end', () => scriptUrlVersion(times('callstats-1.2.3.js?') + '\nx')],
    ['minimumVersion: long ranges', () => minimumVersion(times('1.x.'))],
    ['personalName: a long run of capitals', () => personalName(times('A'))],
    ['personalName: alternating case', () => personalName(times('aB_'))],
    ['findEmail: many @ with long local parts', () => findEmail(times('a@b.'))],
    ['findEmail: a long local part, then a long run of labels without a domain', () => findEmail(times('a') + '@' + times('b.'))],
    ['findEmail: only @', () => findEmail(times('@'))],
    ['isPhoneNumber: long digit runs', () => isPhoneNumber('+' + times('1 '))],
    ['unicodeProblems: lone surrogates and invisible characters', () => unicodeProblems(times('\uD800\u200B e\u0301'))],
    ['cleaned: the same', () => cleaned(times('\u200B e\u0301 '))],
    ['unicodeProblems and cleaned: long runs of spaces, combining marks and lone surrogates', () => {
      const text = ' '.repeat(N / 2) + 'x' + '\u0301'.repeat(N / 2) + '\uD800'.repeat(N / 2) + ' '.repeat(N / 2) + 'y';
      return [unicodeProblems(text), cleaned(text)];
    }],
  ];
  for (const [name, run] of cases) {
    test(name, () => {
      timed(name, BOUND_MS, run);
    });
  }

  test('readConfigFile: broken JSON with long white space', () => {
    const dir = writeTree({ 'a/.callstatslintrc.json': `{${spaces}x`, 'b/.callstatslintrc.json': `{"rules": {${times('"id-empty": "warn",')} x` });
    for (const name of ['a', 'b']) {
      timed(`config ${name}`, BOUND_MS, () => assert.throws(() => readConfigFile(path.join(dir, name, '.callstatslintrc.json'), RULE_IDS), ConfigError));
    }
  });

  test('the CLI makes a configuration error with long white space one line', async () => {
    const dir = writeTree({ '.callstatslintrc.json': JSON.stringify({ [`${spaces}x`]: 1, topology: `a${' \n'.repeat(N / 2)}b` }), 'a.js': 'export {};\n' });
    // Only standard error is captured: the test runner reports on standard output.
    const write = process.stderr.write;
    let stderr = '';
    process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
    let code: number;
    const started = performance.now();
    try {
      code = await main(['-c', path.join(dir, '.callstatslintrc.json'), path.join(dir, 'a.js')]);
    } finally {
      process.stderr.write = write;
    }
    const elapsed = performance.now() - started;
    assert.equal(code, 2);
    assert.equal(stderr.split('\n').length, 2, 'one line');
    assert.ok(elapsed < BOUND_MS, `${Math.round(elapsed)} ms`);
  });

  test(`linting adversarial files end to end, each within ${LINT_BOUND_MS} ms`, (t) => {
    const files: Record<string, string> = {
      'directives.js': `const cs = new callstats();\n${times('/* callstats-lint-disable ')}\n`,
      'scripts.html': `<script>const cs = new callstats();</script>\n${times('<script ')}`,
      'unclosed.vue': `<script>const cs = new callstats();</script>\n${times('<script>')}`,
      'exports.js': times('export {'),
      'imports.js': `import${spaces}x\ncallstats;\n`,
      'capitals.js': `const cs = new callstats();\nconst ${times('A')} = 'x';\ncs.initialize('app', 'secret', ${times('A')});\n`,
      'values.js': `const cs = new callstats();\ncs.initialize('app', 'secret', '${times('a@b.\\u200B+1 ')}');\n`,
      'src.html': `<script src="${times('callstats-1.2.3.js?')}&#10;x"></script><script>const cs = new callstats(); cs.on('${times('E')}', () => {});</script>`,
    };
    const dir = writeTree({ ...files, '.callstatslintrc.json': '{}' });
    new Linter({ rules: RULES }).lint({ files: [path.join(dir, 'imports.js')], configFor: () => defaultConfig() }); // loads the compiler once
    for (const name of Object.keys(files).filter((f) => isLintableFile(f))) {
      let reports: FileReport[] = [];
      const ms = timed(`lint ${name}`, LINT_BOUND_MS, () => {
        reports = new Linter({ rules: RULES }).lint({ files: [path.join(dir, name)], configFor: () => defaultConfig(), reportUnusedDisableDirectives: 'warn' });
      });
      t.diagnostic(`${name}: ${Math.round(ms)} ms, ${reports[0].findings.length} findings${reports[0].problems.length ? `, ${reports[0].problems.join('; ')}` : ''}`);
    }
  });
});

// ---- the rewrites match what they replace ------------------------------------------------------

/** Strings made of the pieces a pattern cares about, so that random ones often come close to matching. */
const made = (pieces: string[], maxLength = 30) => fc.array(fc.constantFrom(...pieces), { maxLength }).map((parts) => parts.join(''));

describe('linear rewrites give what the old patterns gave', () => {
  const options = { numRuns: EQUIVALENCE_RUNS };

  test('directives: one regular expression for the whole directive', () => {
    const OLD = /\/\/[ \t]*callstats-lint-disable-(next-)?line\b([^\r\n]*)|\/\*[ \t]*callstats-lint-disable(-(?:next-)?line)?\b((?:[^*]|\*(?!\/))*)\*\//g;
    const kind = (suffix: string | undefined) => (suffix === undefined ? 'file' : suffix.includes('next') ? 'next-line' : 'line');
    const old = (text: string) =>
      text.includes('callstats-lint-disable')
        ? [...text.matchAll(OLD)].map((m) => ({
            start: m.index!,
            end: m.index! + m[0].length,
            kind: m[2] !== undefined ? (m[1] ? 'next-line' : 'line') : kind(m[3]),
          }))
        : [];
    fc.assert(
      fc.property(made(['//', '/*', '*/', '*', '/', ' ', '\t', '\n', '\r\n', 'callstats-lint-disable', 'callstats-lint-disable-next-line', 'callstats-lint-disable-line', '-next-line', '-line', 'x', 'id-empty', ',', '--']), (text) => {
        assert.deepEqual(
          parseDirectives(text).map((d) => ({ start: d.start, end: d.end, kind: d.kind })),
          old(text),
        );
      }),
      options,
    );
  });

  test('script tags: scriptTags as it was, with the old single regular expression', () => {
    // The old scriptTags, but for its name: only how elements are found changed, so the tags are
    // built from each element as scriptTags builds them (scriptTagOf).
    const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
    function oldScriptTags(text: string): ReturnType<typeof scriptTags> {
      const tags: ReturnType<typeof scriptTags> = [];
      for (const match of text.matchAll(SCRIPT_TAG)) {
        const start = match.index! + match[0].indexOf('>') + 1;
        const tag = scriptTagOf(match[1], match.index! + '<script'.length, { start, end: start + match[2].length });
        if (tag) tags.push(tag);
      }
      return tags;
    }
    fc.assert(
      fc.property(
        made(['<script', '<SCRIPT', '<scripts', '>', '</script', '</script>', '</SCRIPT >', ' ', '\n', 'x', 'type="module"', 'type=text/x', "src='a.js'", 'lang="ts"', '=', '"']),
        (text) => {
          assert.deepEqual(scriptTags(text), oldScriptTags(text), JSON.stringify(text));
        },
      ),
      options,
    );
  });

  test('re-exports: the old single regular expression', () => {
    const OLD = /\bexport\s*(?:\*|\{[^}]*\})\s*from\b/;
    fc.assert(
      fc.property(made(['export', 'export ', ' ', '\n', '*', '{', '}', 'from', 'from ', 'a', ',', 'xexport']), (text) => {
        assert.equal(reexports(text), OLD.test(text), JSON.stringify(text));
      }),
      options,
    );
  });

  test('relative imports: the old pattern with `import\\s*\\(?\\s*`', () => {
    const OLD = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"\n]*)['"]/g;
    fc.assert(
      fc.property(made(['import', 'from', 'require', '(', ' ', '\n', "'", '"', './', '../', 'a', 'x.js']), (text) => {
        assert.deepEqual(relativeImports(text), [...text.matchAll(OLD)].map((m) => m[1]), JSON.stringify(text));
      }),
      options,
    );
  });

  test('script URL versions: the old pattern on the whole value', () => {
    const OLD = /callstats(?:-ws)?-(\d+\.\d+\.\d+)(?:\.min)?\.js(?:[?#].*)?$/i;
    fc.assert(
      fc.property(made(['callstats', 'CallStats', '-ws', '-', '1', '23', '.', 'min', 'js', '.js', '?', '#', 'v=2', '\n', '\r', '\u2028', '/', 'x']), (text) => {
        assert.equal(scriptUrlVersion(text), OLD.exec(text)?.[1], JSON.stringify(text));
      }),
      options,
    );
  });

  test('name words: the lookahead splits capitals as `([A-Z]+)([A-Z][a-z])` did', () => {
    fc.assert(
      fc.property(made(['A', 'B', 'a', 'b', '1', '_', '$', '-', ' ', 'URL', 'Name', 'ID']), (name) => {
        assert.equal(name.replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 '), name.replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2'));
      }),
      options,
    );
  });

  test('one-line messages: `\\s+` with a check for a line break, as `\\s*\\n\\s*` did', () => {
    fc.assert(
      fc.property(made([' ', '\t', '\n', '\r\n', '\u00A0', 'a', 'b', '.']), (message) => {
        assert.equal(message.replace(/\s+/g, (space) => (space.includes('\n') ? ' ' : space)), message.replace(/\s*\n\s*/g, ' '));
      }),
      options,
    );
  });

  test('configuration as JSONC: what JSON.parse reads is read alike; a broken text names a line and column inside it', () => {
    const dir = writeTree({});
    const file = path.join(dir, '.callstatslintrc.json');
    fc.assert(
      fc.property(made(['{', '}', '"a"', '"rules"', ':', '1', ',', ' ', '\n', '[', ']', 'true', 'x', '//', '/*', '*/']), (text) => {
        fs.writeFileSync(file, text);
        let json: { value: unknown } | undefined;
        try {
          json = { value: JSON.parse(text) };
        } catch {
          json = undefined;
        }
        let read: unknown;
        let message: string | undefined;
        try {
          read = readConfigFile(file, RULE_IDS);
        } catch (error) {
          assert.ok(error instanceof ConfigError, String(error));
          message = error.message;
        }
        const syntax = message?.startsWith(`${file}: invalid JSON: `) ? message : undefined;
        if (json) {
          assert.equal(syntax, undefined, JSON.stringify(text));
          if (message === undefined) assert.deepEqual(read, json.value);
        } else if (syntax) {
          const where = / at line (\d+), column (\d+)$/.exec(syntax);
          assert.ok(where, syntax);
          const lines = text.split('\n');
          assert.ok(Number(where[1]) <= lines.length && Number(where[2]) <= lines[Number(where[1]) - 1].length + 1, `${syntax} in ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: EQUIVALENCE_RUNS / 4 },
    );
  });
});
