import type { AlarmRecord } from '../services/alarms.js';
import { barrierResolutionOf } from './barrier-view.js';
import type { AlarmView } from './blocks/index.js';

/** What the alarms job stores in `alarms.details`: message parameters and whom to mention. */
export interface AlarmDetails {
  params?: Record<string, string | number | null>;
  mentions?: string[];
}

export function toAlarmView(alarm: AlarmRecord, timeZone: string): AlarmView {
  const details = alarm.details as AlarmDetails;
  return {
    id: alarm.id,
    kind: alarm.kind,
    debtor: { id: alarm.debtorId, name: alarm.debtorName },
    details: details.params ?? {},
    mentions: details.mentions ?? [],
    acknowledged:
      alarm.acknowledgedAt && alarm.acknowledgedBySlackId ? { bySlackId: alarm.acknowledgedBySlackId, at: alarm.acknowledgedAt } : null,
    barrier: alarm.barrier && { id: alarm.barrier.id, resolved: barrierResolutionOf(alarm.barrier) },
    timeZone,
  };
}
