import type { AgingBucket } from '../../domain/aging.js';
import type { IsoDate } from '../../domain/calendar.js';

/** A Monday-to-Sunday week, `label` as ISO writes it (`2026-W49`). */
export interface ReportWeek {
  start: IsoDate;
  end: IsoDate;
  label: string;
}

/** What a person did in the week: counts, the same in every currency. */
export interface Activity {
  contacts: number;
  debtorsWorked: number;
  noticesSent: number;
  /** Promises judged in the week: kept, partly kept and broken; the rate is kept ÷ judged (null: none judged). */
  promisesKept: number;
  promisesPartial: number;
  promisesBroken: number;
  keptRate: number | null;
}

/** Money in one currency, minor units. */
export interface MoneyFigures {
  /** Payments dated in the week. */
  collected: number;
  /** Promised amount falling due in the week. */
  promisedDue: number;
  /** Overdue at the week's end, and four weeks before (null: no history yet). */
  overdueNow: number;
  overdueFourWeeksAgo: number | null;
  /** Open amount by aging bucket at the week's end. */
  aging: Record<AgingBucket, number>;
}

export interface CollectorReport {
  /** users.id; null for debtors without a collector. */
  collectorId: number | null;
  name: string;
  slackUserId: string | null;
  activity: Activity;
  /** By currency code. */
  money: Record<string, MoneyFigures>;
}

/** One currency's team-level figures. */
export interface CurrencyReport {
  currency: string;
  team: MoneyFigures;
  /** Collection effectiveness index over the last four weeks, percent (null: no sales and no receivables). */
  cei: number | null;
  /** Days sales outstanding: open receivables ÷ sales of the last 90 days × 90 (null: no sales). */
  dso: number | null;
  /** The ten largest overdue debtors at the week's end. */
  topOverdue: Array<{ debtorId: number; name: string; overdue: number }>;
  /** The last 12 weeks, oldest first: aging at each week's end and the collected amount. */
  history: Array<{ week: ReportWeek; aging: Record<AgingBucket, number>; collected: number }>;
}

/** A team's weekly report: what `weekly-report`, `/cartera` and `cobranza report` show. */
export interface WeeklyReport {
  team: { id: number; name: string };
  week: ReportWeek;
  activity: Activity;
  collectors: CollectorReport[];
  /** In the order of the policy's currency first, then by code. */
  currencies: CurrencyReport[];
}
