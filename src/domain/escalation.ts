// The escalation ladder: 0 payments clerk … 4 legal. Levels climb on days overdue and on
// broken promises, and drop back to 0 only once nothing is overdue.

import { MAX_LEVEL } from './vocabulary.js';

export type EscalationThresholds = readonly [number, number, number, number];

/** 0..4: days >= thresholds[i] puts the debtor at level i + 1. */
export function levelFromDaysOverdue(days: number, thresholds: EscalationThresholds): number {
  let level = 0;
  thresholds.forEach((threshold, i) => {
    if (days >= threshold) level = i + 1;
  });
  return level;
}

export type EscalationCause = 'days_overdue' | 'broken_promises' | 'paid_up';

export interface EscalationInput {
  current: number;
  oldestOverdueDays: number;
  /** Broken promises since the level last rose (or since the debtor was created). */
  brokenSinceLastRise: number;
  thresholds: EscalationThresholds;
  brokenPromisesPerLevel: number;
}

/**
 * The level after today's alarms run, and why it changed (null when it did not).
 * While anything is overdue the level never drops: a partial payment that clears the
 * oldest invoice does not undo a negotiation already at the manager's desk.
 */
export function nextLevel(input: EscalationInput): { level: number; cause: EscalationCause | null } {
  const current = Math.min(Math.max(0, input.current), MAX_LEVEL);
  if (input.oldestOverdueDays <= 0) {
    return { level: 0, cause: current > 0 ? 'paid_up' : null };
  }
  const fromDays = levelFromDaysOverdue(input.oldestOverdueDays, input.thresholds);
  const perLevel = Math.max(1, input.brokenPromisesPerLevel);
  const fromBroken = Math.floor(Math.max(0, input.brokenSinceLastRise) / perLevel);
  const level = Math.min(MAX_LEVEL, Math.max(current, fromDays) + fromBroken);
  if (level === current) return { level, cause: null };
  // Days are the cause when they alone would have moved the level.
  return { level, cause: fromDays > current ? 'days_overdue' : 'broken_promises' };
}
