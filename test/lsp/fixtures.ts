// The fixture files the LSP tests share, and the diagnostics the engine reports for them.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT } from './client.js';

export const X300 = 'x'.repeat(300);

/** A userID built at run time: too long, no fix the engine can offer for an expression. */
export const REPEAT_JS = "const cs = new callstats();\ncs.initialize('app', 'secret', 'x'.repeat(300));\n";

/** The same as a plain literal: the engine offers the SHA-1 fix and truncation, both suggestions. */
export const LITERAL_JS = `const cs = new callstats();\ncs.initialize('app', 'secret', '${X300}');\n`;

export const CLEAN_JS = "const cs = new callstats();\ncs.initialize('app', 'secret', 'alice');\n";

export const sha1Hex = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex');

export const docsHref = (rule: string): string => pathToFileURL(path.join(ROOT, 'docs', 'rules', `${rule}.md`)).href;

/** id-max-bytes' help line, which the diagnostic carries below the message. */
export const ID_MAX_BYTES_HELP = 'Use a shorter opaque ID, such as a SHA-1 hex digest of the value (40 bytes).';

/**
 * id-max-bytes on line `line` (0-based) of `uri`. The related location is the initialize() call
 * receiving the value: the fixtures write it from the line's first column, with the userID last.
 */
export function idMaxBytes(uri: string, line: number, startCharacter: number, endCharacter: number, bytes = 300, limit = 256): Diagnostic {
  return {
    range: { start: { line, character: startCharacter }, end: { line, character: endCharacter } },
    severity: 1,
    source: 'callstats-lint',
    code: 'id-max-bytes',
    codeDescription: { href: docsHref('id-max-bytes') },
    message: `userID is ${bytes} bytes in UTF-8 (${bytes} characters); the limit is ${limit}\n${ID_MAX_BYTES_HELP}`,
    relatedInformation: [
      {
        location: { uri, range: { start: { line, character: 0 }, end: { line, character: endCharacter + 1 } } },
        message: 'used as the userID of initialize() here',
      },
    ],
  };
}

/** REPEAT_JS's finding: line 2, columns 32 to 47 (1-based). */
export const repeatDiagnostic = (uri: string): Diagnostic => idMaxBytes(uri, 1, 31, 46);

/** LITERAL_JS's finding: the whole quoted literal. */
export const literalDiagnostic = (uri: string): Diagnostic => idMaxBytes(uri, 1, 31, 31 + 302);
