import type { z } from 'zod';

/** `teams[0].alarmChannel`: indexes in brackets, as the check's warnings and the docs write keys. */
function keyPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

/** "escalation.daysOverdue: thresholds must rise" — the path names the key or variable. */
export function describeIssue(issue: z.core.$ZodIssue, prefix = ''): string {
  if (issue.code === 'unrecognized_keys') {
    const at = issue.path.length ? `${keyPath(issue.path)}.` : '';
    return `${prefix}${issue.keys.map((k) => at + k).join(', ')}: unknown key`;
  }
  return `${prefix}${keyPath(issue.path) || '(root)'}: ${issue.message}`;
}
