import type { Db } from '../db/database.js';
import type { User } from '../db/schema/index.js';
import type { IsoDate } from '../domain/calendar.js';
import { reportScope } from '../domain/permissions.js';
import type { Policy } from '../domain/policy.js';
import { normaliseSearchText } from '../domain/search-text.js';
import { reportWeekOf, weeklyReport, type WeeklyReport } from './report/index.js';
import { findUserBySlackId, listUsers } from './users.js';

export type ReportRequest =
  | { kind: 'not_registered' }
  | { kind: 'forbidden' }
  /** The name typed matches no one, or (`candidates` > 1) several people. */
  | { kind: 'unknown_collector'; text: string; candidates: string[] }
  /** `onlyCollectorId`: show only that collector's figures. */
  | { kind: 'report'; report: WeeklyReport; onlyCollectorId?: number };

/** `<@U123>` or `<@U123|name>` as Slack escapes a mention, or a bare user id. */
const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$|^([UW][A-Z0-9]{2,})$/;

/** Whom `text` names: a mention or user id, else a name (accents and case aside; full name first, then word prefixes). */
export async function findNamedUser(db: Db, text: string): Promise<{ user: User } | { candidates: string[] }> {
  const mention = MENTION.exec(text);
  if (mention) {
    const user = await findUserBySlackId(db, (mention[1] ?? mention[2])!);
    if (user) return { user };
  }
  const wanted = normaliseSearchText(text.replace(/^@/, ''));
  if (!wanted) return { candidates: [] };
  const everyone = await listUsers(db);
  const named = everyone.map((user) => ({ user, words: normaliseSearchText(user.name) }));
  const exact = named.filter((n) => n.words === wanted);
  const parts = wanted.split(' ');
  const matches =
    exact.length > 0 ? exact : named.filter((n) => parts.every((p) => n.words.split(' ').some((word) => word.startsWith(p))));
  if (matches.length === 1) return { user: matches[0]!.user };
  return { candidates: matches.map((m) => m.user.name) };
}

/**
 * `/cartera [collector]` for the Slack user `slackUserId`: the previous whole week's
 * report (`today` in the policy's time zone), as far as `reportScope` lets them see it.
 * A collector gets their own figures whatever they type.
 */
export async function requestReport(
  db: Db,
  policy: Policy,
  input: { slackUserId: string; text: string; today: IsoDate },
): Promise<ReportRequest> {
  const actor = await findUserBySlackId(db, input.slackUserId);
  if (!actor) return { kind: 'not_registered' };
  const text = input.text.trim();
  let named: User | null = null;
  if (actor.role !== 'collector' && text !== '') {
    const found = await findNamedUser(db, text);
    if (!('user' in found)) return { kind: 'unknown_collector', text, candidates: found.candidates };
    named = found.user;
  }
  const scope = reportScope(actor, named);
  if (scope.kind === 'forbidden') return { kind: 'forbidden' };
  const report = await weeklyReport(db, policy, { teamId: scope.teamId, week: reportWeekOf(input.today), today: input.today });
  if (scope.kind === 'team') return { kind: 'report', report };
  const who = scope.collectorId === actor.id ? actor : named!;
  if (!report.collectors.some((c) => c.collectorId === who.id)) {
    // Nothing to show for them this week: their figures are zeros, under their name.
    report.collectors.push({
      collectorId: who.id,
      name: who.name,
      slackUserId: who.slackUserId,
      activity: { contacts: 0, debtorsWorked: 0, noticesSent: 0, promisesKept: 0, promisesPartial: 0, promisesBroken: 0, keptRate: null },
      money: {},
    });
  }
  return { kind: 'report', report, onlyCollectorId: who.id };
}
