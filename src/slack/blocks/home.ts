// The App Home tab: today's list with its buttons, open promises by date, open barriers
// with their resolve buttons and those resolved lately, and, for a lead, the team's alarms
// still waiting for someone. Each part is capped so the whole tab stays inside Slack's 100
// blocks however large the portfolio.

import type { IsoDate } from '../../domain/calendar.js';
import { formatMoney } from '../../domain/money.js';
import type { BarrierKind } from '../../domain/vocabulary.js';
import type { WorkItem } from '../../services/worklist.js';
import { t, type Locale } from '../i18n/index.js';
import { ackButton, alarmText, type AlarmView } from './alarm.js';
import { resolveBarrierButton, resolvedText, type BarrierResolution } from './barrier-resolution.js';
import { capLines, context, divider, header, section } from './elements.js';
import { MAX_SECTION_TEXT } from './limits.js';
import type { HomeView, KnownBlock } from './slack-types.js';
import { formatDate, formatShortDate, mention, safe } from './text.js';
import { workItemSection } from './work-item.js';

export interface HomePromise {
  debtorId: number;
  debtorName: string;
  promisedOn: IsoDate;
  amount: number;
  currency: string;
  instalmentNo: number;
  instalmentCount: number;
}

export interface HomeBarrier {
  id: number;
  debtorId: number;
  debtorName: string;
  kind: BarrierKind;
  dueOn: IsoDate;
  ownerSlackId: string;
}

export interface HomeResolvedBarrier {
  id: number;
  debtorId: number;
  debtorName: string;
  kind: BarrierKind;
  resolution: BarrierResolution;
}

export interface HomeInput {
  locale: Locale;
  today: IsoDate;
  userName: string;
  worklist: WorkItem[];
  promises: HomePromise[];
  barriers: HomeBarrier[];
  /** Barriers resolved lately, newest first. */
  resolvedBarriers: HomeResolvedBarrier[];
  /** Zone in which resolution times are shown (the policy's). */
  timeZone: string;
  /** A lead's team alarms; null for everyone else (the section is not shown). */
  alarms: AlarmView[] | null;
}

/** Debtors of today's list shown with their button; the full list is in the DM. */
export const HOME_WORKLIST_MAX = 20;
/** Lines of promises, and of barriers resolved lately. */
export const HOME_LINES_MAX = 15;
/** Open barriers shown with their button. */
export const HOME_BARRIERS_MAX = 15;
/** Alarms shown with their button. */
export const HOME_ALARMS_MAX = 15;
const NAME_MAX = 80;

const more = (locale: Locale, count: number) => context(t(locale, 'common.andMore', { count }));

function lineList(lines: string[], empty: string, locale: Locale): KnownBlock[] {
  if (lines.length === 0) return [context(empty)];
  const { shown, hidden } = capLines(lines, HOME_LINES_MAX, MAX_SECTION_TEXT);
  return [section(shown.join('\n')), ...(hidden > 0 ? [more(locale, hidden)] : [])];
}

function todayBlocks(input: HomeInput): KnownBlock[] {
  const { locale, worklist } = input;
  const count = worklist.length;
  const blocks: KnownBlock[] = [header(t(locale, 'home.today', { date: formatShortDate(input.today, locale) }))];
  if (count === 0) return [...blocks, context(t(locale, 'home.todayEmpty'))];
  blocks.push(context(count === 1 ? t(locale, 'home.todayCountOne') : t(locale, 'home.todayCount', { count })));
  blocks.push(...worklist.slice(0, HOME_WORKLIST_MAX).map((item) => workItemSection(item, locale)));
  if (count > HOME_WORKLIST_MAX) blocks.push(more(locale, count - HOME_WORKLIST_MAX));
  return blocks;
}

function promiseBlocks(input: HomeInput): KnownBlock[] {
  const { locale } = input;
  const lines = [...input.promises]
    .sort((a, b) => a.promisedOn.localeCompare(b.promisedOn) || a.debtorName.localeCompare(b.debtorName, 'es'))
    .map((p) => {
      const instalment = p.instalmentCount > 1 ? ` (${p.instalmentNo}/${p.instalmentCount})` : '';
      return `• ${formatDate(p.promisedOn, locale)} · *${safe(p.debtorName, NAME_MAX)}* · ${formatMoney(p.amount, p.currency, locale)}${instalment}`;
    });
  return [header(t(locale, 'home.promises')), ...lineList(lines, t(locale, 'home.promisesEmpty'), locale)];
}

function barrierBlocks(input: HomeInput): KnownBlock[] {
  const { locale } = input;
  const open = [...input.barriers].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.debtorName.localeCompare(b.debtorName, 'es'));
  const blocks: KnownBlock[] = [header(t(locale, 'home.barriers'))];
  if (open.length === 0) blocks.push(context(t(locale, 'home.barriersEmpty')));
  for (const b of open.slice(0, HOME_BARRIERS_MAX)) {
    const late = b.dueOn < input.today ? ` _(${t(locale, 'home.overdue')})_` : '';
    const line = `${formatDate(b.dueOn, locale)}${late} · *${safe(b.debtorName, NAME_MAX)}* · ${t(locale, `barrierKind.${b.kind}`)} · ${mention(b.ownerSlackId)}`;
    blocks.push(section(line, resolveBarrierButton(b.id, locale)));
  }
  if (open.length > HOME_BARRIERS_MAX) blocks.push(more(locale, open.length - HOME_BARRIERS_MAX));
  return [...blocks, ...resolvedBarrierBlocks(input)];
}

/** Under the open barriers, those resolved lately: who resolved them (or that nobody had to) and when. */
function resolvedBarrierBlocks(input: HomeInput): KnownBlock[] {
  const { locale } = input;
  if (input.resolvedBarriers.length === 0) return [];
  const lines = input.resolvedBarriers.map(
    (b) => `• *${safe(b.debtorName, NAME_MAX)}* · ${t(locale, `barrierKind.${b.kind}`)} · ${resolvedText(b.resolution, input.timeZone, locale)}`,
  );
  const heading = `*${t(locale, 'barrierResolution.recent')}*`;
  const { shown, hidden } = capLines(lines, HOME_LINES_MAX, MAX_SECTION_TEXT - heading.length - 1);
  return [section([heading, ...shown].join('\n')), ...(hidden > 0 ? [more(locale, hidden)] : [])];
}

function alarmBlocks(alarms: AlarmView[], locale: Locale): KnownBlock[] {
  const open = alarms.filter((a) => a.acknowledged === null);
  const blocks: KnownBlock[] = [header(t(locale, 'home.alarms'))];
  if (open.length === 0) return [...blocks, context(t(locale, 'home.alarmsEmpty'))];
  for (const alarm of open.slice(0, HOME_ALARMS_MAX)) {
    blocks.push(section(`*${safe(alarm.debtor.name, NAME_MAX)}*: ${alarmText(alarm, locale)}`, ackButton(alarm.id, locale)));
  }
  if (open.length > HOME_ALARMS_MAX) blocks.push(more(locale, open.length - HOME_ALARMS_MAX));
  return blocks;
}

export function homeView(input: HomeInput): HomeView {
  const { locale } = input;
  const blocks: KnownBlock[] = [
    header(t(locale, 'home.greeting', { name: input.userName })),
    ...todayBlocks(input),
    divider(),
    ...promiseBlocks(input),
    divider(),
    ...barrierBlocks(input),
  ];
  // A lead sees the team's alarms first thing after their own work.
  if (input.alarms !== null) blocks.push(divider(), ...alarmBlocks(input.alarms, locale));
  return { type: 'home', blocks };
}
