import { parseEnv, type Env } from '../config/env.js';
import { createLogger, type Logger } from '../config/logger.js';
import { loadPolicy } from '../config/policy-file.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open.js';
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

/** Opens the configured database for the length of `work`, and closes it afterwards. */
export async function withDatabase<T>(ctx: CliContext, work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(ctx.env);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
