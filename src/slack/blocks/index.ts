// Block Kit builders: pure functions from data to Slack messages and views. Listeners
// and jobs import them from here.

export { MAX_MESSAGE_BLOCKS, MAX_VIEW_BLOCKS, MESSAGE_TEXT_BUDGET, textLength, truncate } from './limits.js';
export type { HomeView, KnownBlock, Message, ModalView } from './slack-types.js';
export { formatDate, formatDateTime, formatShortDate } from './text.js';

export { alarmMessage, ALARM_KINDS, type AlarmKind, type AlarmView } from './alarm.js';
export { barrierAssignedMessage, type BarrierAssignedInput } from './barrier-assigned.js';
export { alreadyResolvedMessage, type BarrierResolution } from './barrier-resolution.js';
export { dailyListMessages, nothingTodayMessage, type DailyListInput } from './daily-list.js';
export { debtorCard, type DebtorCardContext } from './debtor-card.js';
export { debtorNotFound, debtorPickList, deudorHelp } from './debtor-search.js';
export { errorMessage, refusalMessage, type ErrorKind, type Refusal } from './errors.js';
export { importFailedMessage, type ImportFailure } from './import-failed.js';
export { homeView, type HomeBarrier, type HomeInput, type HomePromise, type HomeResolvedBarrier } from './home.js';
export {
  NO_CONTACT,
  outcomeErrors,
  outcomeModal,
  readOutcomeForm,
  type OutcomeFormValues,
  type OutcomeModalInput,
  type ViewStateValue,
  type ViewStateValues,
} from './outcome-modal.js';
export { readOutcomeMetadata, type OutcomeMetadata } from './outcome-metadata.js';
export { outcomeStoredView } from './outcome-stored.js';
export { leadSummaryMessage, type LeadSummaryInput } from './lead-summary.js';
export { markNoticeHeld, noticeAlreadySentMessage, noticesTodayMessages } from './notices-today.js';
export { collectorNotFoundMessage, weeklyReportMessage } from './weekly-report.js';
