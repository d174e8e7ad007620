// GitLab's code quality report (a JSON array of issues), shown in merge request widgets.
import { createHash } from 'node:crypto';
import { levelOf, repositoryPath, type FormatContext, type LintMessage, type LintResult } from './shared.js';

type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical';

function severityOf(message: LintMessage): GitlabSeverity {
  if (message.fatal) return 'critical';
  return ({ error: 'major', warn: 'minor', info: 'info' } as const)[levelOf(message)];
}

export function codequality(results: readonly LintResult[], ctx: FormatContext): string {
  const issues = [];
  /** How often each file, rule and message was seen: the fingerprint stays the same when lines move, and differs between repeats. */
  const seen = new Map<string, number>();
  for (const result of results) {
    const file = repositoryPath(result.filePath, ctx.cwd);
    for (const message of result.messages) {
      const key = `${file}\0${message.ruleId ?? ''}\0${message.message}`;
      const repeat = seen.get(key) ?? 0;
      seen.set(key, repeat + 1);
      issues.push({
        type: 'issue',
        check_name: message.ruleId ?? 'callstats-lint',
        description: message.message,
        categories: ['Bug Risk'],
        severity: severityOf(message),
        fingerprint: createHash('md5').update(`${key}\0${repeat}`).digest('hex'),
        location: { path: file, lines: { begin: message.line ?? 1, end: message.endLine ?? message.line ?? 1 } },
      });
    }
  }
  return JSON.stringify(issues, null, 2);
}
