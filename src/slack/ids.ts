// Slack ids are a contract (DESIGN.md): builders and listeners both take them from here.

/** Button and select `action_id`s. */
export const ACTION = {
  logOutcome: 'log_outcome',
  openDebtor: 'open_debtor',
  ackAlarm: 'ack_alarm',
  /** Closes a barrier case; the value is the barrier's id. */
  resolveBarrier: 'resolve_barrier',
  /** The outcome type select inside the modal: choosing one redraws the modal. */
  outcomeType: 'outcome_type',
  /** Keeps a notice email from going out today; the value is the notice's id. */
  holdNotice: 'hold_notice',
} as const;

/**
 * `block_id`s that tell a listener which kind of message a button was clicked in, so it
 * can redraw that message (the same button sits in a DM and in an alarm).
 */
export const BLOCK = {
  barrierAssigned: 'barrier_assigned',
  alarmActions: 'alarm_actions',
} as const;

/** The block of one planned notice in the morning's notices message, so a hold redraws just it. */
export const noticeBlockId = (noticeId: number): string => `notice:${noticeId}`;

export function parseNoticeBlockId(blockId: string | undefined): number | undefined {
  const m = /^notice:(\d+)$/.exec(blockId ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Modal `callback_id`s. */
export const VIEW = {
  logOutcome: 'log_outcome',
} as const;

/** Input `block_id`s of the outcome modal; the domain's validation names its fields after them. */
export { OUTCOME_FIELD as FIELD, type OutcomeFieldId as FieldId } from '../domain/outcome.js';

/** The slash command. */
export const COMMAND = '/deudor';

/** The weekly report on demand: `/cartera [collector]`. */
export const CARTERA = '/cartera';
