import { parseEnv, type Env } from '../config/env.js';
import { createLogger, type Logger } from '../config/logger.js';
import { loadPolicy } from '../config/policy-file.js';
import type { Database } from '../db/database.js';
import { openDatabase, type OpenOptions } from '../db/open.js';
import type { Policy } from '../domain/policy.js';

export interface CliContext {
  env: Env;
  policy: Policy;
  logger: Logger;
  /** Standard output; commands print their results here. */
  out: (line: string) => void;
}

export async function loadContext(out: (line: string) => void): Promise<CliContext> {
  const env = parseEnv();
  const policy = await loadPolicy(env.POLICY_FILE);
  return { env, policy, logger: createLogger(env.LOG_LEVEL), out };
}

/**
 * Opens the configured database for the length of `work`, and closes it afterwards;
 * `serving` for work that answers Slack or the page meanwhile (see `OpenOptions`).
 */
export async function withDatabase<T>(ctx: CliContext, work: (database: Database) => Promise<T>, mode: 'once' | 'serving' = 'once'): Promise<T> {
  const database = await openDatabase(ctx.env, mode === 'serving' ? servingOptions(ctx.logger) : {});
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** How a serving process opens its database: a crash of the embedded thread is logged, then it starts again. */
export function servingOptions(logger: Pick<Logger, 'error'>): OpenOptions {
  return { serving: { onStopped: (error) => logger.error({ err: error }, 'the embedded database stopped; starting it again') } };
}
