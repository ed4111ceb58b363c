// The automatic notices to debtors: the day's triggers, the holds, and the emails.
export { planNotices, type PlanResult } from './plan.js';
export { holdNotice, type HoldResult } from './hold.js';
export { plannedNoticesByCollector, type PlannedNotice } from './planned.js';
export { queueNotices, type QueueResult } from './queue.js';
export { emailsAfter, lastEmailId, type QueuedEmail } from './emails.js';
export { buildStatement } from './statement.js';
export { NOTICE_BARRIER_KINDS, type NoticeSkipReason } from './day.js';
