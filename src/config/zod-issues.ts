import type { z } from 'zod';

/** "escalation.daysOverdue: thresholds must rise" — the path names the key or variable. */
export function describeIssue(issue: z.core.$ZodIssue, prefix = ''): string {
  if (issue.code === 'unrecognized_keys') {
    const at = issue.path.length ? `${issue.path.join('.')}.` : '';
    return `${prefix}${issue.keys.map((k) => at + k).join(', ')}: unknown key`;
  }
  const path = issue.path.map(String).join('.');
  return `${prefix}${path || '(root)'}: ${issue.message}`;
}
