import { startAppChannel } from './app-channel.js';
import { missingAlarmChannelLines } from './cli/alarm-channel-text.js';
import { servingOptions, type CliContext } from './cli/context.js';
import { untilStopped } from './cli/until-stopped.js';
import { missingAlarmChannels } from './config/alarm-channels.js';
import { requireSlackEnv } from './config/env.js';
import { UserError } from './config/errors.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open.js';
import { refreshStatistics } from './db/statistics.js';
import { startEmailDelivery } from './email-delivery.js';
import { createImportFolder, type ImportFolder } from './jobs/import-folder.js';
import { runJob } from './jobs/run-job.js';
import { startScheduler } from './jobs/scheduler.js';
import { mailSettings } from './mail/transport.js';
import { syncTeams } from './services/teams.js';
import { createApp } from './slack/app.js';
import { importFailedMessage } from './slack/blocks/index.js';
import { t } from './slack/i18n/index.js';
import { jobRenderer } from './slack/job-renderer.js';
import { checkBotToken, tokenProblem } from './slack/token-check.js';

/** The bot's ids once Slack has accepted the token; a refused or unanswered check stops the start. */
async function verifiedBot(ctx: CliContext): Promise<{ botId: string; botUserId: string }> {
  const { botToken } = requireSlackEnv(ctx.env);
  const check = await checkBotToken(ctx.env, botToken);
  if (check.state !== 'ok') throw new UserError(tokenProblem(ctx.env, check));
  return { botId: check.botId, botUserId: check.botUserId };
}

/** A port that cannot be listened on is a problem of PORT. */
function portProblem(error: unknown, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE') return new UserError(`PORT: ${port} is already in use`);
  if (code === 'EACCES') return new UserError(`PORT: no permission to listen on ${port}`);
  return error;
}

/** Starts polling IMPORT_DIR when it is set; the ERP's nightly exports are imported as they land. */
function startImportFolder(ctx: CliContext, database: Database, kick: () => void): ImportFolder | undefined {
  const dir = ctx.env.IMPORT_DIR;
  if (!dir) return undefined;
  const { policy, logger } = ctx;
  const folder = createImportFolder({
    database,
    policy,
    logger,
    dir,
    renderFailure: (failure) => importFailedMessage(failure, policy.locale),
    onQueued: kick,
  });
  folder.start();
  logger.info({ dir }, 'watching the import folder');
  return folder;
}

/**
 * Runs the product: the Slack app (HTTP or Socket Mode), the outbox deliverer and the
 * scheduler (the IMPORT_DIR poller and the notice emails' deliverer when configured), on the configured database. Everything
 * is checked before it serves: the Slack settings and the token (auth.test) before the database is opened, and a failure
 * after that closes the database again, so the process exits with one line. SIGTERM and
 * SIGINT stop the scheduler, then the app, then close the database, so nothing is cut
 * mid-write.
 */
export async function runService(ctx: CliContext): Promise<void> {
  const { env, policy, logger } = ctx;
  const bot = await verifiedBot(ctx);
  // SMTP_URL without MAIL_FROM stops the start here, naming MAIL_FROM.
  const mail = mailSettings(env);
  const database = await openDatabase(env, servingOptions(logger));
  let service: ReturnType<typeof createApp> | undefined;
  let port: number;
  try {
    service = createApp({ env, policy, database, logger, bot });
    await syncTeams(database.db, policy);
    for (const warning of missingAlarmChannels(policy)) logger.warn(warning);
    for (const warning of missingAlarmChannelLines(policy)) ctx.out(t(policy.locale, 'cli.job.warning', { warning }));
    port = await service.start().catch((error: unknown) => {
      throw portProblem(error, env.PORT);
    });
  } catch (error) {
    // Whatever started (a Socket Mode connection) stops, or it would keep the process up.
    await service?.stop().catch(() => undefined);
    await database.close();
    throw error;
  }
  const render = jobRenderer(policy);
  // Notice emails go out only with SMTP_URL.
  const emailDelivery = mail ? startEmailDelivery({ database, policy, logger, mail, onAlarmQueued: () => service.deliverer.kick() }) : undefined;
  const scheduler = startScheduler({
    db: database.db,
    policy,
    logger,
    clock: () => new Date(),
    run: async (job, date) => {
      const analyzed = await refreshStatistics(database);
      if (analyzed.length > 0) logger.info({ tables: analyzed }, 'analyzed the tables that changed');
      const outcome = await runJob({ db: database.db, policy, render, now: new Date(), onEmailsQueued: () => emailDelivery?.kick() }, job, date);
      logger.info({ job, date, status: outcome.status }, outcome.line);
      service.deliverer.kick();
      emailDelivery?.kick();
    },
  });
  void scheduler.catchUp().catch((error: unknown) => logger.error({ err: error }, 'catch-up failed'));
  const importFolder = startImportFolder(ctx, database, () => service.deliverer.kick());
  // `cobranza import` and `cobranza backup` reach the embedded database through this app.
  const channel = await startAppChannel(ctx, database);
  const mode = env.SLACK_APP_TOKEN ? 'socket' : 'http';
  logger.info({ port, mode, database: database.kind }, 'cobranza started');
  const how = mode === 'http' ? t(policy.locale, 'cli.startedHttp', { port }) : 'Socket Mode';
  ctx.out(t(policy.locale, 'cli.started', { mode: how, database: database.kind }));

  await untilStopped(logger, async () => {
    await scheduler
      .stop()
      .then(() => channel?.stop())
      .then(() => importFolder?.stop())
      .then(() => emailDelivery?.stop())
      .then(() => service.stop())
      .catch((error: unknown) => logger.error({ err: error }, 'error while stopping the app'));
    await database.close();
  });
}
