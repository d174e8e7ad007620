// A parser for ESLint that gives it the file's comments and nothing else: the callstats rules read the text, not ESLint's tree.
import { ts } from 'ts-morph';
import { lineIndex } from '../engine/positions.js';
import { scriptKind } from '../engine/workspace.js';

interface Position {
  line: number;
  column: number;
}

interface Comment {
  type: 'Line' | 'Block';
  value: string;
  range: [number, number];
  loc: { start: Position; end: Position };
}

/** ESLint's line breaks (its SourceCode splits lines at these, so positions must too). */
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

function lineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(LINE_BREAK)) starts.push(match.index + match[0].length);
  return starts;
}

function positionOf(starts: number[], offset: number): Position {
  const line = lineIndex(starts, offset);
  return { line: line + 1, column: offset - starts[line] };
}

/**
 * Every comment of the text, found in the trivia before each token of the compiler's tree (its
 * scanner knows a regular expression from a division and a template from a string, which a scan of
 * the text alone does not). JSX text is a token of its own: a `//` in it is text.
 */
function commentsOf(text: string, file: string | undefined): Comment[] {
  const sourceFile = ts.createSourceFile(file ?? 'file.tsx', text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, scriptKind(file ?? 'file.tsx'));
  const found = new Map<number, ts.CommentRange>();
  const add = (ranges: ts.CommentRange[] | undefined) => ranges?.forEach((range) => found.set(range.pos, range));
  const visit = (node: ts.Node): void => {
    if (node.kind >= ts.SyntaxKind.FirstNode) {
      node.getChildren(sourceFile).forEach(visit);
    } else if (node.kind !== ts.SyntaxKind.JsxText) {
      // A token: the trivia before it, comments on the line of the token before (trailing) and after (leading).
      add(ts.getLeadingCommentRanges(text, node.pos));
      add(ts.getTrailingCommentRanges(text, node.pos));
    }
  };
  visit(sourceFile);
  const starts = lineStarts(text);
  return [...found.values()]
    .sort((a, b) => a.pos - b.pos)
    .map((range) => {
      const line = range.kind === ts.SyntaxKind.SingleLineCommentTrivia;
      return {
        type: line ? 'Line' : 'Block',
        value: text.slice(range.pos + 2, line ? range.end : range.end - 2),
        range: [range.pos, range.end],
        loc: { start: positionOf(starts, range.pos), end: positionOf(starts, range.end) },
      };
    });
}

/**
 * ESLint's parser interface: a Program with no statements, the comments (so ESLint's own
 * `eslint-disable` comments work) and no tokens. Any JavaScript or TypeScript file parses; rules
 * that need ESLint's tree find nothing in it, so use this parser only where the callstats rules are
 * the only ones that run.
 */
export function parseForESLint(code: string, options: { filePath?: string; sourceType?: string } = {}) {
  const comments = commentsOf(code, options.filePath);
  const starts = lineStarts(code);
  const ast = {
    type: 'Program',
    body: [],
    sourceType: options.sourceType === 'script' || options.sourceType === 'commonjs' ? 'script' : 'module',
    range: [0, code.length],
    loc: { start: { line: 1, column: 0 }, end: positionOf(starts, code.length) },
    tokens: [],
    comments,
  };
  return { ast };
}

export function parse(code: string, options?: { filePath?: string; sourceType?: string }) {
  return parseForESLint(code, options).ast;
}
