import { addDays, calendarOf, isWorkingDay, type IsoDate } from '../domain/calendar.js';
import { collectorDays } from '../services/daily-summary.js';
import { enqueueMessages, type OutgoingMessage } from '../services/outbox.js';
import { listTeams } from '../services/teams.js';
import { listWorkers } from '../services/users.js';
import { allWorklists } from '../services/worklist.js';
import type { JobDeps, JobOutcome } from './job-deps.js';
import { runOnce } from './run-once.js';

export interface DailyListSummary {
  collectors: number;
  debtors: number;
  messages: number;
  summaries: number;
}

/** The previous working day (the lead's summary covers everything since then). */
function previousWorkingDay(cal: ReturnType<typeof calendarOf>, date: IsoDate): IsoDate {
  let day = date;
  do {
    day = addDays(day, -1);
  } while (!isWorkingDay(cal, day));
  return day;
}

/**
 * Every working morning: one DM per collector with today's debtors in priority order
 * (or a short "nothing today"), then a summary for each team's lead in its alarm channel.
 * All messages go to the outbox with the job's run row, in one transaction.
 */
export async function dailyListJob(deps: JobDeps, date: IsoDate): Promise<JobOutcome<DailyListSummary>> {
  const cal = calendarOf(deps.policy);
  if (!isWorkingDay(cal, date)) return { status: 'not_working_day' };
  const result = await runOnce(
    deps.db,
    'daily-list',
    date,
    async (tx) => {
      const lists = await allWorklists(tx, deps.policy, date);
      const messages: OutgoingMessage[] = [];
      let debtors = 0;
      const workers = await listWorkers(tx);
      for (const worker of workers) {
        const items = lists.get(worker.id) ?? [];
        // Leads and managers with no debtors of their own get no list.
        if (items.length === 0 && worker.role !== 'collector') continue;
        debtors += items.length;
        for (const payload of deps.render.dailyList({ collectorName: worker.name, date, items })) {
          messages.push({ channel: worker.slackUserId, payload });
        }
      }
      const collectorMessages = messages.length;
      const onList = new Map([...lists].map(([id, items]) => [id, items.length]));
      const days = await collectorDays(tx, { today: date, since: previousWorkingDay(cal, date), timeZone: deps.policy.timeZone, onList });
      let summaries = 0;
      for (const team of await listTeams(tx)) {
        if (!team.alarmChannel) continue;
        const collectors = days.filter((d) => d.teamId === team.id);
        if (collectors.length === 0) continue;
        messages.push({ channel: team.alarmChannel, payload: deps.render.leadSummary({ teamName: team.name, date, collectors }) });
        summaries++;
      }
      await enqueueMessages(tx, messages);
      return { collectors: workers.length, debtors, messages: collectorMessages, summaries };
    },
    (s) => `${s.collectors} collectors, ${s.debtors} debtors, ${s.messages} messages, ${s.summaries} team summaries`,
  );
  return result.ran ? { status: 'ran', summary: result.summary } : { status: 'already_ran' };
}
