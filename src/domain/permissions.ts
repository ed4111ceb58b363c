import type { Role } from './vocabulary.js';

/** Who is asking: a registered user. Someone not in the register may do nothing. */
export interface Actor {
  id: number;
  role: Role;
  teamId: number;
}

/** The debtor as far as permissions care: its collector and that collector's team. */
export interface DebtorOwnership {
  collectorId: number | null;
  teamId: number | null;
}

const isTeamSenior = (actor: Actor, teamId: number | null) =>
  (actor.role === 'lead' || actor.role === 'manager') && (teamId === null || actor.teamId === teamId);

/** Logging a contact: the debtor's collector, the team's lead and manager, and admins. */
export function canLogOutcome(actor: Actor, debtor: DebtorOwnership): boolean {
  if (actor.role === 'admin') return true;
  if (debtor.collectorId !== null && actor.id === debtor.collectorId) return true;
  // An unassigned debtor belongs to no team yet: any lead or manager may take the call.
  return isTeamSenior(actor, debtor.teamId);
}

/** Acknowledging an alarm: the team's lead and manager, admins and the debtor's collector. */
export function canAcknowledgeAlarm(actor: Actor, alarm: { teamId: number | null; collectorId: number | null }): boolean {
  return canLogOutcome(actor, alarm);
}

/** The barrier as far as permissions care: its owner and the debtor's collector and team. */
export interface BarrierOwnership extends DebtorOwnership {
  ownerId: number;
}

/** Resolving a barrier case: its owner, the debtor's collector, the team's lead and manager, admins. */
export function canResolveBarrier(actor: Actor, barrier: BarrierOwnership): boolean {
  return actor.id === barrier.ownerId || canLogOutcome(actor, barrier);
}

/**
 * Holding a debtor's automatic notice for the day: its collector, the team's lead and
 * manager, and admins (whoever may log a contact with the debtor).
 */
export function canHoldNotice(actor: Actor, debtor: DebtorOwnership): boolean {
  return canLogOutcome(actor, debtor);
}

/** What a weekly report on demand shows: a team's, or only one collector's figures in it. */
export type ReportScope = { kind: 'team'; teamId: number } | { kind: 'collector'; teamId: number; collectorId: number } | { kind: 'forbidden' };

/**
 * `/cartera [collector]`: leads and managers get their team's report, or one collector's
 * figures when they name someone of their team; admins the same for anyone. A collector
 * gets only their own figures, whoever they name.
 */
export function reportScope(actor: Actor, named: { id: number; teamId: number } | null): ReportScope {
  if (actor.role === 'collector') return { kind: 'collector', teamId: actor.teamId, collectorId: actor.id };
  if (named === null) return { kind: 'team', teamId: actor.teamId };
  if (actor.role === 'admin' || named.teamId === actor.teamId) return { kind: 'collector', teamId: named.teamId, collectorId: named.id };
  return { kind: 'forbidden' };
}
