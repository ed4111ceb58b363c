import { readFile } from 'node:fs/promises';
import { defaultPolicy, policySchema, type Policy } from '../domain/policy.js';
import { UserError } from './errors.js';
import { describeIssue } from './zod-issues.js';

/** Reads `POLICY_FILE` (JSON); without one, the built-in defaults. */
export async function loadPolicy(file: string | undefined): Promise<Policy> {
  if (!file) return defaultPolicy;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`POLICY_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parsePolicy(text, file);
}

export function parsePolicy(text: string, file = 'policy'): Policy {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`POLICY_FILE: ${file} is not valid JSON (${(error as Error).message})`);
  }
  const result = policySchema.safeParse(json);
  if (!result.success) {
    throw new UserError(result.error.issues.map((i) => describeIssue(i, `POLICY_FILE ${file}: `)).join('; '));
  }
  return result.data;
}
