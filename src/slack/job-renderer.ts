import type { Policy } from '../domain/policy.js';
import type { JobRenderer } from '../jobs/job-deps.js';
import { toAlarmView } from './alarm-view.js';
import { alarmMessage, dailyListMessages, leadSummaryMessage, noticesTodayMessages } from './blocks/index.js';
import { weeklyReportMessage } from './blocks/weekly-report.js';
import { weeklyReportCharts } from './weekly-report-files.js';

/** The jobs' messages, in the policy's language. */
export function jobRenderer(policy: Policy): JobRenderer {
  const { locale, timeZone } = policy;
  return {
    dailyList: (input) => dailyListMessages({ ...input, locale }),
    leadSummary: (input) => leadSummaryMessage({ ...input, locale }),
    noticesToday: (input) => noticesTodayMessages({ ...input, sendTime: policy.notices.sendTime, locale }),
    alarm: (alarm) => alarmMessage(toAlarmView(alarm, timeZone), locale),
    weeklyReport: (report) => weeklyReportMessage(report, locale),
    weeklyReportCharts: (report) => weeklyReportCharts(report, locale),
  };
}
