// The bot against the local Slack, in one process: the page server on 127.0.0.1:PORT
// plays Slack (Web API, signed requests), the bot listens on another loopback port, and
// the clock control runs the scheduler's morning. No Slack token is involved.
import { randomBytes } from 'node:crypto';
import { startAppChannel } from '../app-channel.js';
import type { CliContext } from '../cli/context.js';
import { untilStopped } from '../cli/until-stopped.js';
import type { Database } from '../db/database.js';
import { calendarOf, isWorkingDay, nextWorkingDay, type IsoDate } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import { startEmailDelivery, type EmailDelivery } from '../email-delivery.js';
import { syncTeams } from '../services/teams.js';
import { listUsers } from '../services/users.js';
import { createApp, type CobranzaApp } from '../slack/app.js';
import { t } from '../slack/i18n/index.js';
import { shiftedClock, type ShiftedClock } from './clock.js';
import { createInteractions, type Interactions } from './interactions.js';
import { startMailSink } from './mail-sink.js';
import { members, morningRunner } from './morning.js';
import { pageAssets } from './page-assets.js';
import type { Conversation } from './protocol.js';
import { createLocalSlackServer } from './server.js';
import { LocalWorkspace } from './workspace.js';

/** The local Slack never rate-limits: messages to a channel follow each other quickly. */
const LOCAL_PACE_MS = 50;

/** Who the notices come from when MAIL_FROM is not set. */
const LOCAL_MAIL_FROM = 'Cobranza <cobranza@cobranza.local>';

/** The bot as the local Slack knows it. */
export const LOCAL_BOT = { name: 'Cobranza', userId: 'U0COBRANZA', botId: 'B0COBRANZA' };

/** Each team's alarm channel, named after the team. */
export function alarmChannels(policy: Policy): Conversation[] {
  return policy.teams.flatMap((team) => (team.alarmChannel ? [{ id: team.alarmChannel, name: `cobranza-${team.name.toLowerCase()}`, kind: 'channel' as const }] : []));
}

export interface LocalSlackOptions {
  /** Called with the database before anything serves (the demo loads its company here). */
  prepare?: (database: Database, firstDay: IsoDate) => Promise<void>;
  /** The day the clock starts on (tests pin it); default today, or the next working day. */
  firstDay?: IsoDate;
  /** The page's port instead of `PORT`; 0 takes a free one. */
  port?: number;
}

/** The first day the clock shows: today, or the next working day on a weekend or holiday. */
function firstWorkingDay(policy: Policy, today: IsoDate): IsoDate {
  const cal = calendarOf(policy);
  return isWorkingDay(cal, today) ? today : nextWorkingDay(cal, today);
}

export interface LocalSlack {
  /** The page's address: `http://127.0.0.1:<port>/`. */
  url: string;
  workspace: LocalWorkspace;
  service: CobranzaApp;
  /** Runs the scheduler's morning of a working day, as the clock control does. */
  morning: (date: IsoDate) => Promise<void>;
  stop(): Promise<void>;
}

/** The bot against the local Slack's Web API, on a loopback port, with no Slack tokens. */
async function startBot(ctx: Omit<CliContext, 'out'>, database: Database, clock: ShiftedClock, origin: string) {
  const signingSecret = randomBytes(16).toString('hex');
  const env = { ...ctx.env, SLACK_BOT_TOKEN: 'xoxb-local-slack', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: `${origin}/api/`, SLACK_APP_TOKEN: undefined };
  const bot = { botId: LOCAL_BOT.botId, botUserId: LOCAL_BOT.userId };
  const service = createApp({ env, policy: ctx.policy, database, logger: ctx.logger, clock: clock.now, bot, deliveryPaceMs: LOCAL_PACE_MS });
  const port = await service.start({ port: 0, host: '127.0.0.1' });
  return { service, signingSecret, url: `http://127.0.0.1:${port}/slack/events` };
}

/** Starts the local Slack on 127.0.0.1:`PORT` and the bot against it; the database stays the caller's. */
export async function startLocalSlack(ctx: Omit<CliContext, 'out'>, database: Database, options: LocalSlackOptions = {}): Promise<LocalSlack> {
  const { env, policy, logger } = ctx;
  const clock = shiftedClock(policy.timeZone);
  const firstDay = options.firstDay ?? firstWorkingDay(policy, clock.today());
  // The policy's teams exist before the demo's users are imported into them.
  await syncTeams(database.db, policy);
  await options.prepare?.(database, firstDay);
  const workspace = new LocalWorkspace({ locale: policy.locale, bot: LOCAL_BOT, members: members(await listUsers(database.db)), channels: alarmChannels(policy) });
  const started: Array<{ stop: () => Promise<void> }> = [];
  let interactions: Interactions | undefined;
  let bot: Awaited<ReturnType<typeof startBot>> | undefined;
  let email: EmailDelivery | undefined;
  const deliver = () => {
    bot?.service.deliverer.kick();
    email?.kick();
  };
  const runner = morningRunner({ database, policy, logger, clock, workspace, deliver });
  const page = createLocalSlackServer({
    workspace,
    interactions: () => interactions!,
    assets: await pageAssets(),
    morning: runner.morning,
    clock: () => ({ today: clock.today(), busy: runner.busy() }),
  });
  const origin = `http://127.0.0.1:${await page.listen(options.port ?? env.PORT)}`;
  workspace.origin = origin;
  started.push({ stop: () => page.close() });
  try {
    // The notices go out through the local mail server, to the page's mail panel.
    const sink = await startMailSink(workspace);
    started.push(sink);
    bot = await startBot(ctx, database, clock, origin);
    started.push(bot.service);
    const service = bot.service;
    email = startEmailDelivery({ database, policy, logger, mail: { url: sink.url, from: env.MAIL_FROM ?? LOCAL_MAIL_FROM }, onAlarmQueued: () => service.deliverer.kick() });
    started.push(email);
    // `cobranza import` and `cobranza backup` reach the embedded database through this app.
    const channel = await startAppChannel(ctx, database);
    if (channel) started.push(channel);
    interactions = createInteractions({ workspace, botUrl: () => bot!.url, signingSecret: bot.signingSecret, origin: () => origin });
    await runner.morning(firstDay);
  } catch (error) {
    await stopAll(started);
    throw error;
  }
  return { url: `${origin}/`, workspace, service: bot.service, morning: runner.morning, stop: () => stopAll(started) };
}

/** Stops what started, last first. */
async function stopAll(started: Array<{ stop: () => Promise<void> }>): Promise<void> {
  for (const part of [...started].reverse()) await part.stop().catch(() => undefined);
}

/** Serves the local Slack and the bot until SIGTERM or SIGINT. */
export async function runLocalSlack(ctx: CliContext, database: Database, options: LocalSlackOptions = {}): Promise<void> {
  const localSlack = await startLocalSlack(ctx, database, options);
  ctx.out(t(ctx.policy.locale, 'localSlack.serving', { url: localSlack.url }));
  await untilStopped(ctx.logger, () => localSlack.stop());
}
