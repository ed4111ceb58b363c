import type { CliContext } from './cli/context.js';
import { openDatabase } from './db/open.js';
import { runJob } from './jobs/run-job.js';
import { startScheduler } from './jobs/scheduler.js';
import { syncTeams } from './services/teams.js';
import { createApp } from './slack/app.js';
import { jobRenderer } from './slack/job-renderer.js';

/**
 * Runs the product: the Slack app (HTTP or Socket Mode), the outbox deliverer and the
 * scheduler, on the configured database. SIGTERM and SIGINT stop the scheduler, then the
 * app, then close the database, so nothing is cut mid-write.
 */
export async function runService(ctx: CliContext): Promise<void> {
  const { env, policy, logger } = ctx;
  const database = await openDatabase(env);
  const service = createApp({ env, policy, database, logger });
  let port: number;
  try {
    await syncTeams(database.db, policy);
    port = await service.start();
  } catch (error) {
    await database.close();
    throw error;
  }
  const render = jobRenderer(policy);
  const scheduler = startScheduler({
    db: database.db,
    policy,
    logger,
    clock: () => new Date(),
    run: async (job, date) => {
      const outcome = await runJob({ db: database.db, policy, render, now: new Date() }, job, date);
      logger.info({ job, date, status: outcome.status }, outcome.line);
      service.deliverer.kick();
    },
  });
  void scheduler.catchUp().catch((error: unknown) => logger.error({ err: error }, 'catch-up failed'));
  const mode = env.SLACK_APP_TOKEN ? 'socket' : 'http';
  logger.info({ port, mode, database: database.kind }, 'cobranza started');
  ctx.out(`Cobranza is running (${mode === 'http' ? `HTTP on port ${port}, POST /slack/events` : 'Socket Mode'}, ${database.kind}).`);

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'stopping');
      scheduler
        .stop()
        .then(() => service.stop())
        .catch((error: unknown) => logger.error({ err: error }, 'error while stopping the app'))
        .then(() => database.close())
        .catch((error: unknown) => logger.error({ err: error }, 'error while closing the database'))
        .finally(resolve);
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
  logger.info('stopped');
  // Everything is closed; a Slack client retry timer (auth.test) must not keep the process up.
  setTimeout(() => process.exit(), 1000).unref();
}
