import type { Logger } from 'pino';

/**
 * Resolves once SIGTERM or SIGINT arrived and `stop` finished: a service stops what it
 * started, in its own order, and nothing is cut mid-write.
 */
export async function untilStopped(logger: Logger, stop: () => Promise<void>): Promise<void> {
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'stopping');
      stop()
        .catch((error: unknown) => logger.error({ err: error }, 'error while stopping'))
        .finally(resolve);
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
  logger.info('stopped');
  // Everything is closed; a Slack client retry timer (auth.test) must not keep the process up.
  setTimeout(() => process.exit(), 1000).unref();
}
