import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Db } from '../db/database.js';
import { contactLogs, contacts, debtors, users } from '../db/schema/index.js';
import { addDays, daysBetween, instantAt, isoWeekday, todayIn, type IsoDate } from '../domain/calendar.js';
import { parseAmount } from '../domain/money.js';
import type { Policy } from '../domain/policy.js';
import { BARRIER_KINDS, CONSEQUENCES, CONTACT_CHANNELS, OUTCOME_TYPES } from '../domain/vocabulary.js';
import { insertBarrier, insertContactLog, insertPressure, insertPromises, type Instalment } from './follow-ups.js';
import { importStream, type ImportKind } from './import/index.js';
import { recordReceivableHistory } from './report/history.js';

/** The ERP files of the demo, in the order their references need. */
const FILES: Array<{ kind: ImportKind; dateColumns: string[] }> = [
  { kind: 'users', dateColumns: [] },
  { kind: 'debtors', dateColumns: [] },
  { kind: 'contacts', dateColumns: [] },
  { kind: 'invoices', dateColumns: ['issue_date', 'due_date'] },
  { kind: 'payments', dateColumns: ['paid_on'] },
];

const activitySchema = z.object({
  anchor: z.string(),
  contacts: z.array(
    z.object({
      key: z.string(),
      debtor: z.string(),
      author: z.string(),
      daysAgo: z.number().int().min(0),
      outcome: z.enum(OUTCOME_TYPES),
      channel: z.enum(CONTACT_CHANNELS),
      contact: z.string().optional(),
      note: z.string(),
      nextContactInDays: z.number().int().optional(),
      promises: z
        .array(
          z.object({
            amount: z.string(),
            currency: z.string(),
            dueInDays: z.number().int(),
            state: z.enum(['pending', 'kept', 'partial', 'broken']),
          }),
        )
        .optional(),
      barrier: z
        .object({ kind: z.enum(BARRIER_KINDS), description: z.string(), owner: z.string(), dueInDays: z.number().int() })
        .optional(),
      pressure: z.object({ consequence: z.enum(CONSEQUENCES), deadlineInDays: z.number().int() }).optional(),
    }),
  ),
});
type ActivityEntry = z.infer<typeof activitySchema>['contacts'][number];

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The example file with its dates moved so the story happens around `today`. */
async function shiftedCsv(path: string, dateColumns: string[], shiftDays: number): Promise<string> {
  const rows: string[][] = parse(await readFile(path), { bom: true });
  const [header = [], ...body] = rows;
  const indexes = dateColumns.map((c) => header.indexOf(c));
  const lines = [header, ...body.map((row) => row.map((v, i) => (indexes.includes(i) && v ? addDays(v, shiftDays) : v)))];
  return lines.map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

/** The ids an activity entry names by the keys of the example files. */
async function entryRefs(db: Db, entry: ActivityEntry) {
  const people = await db
    .select({ id: users.id, slackUserId: users.slackUserId })
    .from(users)
    .where(inArray(users.slackUserId, [entry.author, entry.barrier?.owner ?? entry.author]));
  const userId = (slackId: string) => {
    const found = people.find((p) => p.slackUserId === slackId);
    if (!found) throw new Error(`demo activity ${entry.key}: user ${slackId} is not in users.csv`);
    return found.id;
  };
  const [debtor] = await db.select({ id: debtors.id }).from(debtors).where(eq(debtors.externalId, entry.debtor));
  if (!debtor) throw new Error(`demo activity ${entry.key}: debtor ${entry.debtor} is not in debtors.csv`);
  const [contact] = entry.contact
    ? await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.name, entry.contact))
    : [];
  return {
    debtorId: debtor.id,
    authorId: userId(entry.author),
    ownerId: entry.barrier ? userId(entry.barrier.owner) : null,
    contactId: contact?.id ?? null,
  };
}

/** The entry's promises as instalments, those already judged with what was paid and when. */
function historyInstalments(entry: ActivityEntry, today: IsoDate): Instalment[] {
  return (entry.promises ?? []).map((p) => {
    const amount = parseAmount(p.amount, p.currency);
    if (!amount.ok) throw new Error(`demo activity ${entry.key}: ${amount.reason}`);
    const promisedOn = addDays(today, p.dueInDays);
    const judged = p.state !== 'pending';
    return {
      amount: amount.minor,
      currency: p.currency,
      promisedOn,
      state: p.state,
      paidAmount: judged ? (p.state === 'kept' ? amount.minor : 0) : null,
      judgedOn: judged ? addDays(promisedOn, 3) : null,
    };
  });
}

