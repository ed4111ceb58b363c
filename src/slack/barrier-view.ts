import type { BarrierRecord } from '../services/barriers.js';
import type { BarrierAssignedInput, BarrierResolution } from './blocks/index.js';

/** Who resolved a barrier and when; null while it is open. */
export function barrierResolutionOf(barrier: { resolvedAt: Date | null; resolvedBySlackId: string | null }): BarrierResolution | null {
  return barrier.resolvedAt ? { bySlackId: barrier.resolvedBySlackId, at: barrier.resolvedAt } : null;
}

/** The owner's DM about a barrier, as it stands now. */
export function toBarrierAssigned(barrier: BarrierRecord, timeZone: string): BarrierAssignedInput {
  return {
    barrierId: barrier.id,
    debtorName: barrier.debtorName,
    debtorId: barrier.debtorId,
    kind: barrier.kind,
    description: barrier.description,
    dueOn: barrier.dueOn,
    // Every barrier is logged from a contact today; one that is not reads as self-assigned.
    assignedBySlackId: barrier.assignedBySlackId ?? barrier.ownerSlackId,
    resolved: barrierResolutionOf(barrier),
    timeZone,
  };
}
