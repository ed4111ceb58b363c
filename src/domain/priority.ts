// Order of the daily list: who to call first. The score is only compared, never shown.

export interface PriorityInput {
  /** Minor units past due. */
  overdueAmount: number;
  oldestOverdueDays: number;
  brokenPromises: number;
  promiseDueToday: boolean;
  escalationLevel: number;
  /** Fell due within the last few days: the cheapest moment to collect. */
  newlyOverdue: boolean;
}

/**
 * Weights. The base is log10(1 + overdue minor units) x (1 + days / AGE_DAYS): the log
 * keeps one huge debtor from burying every other account (ten times the money is one
 * point more, not ten times the score), and the age factor doubles the base after a
 * month, triples it after two. The boosts are flat points on top. Amounts are compared
 * in minor units whatever the currency: a list rarely mixes currencies, and the log
 * makes the difference a couple of points at most.
 */
export const PRIORITY_WEIGHTS = {
  /** Days over which the age factor grows by 1. */
  ageDays: 30,
  /** Per broken promise, counted up to `brokenPromisesCap`. */
  brokenPromise: 4,
  brokenPromisesCap: 3,
  /** A promise due today is checked today or its moment is lost. */
  promiseDueToday: 10,
  /** Per escalation level. */
  escalationLevel: 3,
  newlyOverdue: 5,
} as const;

/** Higher = work first. 0 when nothing is overdue and no promise is due today. */
export function priorityScore(input: PriorityInput): number {
  const w = PRIORITY_WEIGHTS;
  const overdue = Math.max(0, input.overdueAmount);
  if (overdue === 0 && !input.promiseDueToday) return 0;

  const age = 1 + Math.max(0, input.oldestOverdueDays) / w.ageDays;
  let score = Math.log10(1 + overdue) * age;
  if (input.promiseDueToday) score += w.promiseDueToday;
  if (overdue > 0) {
    // Broken promises, level and a fresh overdue only matter while money is late.
    score += Math.min(Math.max(0, input.brokenPromises), w.brokenPromisesCap) * w.brokenPromise;
    score += Math.max(0, input.escalationLevel) * w.escalationLevel;
    if (input.newlyOverdue) score += w.newlyOverdue;
  }
  // Rounded so equal inputs compare equal whatever the float path.
  return Math.round(score * 1000) / 1000;
}
