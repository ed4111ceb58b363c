// The bot against the local Slack, in one process: the page server on 127.0.0.1:PORT
// plays Slack (Web API, signed requests), the bot listens on another loopback port, and
// the clock control runs the scheduler's morning. No Slack token is involved.
import { randomBytes } from 'node:crypto';
import type { CliContext } from '../cli/context.js';
import { untilStopped } from '../cli/until-stopped.js';
import type { Database } from '../db/database.js';
import type { User } from '../db/schema/index.js';
import { calendarOf, isIsoDate, isWorkingDay, nextWorkingDay, type IsoDate } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import { runJob } from '../jobs/run-job.js';
import { syncTeams } from '../services/teams.js';
import { listUsers } from '../services/users.js';
import { createApp, type CobranzaApp } from '../slack/app.js';
import { t } from '../slack/i18n/index.js';
import { jobRenderer } from '../slack/job-renderer.js';
import { shiftedClock } from './clock.js';
import { createInteractions, type Interactions } from './interactions.js';
import { pageAssets } from './page-assets.js';
import type { Conversation, LocalUser } from './protocol.js';
import { createLocalSlackServer } from './server.js';
import { LocalWorkspace } from './workspace.js';

/** The local Slack never rate-limits: messages to a channel follow each other quickly. */
const LOCAL_PACE_MS = 50;

/** The bot as the local Slack knows it. */
export const LOCAL_BOT = { name: 'Cobranza', userId: 'U0COBRANZA', botId: 'B0COBRANZA' };

const members = (users: readonly User[]): LocalUser[] => users.map((u) => ({ id: u.slackUserId, name: u.name, role: u.role }));

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

/** Starts the local Slack on 127.0.0.1:`PORT` and the bot against it; the database stays the caller's. */
export async function startLocalSlack(ctx: Omit<CliContext, 'out'>, database: Database, options: LocalSlackOptions = {}): Promise<LocalSlack> {
  const { env, policy, logger } = ctx;
  const clock = shiftedClock(policy.timeZone);
  const firstDay = options.firstDay ?? firstWorkingDay(policy, clock.today());
  await options.prepare?.(database, firstDay);
  await syncTeams(database.db, policy);
  const workspace = new LocalWorkspace({ locale: policy.locale, bot: LOCAL_BOT, members: members(await listUsers(database.db)), channels: alarmChannels(policy) });
  const signingSecret = randomBytes(16).toString('hex');
  let service: CobranzaApp | undefined;
  let interactions: Interactions | undefined;
  let busy = false;
  const render = jobRenderer(policy);

  async function morning(date: string): Promise<void> {
    if (!isIsoDate(date)) throw new Error(t(policy.locale, 'localSlack.badDate', { date }));
    busy = true;
    workspace.emit('change');
    try {
      clock.moveTo(date, policy.dailyListTime);
      workspace.setMembers(members(await listUsers(database.db)));
      for (const job of ['alarms', 'daily-list'] as const) {
        const outcome = await runJob({ db: database.db, policy, render, now: clock.now() }, job, date);
        logger.info({ job, date, status: outcome.status }, outcome.line);
      }
      service?.deliverer.kick();
    } finally {
      busy = false;
      workspace.emit('change');
    }
  }

  const page = createLocalSlackServer({
    workspace,
    interactions: () => interactions!,
    assets: await pageAssets(),
    morning,
    clock: () => ({ today: clock.today(), busy }),
  });
  const port = await page.listen(options.port ?? env.PORT);
  const origin = `http://127.0.0.1:${port}`;
  try {
    const botEnv = { ...env, SLACK_BOT_TOKEN: 'xoxb-local-slack', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: `${origin}/api/`, SLACK_APP_TOKEN: undefined };
    const bot = { botId: LOCAL_BOT.botId, botUserId: LOCAL_BOT.userId };
    service = createApp({ env: botEnv, policy, database, logger, clock: clock.now, bot, deliveryPaceMs: LOCAL_PACE_MS });
    workspace.origin = origin;
    const botPort = await service.start({ port: 0, host: '127.0.0.1' });
    interactions = createInteractions({ workspace, botUrl: () => `http://127.0.0.1:${botPort}/slack/events`, signingSecret, origin: () => origin });
    await morning(firstDay);
  } catch (error) {
    await service?.stop().catch(() => undefined);
    await page.close();
    throw error;
  }
  return {
    url: `${origin}/`,
    workspace,
    service,
    morning,
    async stop() {
      await service.stop();
      await page.close();
    },
  };
}

/** Serves the local Slack and the bot until SIGTERM or SIGINT. */
export async function runLocalSlack(ctx: CliContext, database: Database, options: LocalSlackOptions = {}): Promise<void> {
  const localSlack = await startLocalSlack(ctx, database, options);
  ctx.out(t(ctx.policy.locale, 'localSlack.serving', { url: localSlack.url }));
  await untilStopped(ctx.logger, () => localSlack.stop());
}
