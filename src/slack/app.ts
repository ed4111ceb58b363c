import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Env } from '../config/env.js';
import { requireSlackEnv } from '../config/env.js';
import type { Database } from '../db/database.js';
import type { Policy } from '../domain/policy.js';
import { jobRenderer } from './job-renderer.js';
import { createDeliverer, type Deliverer } from '../jobs/outbox-deliverer.js';
import { databaseAnswers } from '../services/health.js';
import { registerActions } from './actions/index.js';
import { boltLogger } from './bolt-logger.js';
import { deliveryClient, slackApiOptions } from './delivery-client.js';
import { registerCommands } from './commands/index.js';
import type { SlackDeps } from './context.js';
import { registerEvents } from './events/index.js';
import { notifyFailure } from './notify-failure.js';
import { SlackReceiver } from './receiver.js';
import { cachedSlackState, checkBotToken, type SlackState } from './token-check.js';
import { registerViews } from './views/index.js';

// Bolt's index does not export this type; the last `error` overload takes it.
type ExtendedErrorHandlerArgs = Parameters<Parameters<App['error']>[0]>[0];

export interface CreateAppOptions {
  env: Env;
  policy: Policy;
  database: Database;
  logger: Logger;
  clock?: () => Date;
  /** Milliseconds between two messages to one channel; Slack's own pace unless a local Slack says otherwise. */
  deliveryPaceMs?: number;
  /** The bot's ids from the token check made before start; without them Bolt calls auth.test itself. */
  bot?: { botId: string; botUserId: string };
}

/** A port on one interface only (the local Slack's bot listens on 127.0.0.1). */
export interface ListenAt {
  port: number;
  host: string;
}

export interface CobranzaApp {
  app: App;
  deliverer: Deliverer;
  /** Starts serving (HTTP on `PORT`, or Socket Mode) and delivering the outbox; resolves to the HTTP port. */
  start(listen?: number | ListenAt): Promise<number>;
  stop(): Promise<void>;
}

/**
 * `GET /healthz`: `{"database":"ok"|"unreachable","slack":"ok"|"unreachable"|"rejected"}`,
 * 200 while the database answers and 503 when it does not (Slack's state alone does not
 * make the instance unfit to serve: messages wait in the outbox).
 */
function healthCheck(database: Database, slackState: () => Promise<SlackState>) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    void Promise.all([databaseAnswers(database.db), slackState()]).then(([databaseOk, slack]) =>
      res
        .writeHead(databaseOk ? 200 : 503, { 'content-type': 'application/json' })
        .end(JSON.stringify({ database: databaseOk ? 'ok' : 'unreachable', slack })),
    );
  };
}

/** How long /healthz reuses Slack's answer, and how long it waits for one. */
const SLACK_STATE_TTL_MS = 30_000;
const SLACK_STATE_TIMEOUT_MS = 2000;

/** Builds the Slack app: HTTP mode by default, Socket Mode when `SLACK_APP_TOKEN` is set. */
export function createApp(options: CreateAppOptions): CobranzaApp {
  const { env, policy, database, logger } = options;
  const { botToken, signingSecret } = requireSlackEnv(env);
  const clientOptions = slackApiOptions(env);
  const boltLog = boltLogger(logger);
  const socketMode = Boolean(env.SLACK_APP_TOKEN);
  const clock = options.clock ?? (() => new Date());
  const slackState = cachedSlackState(() => checkBotToken(env, botToken, SLACK_STATE_TIMEOUT_MS), clock, SLACK_STATE_TTL_MS);

  const receiver = socketMode
    ? undefined
    : new SlackReceiver({
        signingSecret,
        endpoints: '/slack/events',
        customRoutes: [{ path: '/healthz', method: ['GET'], handler: healthCheck(database, slackState) }],
        logger: boltLog,
      });
  let healthServer: Server | undefined;
  const app = new App({
    token: botToken,
    logger: boltLog,
    logLevel: LogLevel.INFO,
    clientOptions,
    extendedErrorHandler: true,
    ...options.bot,
    ...(socketMode
      ? { socketMode: true, appToken: env.SLACK_APP_TOKEN }
      : { receiver }),
  });

  const deliverer = createDeliverer({
    db: database.db,
    databaseKind: database.kind,
    client: deliveryClient(env, botToken),
    logger,
    renderAlarm: jobRenderer(policy).alarm,
    ...(options.deliveryPaceMs === undefined ? {} : { paceMs: options.deliveryPaceMs }),
  });
  const deps: SlackDeps = { database, policy, logger, clock, deliverer };

  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps);
  app.error(async ({ error, body, context }: ExtendedErrorHandlerArgs) => {
    logger.error({ err: error, team: context.teamId, type: (body as { type?: string }).type }, 'slack listener failed');
    await notifyFailure(app.client, body, policy.locale).catch((notifyError: unknown) =>
      logger.warn({ err: notifyError }, 'could not tell the user about the failure'),
    );
  });

  return {
    app,
    deliverer,
    async start(listen = env.PORT) {
      const port = typeof listen === 'number' ? listen : listen.port;
      let server: Server;
      if (socketMode) {
        // Socket Mode needs no public URL; /healthz is still served on PORT for probes.
        await app.start();
        const check = healthCheck(database, slackState);
        server = healthServer = createServer((req, res) => {
          if (req.method === 'GET' && req.url === '/healthz') check(req, res);
          else res.writeHead(404).end();
        });
        await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, resolve));
      } else {
        server = await app.start(listen);
      }
      deliverer.start();
      return (server.address() as AddressInfo).port;
    },
    async stop() {
      await deliverer.stop();
      await app.stop();
      if (healthServer) await new Promise<void>((resolve) => healthServer!.close(() => resolve()));
    },
  };
}
