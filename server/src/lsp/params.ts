// Checks the request params the handlers read, so a malformed request is answered with InvalidParams, not an internal error.
import { ErrorCodes, ResponseError, type Position, type Range } from 'vscode-languageserver';

const isUinteger = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isPosition(p: unknown): p is Position {
  return isObject(p) && isUinteger(p.line) && isUinteger(p.character);
}

function isRange(r: unknown): r is Range {
  return isObject(r) && isPosition(r.start) && isPosition(r.end);
}

type Part = 'position' | 'range' | 'context';

const PROBLEMS: Record<Part, [check: (params: Record<string, unknown>) => boolean, problem: string]> = {
  position: [(p) => isPosition(p.position), 'position must have a non-negative integer line and character'],
  range: [(p) => isRange(p.range), 'range must have a start and an end with non-negative integer line and character'],
  context: [(p) => isObject(p.context), 'context must be an object'],
};

/**
 * Throws InvalidParams naming what is wrong. Positions past the end of a line or of the document
 * are valid (LSP clamps them to the end); negative or fractional ones are not.
 */
export function checkParams(method: string, params: unknown, parts: Part[] = []): void {
  let problem: string | undefined;
  if (!isObject(params)) problem = 'params must be an object';
  else if (!isObject(params.textDocument) || typeof params.textDocument.uri !== 'string') problem = 'textDocument.uri must be a string';
  else problem = parts.map((part) => PROBLEMS[part]).find(([check]) => !check(params))?.[1];
  if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}`);
}
