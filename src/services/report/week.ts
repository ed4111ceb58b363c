// The weeks a report is about; the ISO week arithmetic itself is pure (src/domain/report-week.ts).
export { isWeekLabel, previousWeek, reportWeek, reportWeekOf, weeksEndingWith } from '../../domain/report-week.js';
