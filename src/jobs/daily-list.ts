import { setImmediate as nextTurn } from 'node:timers/promises';
import { addDays, calendarOf, isWorkingDay, type IsoDate } from '../domain/calendar.js';
import { collectorDays } from '../services/daily-summary.js';
import { planNotices, plannedNoticesByCollector, type PlannedNotice } from '../services/notices/index.js';
import { enqueueMessages, type OutgoingMessage } from '../services/outbox.js';
import { listTeams } from '../services/teams.js';
import { listWorkers } from '../services/users.js';
import { allWorklists } from '../services/worklist.js';
import { awaitedLater } from './awaited-later.js';
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

/** Messages are queued in batches of this many while the rest are still being rendered. */
const QUEUE_BATCH = 50;

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
      // The day's notice triggers exist before the lists are made, so a DM can offer to hold them.
      const notices = deps.policy.notices.enabled ? await planNotices(tx, deps.policy, date).then(() => plannedNoticesByCollector(tx, date)) : new Map<number, PlannedNotice[]>();
      // Every query is asked at once: the database answers the later ones, and stores each
      // batch of messages, while this process renders the lists.
      const asked = {
        lists: awaitedLater(allWorklists(tx, deps.policy, date)),
        workers: awaitedLater(listWorkers(tx)),
        teams: awaitedLater(listTeams(tx)),
        activity: awaitedLater(collectorDays(tx, { today: date, since: previousWorkingDay(cal, date), timeZone: deps.policy.timeZone })),
      };
      const stored: Promise<void>[] = [];
      let batch: OutgoingMessage[] = [];
      // A full batch is sent off before the next is rendered: the turn given up lets the
      // database store it while this process renders, rather than after the last list.
      const queue = async (message: OutgoingMessage) => {
        batch.push(message);
        if (batch.length < QUEUE_BATCH) return;
        stored.push(awaitedLater(enqueueMessages(tx, batch)));
        batch = [];
        await nextTurn();
      };

      const lists = await asked.lists;
      const workers = await asked.workers;
      let debtors = 0;
      let messages = 0;
      for (const worker of workers) {
        const items = lists.get(worker.id) ?? [];
        // Leads and managers with no debtors of their own get no list.
        if (items.length === 0 && worker.role !== 'collector') continue;
        debtors += items.length;
        const payloads = [...deps.render.dailyList({ collectorName: worker.name, date, items }), ...deps.render.noticesToday({ items: notices.get(worker.id) ?? [] })];
        for (const payload of payloads) {
          await queue({ channel: worker.slackUserId, payload });
          messages++;
        }
      }
      const days = (await asked.activity).map((a) => ({ ...a, onList: lists.get(a.collectorId)?.length ?? 0 }));
      let summaries = 0;
      for (const team of await asked.teams) {
        if (!team.alarmChannel) continue;
        const collectors = days.filter((d) => d.teamId === team.id);
        if (collectors.length === 0) continue;
        await queue({ channel: team.alarmChannel, payload: deps.render.leadSummary({ teamName: team.name, date, collectors }) });
        summaries++;
      }
      stored.push(enqueueMessages(tx, batch));
      await Promise.all(stored);
      return { collectors: workers.length, debtors, messages, summaries };
    },
    (s) => `${s.collectors} collectors, ${s.debtors} debtors, ${s.messages} messages, ${s.summaries} team summaries`,
  );
  return result.ran ? { status: 'ran', summary: result.summary } : { status: 'already_ran' };
}
