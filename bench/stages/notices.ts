// The day's notices: the product's notices job (triggers, rules, one email per debtor and
// currency with its PDF statement, queued with its contact log) and the email deliverer
// handing every email to a local SMTP server, against the one query that selects the same
// debtors and invoices. Targets: emails per second including the PDF, and peak memory.
import pino from 'pino';
import { calendarOf } from '../../src/domain/calendar.js';
import { noticeTriggersOn } from '../../src/domain/notice-steps.js';
import type { Policy } from '../../src/domain/policy.js';
import { createEmailDeliverer } from '../../src/jobs/email-deliverer.js';
import { noticesJob } from '../../src/jobs/notices.js';
import { createMailTransport } from '../../src/mail/transport.js';
import { jobRenderer } from '../../src/slack/job-renderer.js';
import type { StageRow } from '../report.js';
import { TODAY, type Bench, type Stage } from '../lib/context.js';
import { startSmtpCounter } from '../lib/smtp-counter.js';

const NAME = 'notices';
const MIN_EMAILS_PER_S = 50;
const MAX_RSS_MB = 300;
// The product's own SMTP rate limit is a setting (SMTP_URL's rateLimit); here it is lifted
// so the figure is what the product can hand over, not what a provider allows.
const UNTHROTTLED = 'rateLimit=100000&maxConnections=4';

/** The debtors and invoices of the day's emails: triggers by due date, then every open invoice of their currency. */
function baselineSql(policy: Policy): string {
  const triggers = noticeTriggersOn(policy.notices.steps, calendarOf(policy), TODAY);
  const dues = triggers.map((t) => `'${t.dueDate}'::date`).join(', ') || 'NULL';
  return `
    WITH groups AS (
      SELECT DISTINCT i.debtor_id, i.currency FROM invoices i JOIN debtors d ON d.id = i.debtor_id
      WHERE i.open_amount > 0 AND d.collector_id IS NOT NULL AND i.due_date IN (${dues}))
    SELECT (SELECT count(*) FROM groups)::int AS groups, count(*)::int AS invoices, sum(i.open_amount)::text AS open
    FROM invoices i JOIN groups g ON g.debtor_id = i.debtor_id AND g.currency = i.currency
    WHERE i.open_amount > 0`;
}

/**
 * Samples this process's resident memory while `work` runs: the peak, and how far it rose
 * above the start (the bench process already holds what the earlier stages left, and on
 * PGlite the database itself).
 */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakMb: number; addedMb: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: peak / 2 ** 20, addedMb: (peak - start) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function measure(bench: Bench): Promise<StageRow> {
  const policy = { ...bench.policy, notices: { ...bench.policy.notices, enabled: true } };
  const raw = await bench.db.raw();
  const t0 = performance.now();
  const [selected] = await raw.query<{ groups: number; invoices: number }>(baselineSql(policy));
  const baselineMs = performance.now() - t0;
  const sink = await startSmtpCounter();
  const database = await bench.db.database();
  const transport = createMailTransport({ url: `${sink.url}/?${UNTHROTTLED}`, from: 'Cobranza Bench <cobranza@bench.example>' });
  const deliverer = createEmailDeliverer({ db: database.db, databaseKind: database.kind, transport, logger: pino({ level: 'silent' }), timeZone: policy.timeZone });
  try {
    await bench.db.settle();
    const started = performance.now();
    const { result, peakMb, addedMb } = await withPeakRss(async () => {
      // As in the service: the deliverer sends each batch while the job renders the next.
      deliverer.start();
      const job = await noticesJob({ db: database.db, policy, render: jobRenderer(policy), now: new Date(), onEmailsQueued: () => deliverer.kick() }, TODAY);
      const queuedMs = performance.now() - started;
      const sent = await deliverer.drain();
      // The background pass may still be handing over its last claims.
      await deliverer.stop();
      return { job, queuedMs, sent };
    });
    const productMs = performance.now() - started;
    const emails = sink.count();
    const perSecond = emails / (productMs / 1000);
    const queued = result.job.status === 'ran' ? result.job.summary.queued : 0;
    return {
      name: NAME,
      product_ms: Math.round(productMs),
      baseline_ms: Math.round(baselineMs),
      ratio: baselineMs > 0 ? Math.round((productMs / baselineMs) * 100) / 100 : null,
      target: MIN_EMAILS_PER_S,
      pass: emails > 0 && emails === queued && perSecond >= MIN_EMAILS_PER_S && addedMb <= MAX_RSS_MB,
      metric: 'wall',
      target_text: `≥ ${MIN_EMAILS_PER_S} emails/s, ≤ ${MAX_RSS_MB} MB added`,
      peak_rss_mb: Math.round(peakMb),
      details: {
        emails,
        emails_per_second: Math.round(perSecond * 10) / 10,
        added_rss_mb: Math.round(addedMb),
        job: result.job,
        queued_ms: Math.round(result.queuedMs),
        delivered_after_the_job: result.sent,
        mb_handed_to_smtp: Math.round(sink.bytes() / 2 ** 20),
        baseline: { trigger_groups: selected?.groups, invoices: selected?.invoices },
      },
    };
  } finally {
    await deliverer.stop();
    transport.close();
    await sink.stop();
  }
}

export const stage: Stage = {
  name: NAME,
  run: async (bench, measuring) => (measuring ? [await measure(bench)] : []),
};
