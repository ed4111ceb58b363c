import { parseArgs } from 'node:util';
import { requireSlackEnv } from '../../config/env.js';
import { UserError } from '../../config/errors.js';
import type { Database } from '../../db/database.js';
import { refreshStatistics } from '../../db/statistics.js';
import { isIsoDate, todayIn, type IsoDate } from '../../domain/calendar.js';
import { dryRunJob } from '../../jobs/dry-run.js';
import { createDeliverer } from '../../jobs/outbox-deliverer.js';
import { runJob } from '../../jobs/run-job.js';
import type { JobOutcome } from '../../jobs/job-deps.js';
import { JOB_NAMES, type JobName } from '../../jobs/run-once.js';
import { outboxCounts } from '../../services/outbox.js';
import { syncTeams } from '../../services/teams.js';
import { deliveryClient } from '../../slack/delivery-client.js';
import { isMessageKey, t, type Locale } from '../../slack/i18n/index.js';
import { jobRenderer } from '../../slack/job-renderer.js';
import { missingAlarmChannelLines } from '../alarm-channel-text.js';
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
function readArgs(args: string[], locale: Locale) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options: { date: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UserError(t(locale, 'cli.args.unknownOption', { command: 'run-job', name: option }));
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new UserError(t(locale, 'cli.args.needsValue', { command: 'run-job', option }));
    throw new UserError(`run-job: ${message.split('\n')[0]}`);
  }
}

function parseRunJobArgs(args: string[], locale: Locale): RunJobArgs {
  const { values, positionals } = readArgs(args, locale);
  const [job, ...extra] = positionals;
  if (!job || !(JOB_NAMES as readonly string[]).includes(job)) {
    const jobs = JOB_NAMES.join(', ');
    throw new UserError(job ? t(locale, 'cli.args.jobNameGot', { jobs, job }) : t(locale, 'cli.args.jobName', { jobs }));
  }
  if (extra.length > 0) throw new UserError(t(locale, 'cli.args.unknownArgument', { command: 'run-job', name: extra[0]! }));
  const date = values.date;
  if (date !== undefined && !isIsoDate(date)) throw new UserError(t(locale, 'cli.args.jobDate', { date }));
  return { job: job as JobName, date, dryRun: values['dry-run'] ?? false };
}

/** What the job did, in one line in the policy's locale, read from its structured outcome. */
function jobLine(locale: Locale, job: JobName, date: IsoDate, outcome: JobOutcome<unknown>): string {
  if (outcome.status === 'not_working_day') return t(locale, 'cli.job.notWorkingDay', { job, date });
  if (outcome.status === 'already_ran') return t(locale, 'cli.job.alreadyRan', { job, date });
  if (outcome.status === 'disabled') return t(locale, 'cli.job.disabled', { job, date });
  if (outcome.status === 'not_report_day') return t(locale, 'cli.job.notReportDay', { job, date });
  const counts = Object.entries(outcome.summary as Record<string, number>)
    .map(([name, count]) => {
      const key = `cli.job.counts.${name}`;
      return `${isMessageKey(key) ? t(locale, key) : name} ${count}`;
    })
    .join(', ');
  return t(locale, 'cli.job.ran', { job, date, counts });
}

/** Runs the job (once per date), then delivers its messages. */
async function runAndDeliver(ctx: CliContext, database: Database, botToken: string, job: JobName, date: IsoDate, now: Date): Promise<void> {
  await syncTeams(database.db, ctx.policy);
  await refreshStatistics(database);
  const outcome = await runJob({ db: database.db, policy: ctx.policy, render: jobRenderer(ctx.policy), now }, job, date);
  const { locale } = ctx.policy;
  ctx.out(jobLine(locale, job, date, outcome));
  const deliverer = createDeliverer({
    db: database.db,
    databaseKind: database.kind,
    client: deliveryClient(ctx.env, botToken),
    logger: ctx.logger,
    renderAlarm: jobRenderer(ctx.policy).alarm,
  });
  const report = await deliverer.drain({
    untilEmpty: true,
    deadline: new Date(Date.now() + DELIVERY_DEADLINE_MS),
  });
  const counts = await outboxCounts(database.db);
  ctx.out(t(locale, 'cli.job.delivered', { sent: report.sent, waiting: counts.waiting, failed: counts.failed }));
}

/** Runs the job in a transaction that is rolled back and prints the messages it would send. */
async function printDryRun(ctx: CliContext, database: Database, job: JobName, date: IsoDate, now: Date): Promise<void> {
  const { outcome, messages, emails } = await dryRunJob({ db: database.db, policy: ctx.policy, render: jobRenderer(ctx.policy), now }, job, date);
  const { locale } = ctx.policy;
  ctx.out(t(locale, 'cli.job.dryRun', { line: jobLine(locale, job, date, outcome) }));
  messages.forEach((message, i) => {
    ctx.out('');
    const recipient = message.recipient ? ` (${message.recipient})` : '';
    ctx.out(t(locale, 'cli.job.dryRunMessage', { n: i + 1, total: messages.length, channel: message.channel, recipient }));
    const lines = message.file
      ? [t(locale, 'cli.job.dryRunFile', { name: message.file.filename, title: message.file.title, kb: Math.ceil(message.file.bytes / 1024) })]
      : message.payload
        ? messageText(message.payload)
        : [t(locale, 'cli.job.alarmGone')];
    for (const line of lines) ctx.out(`  ${line}`);
  });
  emails.forEach((email, i) => {
    ctx.out('');
    ctx.out(t(locale, 'cli.job.dryRunEmail', { n: i + 1, total: emails.length, to: email.to }));
    ctx.out(`  ${t(locale, 'cli.job.dryRunEmailSubject', { subject: email.subject })}`);
    if (email.attachmentName) ctx.out(`  ${t(locale, 'cli.job.dryRunEmailAttachment', { name: email.attachmentName })}`);
    ctx.out('');
    for (const line of email.text.trimEnd().split('\n')) ctx.out(`  ${line}`);
  });
  if (messages.length > 0 || emails.length > 0) ctx.out('');
  ctx.out(t(locale, 'cli.job.dryRunDone', { count: messages.length }));
  if (emails.length > 0) ctx.out(t(locale, 'cli.job.dryRunEmailsDone', { count: emails.length }));
}

/**
 * `cobranza run-job <daily-list|alarms|notices|weekly-report> [--date YYYY-MM-DD] [--dry-run]`: runs the job
 * (once per date), then delivers its messages and returns when they are sent, or failed
 * with Slack's reason, or still waiting at the deadline. With `--dry-run` it prints them
 * instead (and the notices' emails: recipient, subject, text, attachment), stores nothing and
 * needs no Slack token.
 */
export async function runJobCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { job, date: given, dryRun } = parseRunJobArgs(args, ctx.policy.locale);
  const botToken = dryRun ? undefined : requireSlackEnv(ctx.env).botToken;
  const now = new Date();
  const date = given ?? todayIn(ctx.policy.timeZone, now);
  for (const warning of missingAlarmChannelLines(ctx.policy)) ctx.out(t(ctx.policy.locale, 'cli.job.warning', { warning }));
  await withDatabase(ctx, (database) =>
    botToken === undefined ? printDryRun(ctx, database, job, date, now) : runAndDeliver(ctx, database, botToken, job, date, now),
  );
}
