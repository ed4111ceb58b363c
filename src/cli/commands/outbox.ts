import { parseArgs } from 'node:util';
import { UserError } from '../../config/errors.js';
import type { Db } from '../../db/database.js';
import type { OutboxRow } from '../../db/schema/index.js';
import type { AlarmRecord } from '../../services/alarms.js';
import { messagePayload } from '../../services/outbox-messages.js';
import { alarmIdOfRef, findOutboxMessage, retryFailedMessages, undeliveredMessages } from '../../services/outbox.js';
import { t, type Locale } from '../../slack/i18n/index.js';
import { jobRenderer } from '../../slack/job-renderer.js';
import { withDatabase, type CliContext } from '../context.js';
import { messageText } from '../message-text.js';


export type OutboxArgs = { action: 'list' } | { action: 'retry'; ids: number[] } | { action: 'show'; id: number };

/** Ids as `cobranza outbox` lists them (`#12` or `12`); outbox ids are PostgreSQL integers. */
function messageId(arg: string, action: string, locale: Locale): number {
  const id = Number(/^#?([1-9]\d*)$/.exec(arg)?.[1]);
  if (!(id <= 2 ** 31 - 1)) throw new UserError(t(locale, 'cli.args.outboxNotAnId', { action, arg }));
  return id;
}

/** `[retry [ID…] | show ID]`; anything else stops with the usage line. */
export function parseOutboxArgs(args: string[], locale: Locale): OutboxArgs {
  const usage = t(locale, 'cli.args.outboxUsage');
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: {} }));
  } catch {
    // With no options declared, an unknown option is all parseArgs refuses.
    const name = args.find((arg) => arg.startsWith('-')) ?? '';
    throw new UserError(`${t(locale, 'cli.args.unknownOption', { command: 'outbox', name })} (${usage})`);
  }
  const [action, ...rest] = positionals;
  if (action === undefined) return { action: 'list' };
  if (action === 'retry') return { action, ids: rest.map((arg) => messageId(arg, action, locale)) };
  if (action === 'show') {
    if (rest.length !== 1) throw new UserError(t(locale, 'cli.args.outboxShowOne', { usage }));
    return { action, id: messageId(rest[0]!, action, locale) };
  }
  throw new UserError(t(locale, 'cli.args.outboxUnknownAction', { action, usage }));
}

export interface OutboxIo {
  out: (line: string) => void;
  locale: Locale;
  now: Date;
  /** Alarm messages are written when sent; `show` writes one as it would read now. */
  renderAlarm: (alarm: AlarmRecord) => object;
}

/** A span as an operator reads it: 45 s, 12 min, 3 h 05 min, 2 d 4 h. */
export function formatSpan(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

/** How long it has waited, how often it was tried, why it failed and when it is tried next. */
function details(row: OutboxRow, io: OutboxIo): string {
  const { locale, now } = io;
  const parts = [t(locale, `outboxCli.state.${row.state}`), t(locale, 'outboxCli.queued', { waited: formatSpan(now.getTime() - row.createdAt.getTime()) })];
  parts.push(t(locale, 'outboxCli.attempts', { count: row.attempts }));
  if (row.lastError) parts.push(t(locale, 'outboxCli.lastError', { error: row.lastError }));
  if (row.state === 'pending') {
    const wait = row.nextAttemptAt.getTime() - now.getTime();
    parts.push(wait > 0 ? t(locale, 'outboxCli.nextAttemptIn', { wait: formatSpan(wait) }) : t(locale, 'outboxCli.nextAttemptNow'));
  }
  if (row.state === 'sending' && row.claimedAt) parts.push(t(locale, 'outboxCli.claimed', { wait: formatSpan(now.getTime() - row.claimedAt.getTime()) }));
  if (row.inDoubt && row.state !== 'sent') parts.push(t(locale, 'outboxCli.inDoubt'));
  return parts.join(' · ');
}

/** `cobranza outbox`: each message not delivered yet, one line. */
async function listOutbox(db: Db, io: OutboxIo): Promise<void> {
  const rows = await undeliveredMessages(db);
  if (rows.length === 0) io.out(t(io.locale, 'outboxCli.empty'));
  for (const row of rows) {
    const raw = (row.payload as { text?: unknown } | null)?.text;
    const alarmId = alarmIdOfRef(row.ref);
    const about = typeof raw === 'string' ? raw : alarmId ? t(io.locale, 'outboxCli.alarm', { id: alarmId }) : (row.ref ?? '');
    io.out(`#${row.id} → ${row.channel} · ${details(row, io)}: ${about.replace(/\s+/g, ' ').slice(0, 60)}`);
  }
}

/** `cobranza outbox retry [ID…]`: failed messages back in the queue; one line per id given. */
async function retryOutbox(db: Db, io: OutboxIo, ids: number[]): Promise<void> {
  const outcomes = await retryFailedMessages(db, ids);
  if (ids.length === 0) {
    io.out(outcomes.length > 0 ? t(io.locale, 'outboxCli.retriedAll', { count: outcomes.length }) : t(io.locale, 'outboxCli.noneFailed'));
    return;
  }
  for (const o of outcomes) {
    if (o.outcome === 'queued') io.out(t(io.locale, 'outboxCli.retried', { id: o.id }));
    else if (o.outcome === 'not_failed') io.out(t(io.locale, 'outboxCli.notFailed', { id: o.id, state: t(io.locale, `outboxCli.state.${o.state}`) }));
    else io.out(t(io.locale, 'outboxCli.notFound', { id: o.id }));
  }
}

/** `cobranza outbox show ID`: one message, its state and what it says. */
async function showOutbox(db: Db, io: OutboxIo, id: number): Promise<void> {
  const row = await findOutboxMessage(db, id);
  if (!row) throw new UserError(`outbox show: ${t(io.locale, 'outboxCli.notFound', { id })}`);
  io.out(t(io.locale, 'outboxCli.title', { id: row.id, channel: row.channel }));
  io.out(`  ${details(row, io)}`);
  const payload = await messagePayload(db, row, io.renderAlarm);
  const alarmId = alarmIdOfRef(row.ref);
  if (!row.payload && alarmId) io.out(t(io.locale, payload ? 'outboxCli.alarmPending' : 'outboxCli.alarmGone', { id: alarmId }));
  if (!payload) return;
  io.out(t(io.locale, 'outboxCli.text'));
  for (const line of messageText(payload)) io.out(`  ${line}`);
}

/** Runs an outbox action against an open database. */
export async function runOutbox(db: Db, io: OutboxIo, args: OutboxArgs): Promise<void> {
  if (args.action === 'list') return listOutbox(db, io);
  if (args.action === 'retry') return retryOutbox(db, io, args.ids);
  return showOutbox(db, io, args.id);
}

/**
 * `cobranza outbox [retry [ID…] | show ID]`: the messages not delivered yet (how long each
 * has waited, its attempts, last error and next attempt), failed ones put back in the
 * queue, or one message as text.
 */
export async function outboxCommand(ctx: CliContext, args: string[]): Promise<void> {
  const parsed = parseOutboxArgs(args, ctx.policy.locale);
  await withDatabase(ctx, (database) =>
    runOutbox(database.db, { out: ctx.out, locale: ctx.policy.locale, now: new Date(), renderAlarm: jobRenderer(ctx.policy).alarm }, parsed),
  );
}
