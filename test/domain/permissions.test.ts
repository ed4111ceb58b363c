import { describe, expect, test } from 'vitest';
import {
  canAcknowledgeAlarm,
  canHoldNotice,
  canLogOutcome,
  canResolveBarrier,
  reportScope,
  type Actor,
  type BarrierOwnership,
  type ReportScope,
} from '../../src/domain/permissions.js';

const NORTE = 1;
const SUR = 2;
const collector: Actor = { id: 10, role: 'collector', teamId: NORTE };
const otherCollector: Actor = { id: 11, role: 'collector', teamId: NORTE };
const lead: Actor = { id: 20, role: 'lead', teamId: NORTE };
const southLead: Actor = { id: 21, role: 'lead', teamId: SUR };
const manager: Actor = { id: 30, role: 'manager', teamId: NORTE };
const admin: Actor = { id: 40, role: 'admin', teamId: SUR };

const ownDebtor = { collectorId: 10, teamId: NORTE };
const unassigned = { collectorId: null, teamId: null };

describe('canLogOutcome', () => {
  test.each<[string, Actor, { collectorId: number | null; teamId: number | null }, boolean]>([
    ['its collector', collector, ownDebtor, true],
    ['another collector of the same team', otherCollector, ownDebtor, false],
    ["the team's lead", lead, ownDebtor, true],
    ["another team's lead", southLead, ownDebtor, false],
    ["the team's manager", manager, ownDebtor, true],
    ['an admin of any team', admin, ownDebtor, true],
    ['a collector, unassigned debtor', collector, unassigned, false],
    ['any lead, unassigned debtor', southLead, unassigned, true],
  ])('%s', (_name, actor, debtor, expected) => {
    expect(canLogOutcome(actor, debtor)).toBe(expected);
  });
});

describe('canAcknowledgeAlarm', () => {
  test.each<[string, Actor, boolean]>([
    ["the debtor's collector", collector, true],
    ['another collector', otherCollector, false],
    ["the team's lead", lead, true],
    ["another team's lead", southLead, false],
    ['an admin', admin, true],
  ])('%s', (_name, actor, expected) => {
    expect(canAcknowledgeAlarm(actor, { teamId: NORTE, collectorId: 10 })).toBe(expected);
  });
});

describe('canResolveBarrier', () => {
  // The owner is often someone outside collections (billing, sales): id 50, another team.
  const owner: Actor = { id: 50, role: 'collector', teamId: SUR };
  const southManager: Actor = { id: 31, role: 'manager', teamId: SUR };
  const ownBarrier: BarrierOwnership = { ownerId: 50, collectorId: 10, teamId: NORTE };
  const unassignedBarrier: BarrierOwnership = { ownerId: 50, collectorId: null, teamId: null };

  test.each<[string, Actor, BarrierOwnership, boolean]>([
    ['its owner, of another team', owner, ownBarrier, true],
    ["the debtor's collector", collector, ownBarrier, true],
    ['another collector of the same team', otherCollector, ownBarrier, false],
    ["the team's lead", lead, ownBarrier, true],
    ["the team's manager", manager, ownBarrier, true],
    ["another team's lead", southLead, ownBarrier, false],
    ["another team's manager", southManager, ownBarrier, false],
    ['an admin of any team', admin, ownBarrier, true],
    ['its owner, unassigned debtor', owner, unassignedBarrier, true],
    ['a collector, unassigned debtor', collector, unassignedBarrier, false],
    ['any lead, unassigned debtor', southLead, unassignedBarrier, true],
  ])('%s', (_name, actor, barrier, expected) => {
    expect(canResolveBarrier(actor, barrier)).toBe(expected);
  });
});

describe('canHoldNotice', () => {
  test.each<[string, Actor, { collectorId: number | null; teamId: number | null }, boolean]>([
    ["the debtor's collector", collector, ownDebtor, true],
    ['another collector of the same team', otherCollector, ownDebtor, false],
    ["the team's lead", lead, ownDebtor, true],
    ["the team's manager", manager, ownDebtor, true],
    ["another team's lead", southLead, ownDebtor, false],
    ['an admin of any team', admin, ownDebtor, true],
    ['a collector, unassigned debtor', collector, unassigned, false],
  ])('%s', (_name, actor, debtor, expected) => {
    expect(canHoldNotice(actor, debtor)).toBe(expected);
  });
});

describe('reportScope (/cartera)', () => {
  const northCollector = { id: 11, teamId: NORTE };
  const southCollector = { id: 12, teamId: SUR };
  test.each<[string, Actor, { id: number; teamId: number } | null, ReportScope]>([
    ['a collector naming no one: their own figures', collector, null, { kind: 'collector', teamId: NORTE, collectorId: 10 }],
    ['a collector naming a colleague: still their own', collector, northCollector, { kind: 'collector', teamId: NORTE, collectorId: 10 }],
    ['a collector naming someone of another team: their own', collector, southCollector, { kind: 'collector', teamId: NORTE, collectorId: 10 }],
    ['a lead naming no one: the team', lead, null, { kind: 'team', teamId: NORTE }],
    ['a lead naming a collector of the team', lead, northCollector, { kind: 'collector', teamId: NORTE, collectorId: 11 }],
    ['a lead naming a collector of another team', lead, southCollector, { kind: 'forbidden' }],
    ['a manager naming no one: the team', manager, null, { kind: 'team', teamId: NORTE }],
    ['a manager naming a collector of the team', manager, northCollector, { kind: 'collector', teamId: NORTE, collectorId: 11 }],
    ['a manager naming a collector of another team', manager, southCollector, { kind: 'forbidden' }],
    ['an admin naming no one: their team', admin, null, { kind: 'team', teamId: SUR }],
    ['an admin naming a collector of another team', admin, northCollector, { kind: 'collector', teamId: NORTE, collectorId: 11 }],
    ['a lead of another team naming one of theirs', southLead, southCollector, { kind: 'collector', teamId: SUR, collectorId: 12 }],
  ])('%s', (_name, actor, named, scope) => {
    expect(reportScope(actor, named)).toEqual(scope);
  });
});
