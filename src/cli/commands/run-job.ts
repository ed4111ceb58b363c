import { requireSlackEnv } from '../../config/env.js';
import { UserError } from '../../config/errors.js';
import { isIsoDate, todayIn } from '../../domain/calendar.js';
import { createDeliverer } from '../../jobs/outbox-deliverer.js';
import { runJob } from '../../jobs/run-job.js';
import { JOB_NAMES, type JobName } from '../../jobs/run-once.js';
import { outboxCounts } from '../../services/outbox.js';
import { syncTeams } from '../../services/teams.js';
import { deliveryClient } from '../../slack/delivery-client.js';
import { jobRenderer } from '../../slack/job-renderer.js';
import { withDatabase, type CliContext } from '../context.js';

/** How long run-job keeps delivering before it leaves what is left in the outbox. */
const DELIVERY_DEADLINE_MS = 10 * 60_000;

function parseArgs(args: string[]): { job: JobName; date: string | undefined } {
  const [job, ...rest] = args;
  if (!job || !(JOB_NAMES as readonly string[]).includes(job)) {
    throw new UserError(`run-job: the job must be one of ${JOB_NAMES.join(', ')}${job ? ` (got "${job}")` : ''}`);
  }
  let date: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--date') date = rest[++i];
    else if (arg.startsWith('--date=')) date = arg.slice('--date='.length);
    else throw new UserError(`run-job: unknown argument "${arg}"`);
    if (date === undefined || !isIsoDate(date)) throw new UserError(`run-job: --date must be a date YYYY-MM-DD (got "${date ?? ''}")`);
  }
  return { job: job as JobName, date };
}

/**
 * `cobranza run-job <daily-list|alarms> [--date YYYY-MM-DD]`: runs the job (once per
 * date), then delivers its messages and returns when they are sent, or failed with
 * Slack's reason, or still waiting at the deadline.
 */
export async function runJobCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { job, date: given } = parseArgs(args);
  const { botToken } = requireSlackEnv(ctx.env);
  const now = new Date();
  const date = given ?? todayIn(ctx.policy.timeZone, now);
  await withDatabase(ctx, async (database) => {
    await syncTeams(database.db, ctx.policy);
    const outcome = await runJob({ db: database.db, policy: ctx.policy, render: jobRenderer(ctx.policy), now }, job, date);
    ctx.out(outcome.line);
    const deliverer = createDeliverer({
      db: database.db,
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
  });
}
