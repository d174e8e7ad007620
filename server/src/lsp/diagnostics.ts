// Engine findings and failures as LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { RuleMeta } from '../engine/rule.js';
import type { Finding, Severity, SourceRange } from '../engine/types.js';
import { localDocsUrl } from '../docs.js';
import type { ConfigError } from '../engine/config.js';
import { fileToUri } from './paths.js';

export const SOURCE = 'callstats-lint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warn: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Engine lines and columns are 1-based UTF-16, LSP's default position encoding is 0-based UTF-16. */
function toRange(range: SourceRange): Range {
  return {
    start: { line: range.line - 1, character: range.column - 1 },
    end: { line: range.endLine - 1, character: range.endColumn - 1 },
  };
}

const FIRST_LINE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The message, and on the next line what to do: editors show both, and the first line where space is short. */
export function findingDiagnostic(finding: Finding, metaOf: (ruleId: string) => RuleMeta | undefined, toUri: (file: string) => string = fileToUri): Diagnostic {
  const meta = metaOf(finding.ruleId);
  const href = meta && localDocsUrl(meta);
  return {
    range: toRange(finding.range),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    message: finding.help ? `${finding.message}\n${finding.help}` : finding.message,
    ...(finding.related.length
      ? {
          relatedInformation: finding.related.map((r) => ({
            location: { uri: toUri(r.file), range: toRange(r.range) },
            message: r.message,
          })),
        }
      : {}),
  };
}

/** A file the engine could not read or analyse (a FileReport problem). */
export function problemDiagnostic(problem: string): Diagnostic {
  return { range: FIRST_LINE, severity: DiagnosticSeverity.Error, source: SOURCE, message: problem };
}

export function configErrorDiagnostic(error: ConfigError): Diagnostic {
  return {
    range: FIRST_LINE,
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: `callstats-lint configuration error, this file was not checked: ${error.message}`,
  };
}

/** The engine threw on this file: say so where the user looks, instead of failing silently. */
export function failureDiagnostic(error: unknown): Diagnostic {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    range: FIRST_LINE,
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: `callstats-lint failed on this file: ${reason}`,
  };
}
