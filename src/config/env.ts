import { z } from 'zod';
import { UserError } from './errors.js';
import { describeIssue } from './zod-issues.js';

/**
 * Whether postgres.js can read a database URL: it parses it with `new URL` after keeping
 * only the first of several comma-separated hosts.
 */
function readsAsUrl(value: string): boolean {
  const start = value.indexOf('://') + 3;
  const length = value.slice(start).search(/[/?#]|$/);
  const authority = value.slice(start, start + length);
  const hostsAt = authority.lastIndexOf('@') + 1;
  const firstHost = authority.slice(hostsAt).split(',')[0] ?? '';
  return URL.canParse(value.slice(0, start) + authority.slice(0, hostsAt) + firstHost + value.slice(start + length));
}

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());

const envSchema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', 'must start with xoxb-')),
  SLACK_SIGNING_SECRET: optional(z.string().min(1)),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'must start with xapp-')),
  // `new URL` alone takes "localhost:3000/api" as a URL with scheme "localhost:".
  SLACK_API_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' })),
  // Digits only: Number() would also turn "0x10" or "1e3" into a port.
  PORT: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .regex(/^\d+$/, 'must be a port number')
      .transform(Number)
      .pipe(z.number().int().min(1).max(65535))
      .default(3000),
  ),
  DATABASE_URL: optional(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      // The message leaves the value out: it may hold a password.
      .refine(readsAsUrl, 'is not a valid URL (postgres://user:password@host:5432/database)'),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  POLICY_FILE: optional(z.string()),
  /** The nightly drop folder the running app imports ERP exports from (unset: none). */
  IMPORT_DIR: optional(z.string()),
  /** Where notice emails go out: smtp://user:pass@host:587, smtps://… for TLS (unset: no email). */
  SMTP_URL: optional(
    z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      // The message leaves the value out: it may hold a password.
      .refine(readsAsUrl, 'is not a valid URL (smtp://user:password@host:587)'),
  ),
  /** The notices' sender: `Cobranza ACME <cobranza@acme.mx>`. */
  MAIL_FROM: optional(z.string().regex(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/, 'must be an address such as Cobranza ACME <cobranza@acme.mx>')),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment once; a bad value stops the program naming the variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new UserError(result.error.issues.map((i) => describeIssue(i)).join('; '));
  }
  return result.data;
}

/** The Slack settings `cobranza start` cannot do without. */
export function requireSlackEnv(env: Env): { botToken: string; signingSecret: string } {
  if (!env.SLACK_BOT_TOKEN) throw new UserError('SLACK_BOT_TOKEN: required to start the Slack app');
  if (!env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    throw new UserError('SLACK_SIGNING_SECRET: required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  return { botToken: env.SLACK_BOT_TOKEN, signingSecret: env.SLACK_SIGNING_SECRET ?? '' };
}