/** Stores one contact of the story, days in the past, through the same writes as a logged outcome. */
async function seedActivity(db: Db, policy: Policy, today: IsoDate, entry: ActivityEntry): Promise<boolean> {
  const key = `demo:${entry.key}`;
  const [existing] = await db.select({ id: contactLogs.id }).from(contactLogs).where(eq(contactLogs.idempotencyKey, key));
  if (existing) return false;
  const refs = await entryRefs(db, entry);
  const instalments = historyInstalments(entry, today);
  const at = instantAt(policy.timeZone, addDays(today, -entry.daysAgo), '10:00');
  return db.transaction(async (tx) => {
    const contactLogId = await insertContactLog(tx, {
      debtorId: refs.debtorId,
      authorId: refs.authorId,
      outcomeType: entry.outcome,
      channel: entry.channel,
      reached: refs.contactId !== null,
      contactId: refs.contactId,
      note: entry.note,
      nextContactOn: entry.nextContactInDays === undefined ? null : addDays(today, entry.nextContactInDays),
      idempotencyKey: key,
      at,
    });
    if (contactLogId === null) return false;
    const of = { debtorId: refs.debtorId, contactLogId, at };
    if (instalments.length > 0) await insertPromises(tx, of, instalments);
    const { barrier, pressure } = entry;
    if (barrier) await insertBarrier(tx, of, { kind: barrier.kind, description: barrier.description, ownerId: refs.ownerId!, dueOn: addDays(today, barrier.dueInDays) });
    if (pressure) await insertPressure(tx, of, { consequence: pressure.consequence, deadline: addDays(today, pressure.deadlineInDays) });
    return true;
  });
}

// The story is placed around the day of the first load and stays there, so loading the
// demo again on a later day changes nothing and the accounts simply age.
async function firstLoadDay(db: Db, policy: Policy, first: ActivityEntry | undefined): Promise<IsoDate | null> {
  if (!first) return null;
  const [log] = await db
    .select({ contactedAt: contactLogs.contactedAt })
    .from(contactLogs)
    .where(eq(contactLogs.idempotencyKey, `demo:${first.key}`));
  return log ? addDays(todayIn(policy.timeZone, log.contactedAt), first.daysAgo) : null;
}

export interface DemoLoadResult {
  imports: Awaited<ReturnType<typeof importStream>>[];
  activitiesAdded: number;
}

/**
 * Loads the example company into the database, dates moved so that the story (a broken
 * promise, a barrier due today, long and fresh overdue invoices) happens around `today`.
 * Running it again changes nothing that is already there.
 */
export async function loadDemo(database: Database, policy: Policy, today: IsoDate, examplesDir: string): Promise<DemoLoadResult> {
  const activity = activitySchema.parse(JSON.parse(await readFile(join(examplesDir, 'activity.json'), 'utf8')));
  const storyDay = await firstLoadDay(database.db, policy, activity.contacts[0]) ?? today;
  const shift = daysBetween(activity.anchor, storyDay);
  const imports = [];
  for (const { kind, dateColumns } of FILES) {
    const file = join(examplesDir, `${kind}.csv`);
    const text = await shiftedCsv(file, dateColumns, shift);
    imports.push(await importStream(database, policy, kind, [text], `${kind}.csv`));
  }
  let activitiesAdded = 0;
  for (const entry of activity.contacts) {
    if (await seedActivity(database.db, policy, storyDay, entry)) activitiesAdded++;
  }
  await recordPastWeeks(database.db, storyDay);
  return { imports, activitiesAdded };
}

/** Weeks of history the demo's first report and chart show. */
const DEMO_HISTORY_WEEKS = 12;

/**
 * A running team has a history recorded every working day; the demo company arrives today,
 * so its past weeks' ends are recorded from its invoices as they stand (invoices issued by
 * each day), for the weekly report's trends and chart to have something to show.
 */
async function recordPastWeeks(db: Db, storyDay: IsoDate): Promise<void> {
  const lastSunday = addDays(storyDay, -(isoWeekday(storyDay) % 7));
  for (let week = 0; week < DEMO_HISTORY_WEEKS; week++) await recordReceivableHistory(db, addDays(lastSunday, -7 * week));
}
