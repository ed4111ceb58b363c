export { recordReceivableHistory } from './history.js';
export { weeklyReport, weeklyReports, HISTORY_WEEKS, type WeeklyReportInput, type WeeklyReportsInput } from './weekly-report.js';
export { teamsWithReports } from './teams.js';
export { isWeekLabel, previousWeek, reportWeek, reportWeekOf, weeksEndingWith } from './week.js';
export type * from './types.js';
