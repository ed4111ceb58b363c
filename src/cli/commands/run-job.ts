import { parseArgs } from 'node:util';
import { missingAlarmChannels } from '../../config/alarm-channels.js';
import { requireSlackEnv } from '../../config/env.js';
import { UserError } from '../../config/errors.js';
import type { Database } from '../../db/database.js';
import { isIsoDate, todayIn, type IsoDate } from '../../domain/calendar.js';
import { dryRunJob } from '../../jobs/dry-run.js';
import { createDeliverer } from '../../jobs/outbox-deliverer.js';
import { runJob } from '../../jobs/run-job.js';
import { JOB_NAMES, type JobName } from '../../jobs/run-once.js';
import { outboxCounts } from '../../services/outbox.js';
import { syncTeams } from '../../services/teams.js';
import { deliveryClient } from '../../slack/delivery-client.js';
import { jobRenderer } from '../../slack/job-renderer.js';
import { withDatabase, type CliContext } from '../context.js';
import { messageText } from '../message-text.js';

/** How long run-job keeps delivering before it leaves what is left in the outbox. */
const DELIVERY_DEADLINE_MS = 10 * 60_000;

interface RunJobArgs {
  job: JobName;
  date: IsoDate | undefined;
  dryRun: boolean;
}

/** node's parseArgs, its errors as one line ("Unknown option '--x'…" names the option in quotes). */
function readArgs(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options: { date: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UserError(`run-job: unknown option "${option}"`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UserError(`run-job: ${option} needs a value`);
    throw new UserError(`run-job: ${message.split('\n')[0]}`);
  }
}

function parseRunJobArgs(args: string[]): RunJobArgs {
  const { values, positionals } = readArgs(args);
  const [job, ...extra] = positionals;
  if (!job || !(JOB_NAMES as readonly string[]).includes(job)) {
    throw new UserError(`run-job: the job must be one of ${JOB_NAMES.join(', ')}${job ? ` (got "${job}")` : ''}`);
  }
  if (extra.length > 0) throw new UserError(`run-job: unknown argument "${extra[0]}"`);
  const date = values.date;
  if (date !== undefined && !isIsoDate(date)) throw new UserError(`run-job: --date must be a date YYYY-MM-DD (got "${date}")`);
  return { job: job as JobName, date, dryRun: values['dry-run'] ?? false };
}

/** Runs the job (once per date), then delivers its messages. */
async function runAndDeliver(ctx: CliContext, database: Database, botToken: string, job: JobName, date: IsoDate, now: Date): Promise<void> {
  await syncTeams(database.db, ctx.policy);
  const outcome = await runJob({ db: database.db, policy: ctx.policy, render: jobRenderer(ctx.policy), now }, job, date);
  ctx.out(outcome.line);
  const deliverer = createDeliverer({
    db: database.db,
    databaseKind: database.kind,
    client: deliveryClient(ctx.env, botToken),
    logger: ctx.logger,
    renderAlarm: jobRenderer(ctx.policy).alarm,
  });
  const report = await deliverer.drain({
    untilEmpty: async () => (await outboxCounts(database.db)).waiting === 0,
    deadline: new Date(Date.now() + DELIVERY_DEADLINE_MS),
  });
  const counts = await outboxCounts(database.db);
  ctx.out(`Delivered ${report.sent} message(s); ${counts.waiting} waiting and ${counts.failed} failed in the outbox (see "cobranza outbox").`);
}

/** Runs the job in a transaction that is rolled back and prints the messages it would send. */
async function printDryRun(ctx: CliContext, database: Database, job: JobName, date: IsoDate, now: Date): Promise<void> {
  const { outcome, messages } = await dryRunJob({ db: database.db, policy: ctx.policy, render: jobRenderer(ctx.policy), now }, job, date);
  ctx.out(`Dry run: ${outcome.line}`);
  messages.forEach((message, i) => {
    ctx.out('');
    ctx.out(`Message ${i + 1} of ${messages.length} to ${message.channel}${message.recipient ? ` (${message.recipient})` : ''}:`);
    const lines = message.payload ? messageText(message.payload) : ['(nothing to send: its alarm is gone)'];
    for (const line of lines) ctx.out(`  ${line}`);
  });
  if (messages.length > 0) ctx.out('');
  ctx.out(`Dry run: ${messages.length} message(s) would be sent; nothing was stored or sent.`);
}

/**
 * `cobranza run-job <daily-list|alarms> [--date YYYY-MM-DD] [--dry-run]`: runs the job
 * (once per date), then delivers its messages and returns when they are sent, or failed
 * with Slack's reason, or still waiting at the deadline. With `--dry-run` it prints them
 * instead, stores nothing and needs no Slack token.
 */
export async function runJobCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { job, date: given, dryRun } = parseRunJobArgs(args);
  const botToken = dryRun ? undefined : requireSlackEnv(ctx.env).botToken;
  const now = new Date();
  const date = given ?? todayIn(ctx.policy.timeZone, now);
  for (const warning of missingAlarmChannels(ctx.policy)) ctx.out(`warning: ${warning}`);
  await withDatabase(ctx, (database) =>
    botToken === undefined ? printDryRun(ctx, database, job, date, now) : runAndDeliver(ctx, database, botToken, job, date, now),
  );
}
