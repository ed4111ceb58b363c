// The debtor card `/deudor` answers with (ephemeral). Everything a collector needs before
// picking up the phone, in one screen: who, how much and how late, what was agreed, what
// stands in the way, what was said last, and what to do next. Lists are capped so the
// largest account still fits one message.

import type { IsoDate } from '../../domain/calendar.js';
import { formatMoney } from '../../domain/money.js';
import { MAX_LEVEL } from '../../domain/vocabulary.js';
import type { DebtorSummary } from '../../services/debtor-summary.js';
import { t, type Locale } from '../i18n/index.js';
import { ACTION } from '../ids.js';
import { levelText } from './alarm.js';
import { resolveBarrierButton, resolvedText } from './barrier-resolution.js';
import { actions, button, capLines, context, divider, fieldsSection, header, section } from './elements.js';
import { MAX_SECTION_TEXT } from './limits.js';
import type { KnownBlock, Message } from './slack-types.js';
import { codeLabel, formatDate, formatDayIn, mention, safe } from './text.js';

export interface DebtorCardContext {
  locale: Locale;
  /** What the policy calls the tax id (RFC, CUIT…). */
  taxIdLabel: string;
  today: IsoDate;
  /** Zone in which contact times are shown (the policy's); UTC when not given. */
  timeZone?: string;
}

/** Items shown per list; the rest are counted ("y 45 más"). */
export const CARD_LIST_MAX = 5;
const NOTE_MAX = 300;
const DESCRIPTION_MAX = 200;
const PERSON_MAX = 80;
const ID_MAX = 60;
const REACH_MAX = 80;

const bullet = (line: string) => `• ${line}`;

/** A titled list in one section: capped by count and by the section's length. */
function listSection(title: string, lines: string[], locale: Locale): KnownBlock[] {
  const heading = `*${title}*`;
  const more = (n: number) => `_${t(locale, 'common.andMore', { count: n })}_`;
  const room = MAX_SECTION_TEXT - heading.length - more(lines.length).length - 2;
  const { shown, hidden } = capLines(lines.map(bullet), CARD_LIST_MAX, room);
  const body = [heading, ...shown, ...(hidden > 0 ? [more(hidden)] : [])].join('\n');
  return [section(body)];
}

function totalsLines(summary: DebtorSummary, locale: Locale): string[] {
  return summary.totals
    .filter((total) => total.open !== 0 || total.overdue !== 0)
    .map((total) =>
      t(locale, 'card.balanceLine', {
        currency: total.currency,
        open: formatMoney(total.open, total.currency, locale),
        overdue: formatMoney(total.overdue, total.currency, locale),
      }),
    );
}

function promiseLines(summary: DebtorSummary, ctx: DebtorCardContext): string[] {
  const { locale } = ctx;
  return summary.openPromises.map((p) => {
    const line = t(locale, 'card.promiseLine', { date: formatDate(p.promisedOn, locale), amount: formatMoney(p.amount, p.currency, locale) });
    const today = p.promisedOn === ctx.today ? ` (${t(locale, 'card.today')})` : '';
    const instalment = p.instalmentCount > 1 ? `, ${t(locale, 'card.instalment', { no: p.instalmentNo, count: p.instalmentCount })}` : '';
    return `${line}${today}${instalment}`;
  });
}

function barrierLines(summary: DebtorSummary, ctx: DebtorCardContext): string[] {
  const { locale } = ctx;
  return summary.openBarriers.map((b) => {
    const key = b.dueOn < ctx.today ? 'card.barrierLineOverdue' : 'card.barrierLine';
    const line = t(locale, key, {
      kind: codeLabel(locale, 'barrierKind', b.kind),
      owner: mention(b.owner.slackUserId),
      date: formatDate(b.dueOn, locale),
    });
    const description = b.description.trim() ? `: ${safe(b.description, DESCRIPTION_MAX)}` : '';
    return `${line}${description}`;
  });
}

/** Open barriers, each with its `resolve_barrier` button, then those resolved lately (who, when). */
function barrierBlocks(summary: DebtorSummary, ctx: DebtorCardContext): KnownBlock[] {
  const { locale } = ctx;
  const blocks: KnownBlock[] = [];
  const open = summary.openBarriers;
  if (open.length > 0) {
    blocks.push(section(`*${t(locale, 'card.barriers', { count: open.length })}*`));
    const lines = barrierLines(summary, ctx);
    open.slice(0, CARD_LIST_MAX).forEach((b, i) => blocks.push(section(bullet(lines[i]!), resolveBarrierButton(b.id, locale))));
    if (open.length > CARD_LIST_MAX) blocks.push(context(t(locale, 'common.andMore', { count: open.length - CARD_LIST_MAX })));
  }
  const resolved = summary.resolvedBarriers.map((b) => {
    const resolution = resolvedText({ bySlackId: b.resolvedBySlackId, at: b.resolvedAt }, ctx.timeZone ?? 'UTC', locale);
    return `${codeLabel(locale, 'barrierKind', b.kind)} · ${resolution}`;
  });
  if (resolved.length > 0) blocks.push(...listSection(t(locale, 'barrierResolution.recent'), resolved, locale));
  return blocks;
}

function pressureLines(summary: DebtorSummary, locale: Locale): string[] {
  return summary.pendingPressures.map((p) =>
    t(locale, 'card.pressureLine', { consequence: codeLabel(locale, 'consequence', p.consequence), date: formatDate(p.deadline, locale) }),
  );
}

function contactLines(summary: DebtorSummary, ctx: DebtorCardContext): string[] {
  const { locale } = ctx;
  return summary.lastContacts.map((c) => {
    const head = t(locale, 'card.contactLine', {
      date: formatDayIn(c.contactedAt, ctx.timeZone ?? 'UTC', locale),
      objective: codeLabel(locale, 'objective', c.outcomeType),
      channel: codeLabel(locale, 'channel', c.channel),
      author: safe(c.author, PERSON_MAX),
    });
    const who = c.reached
      ? c.contactName
        ? t(locale, 'card.reachedWith', { name: safe(c.contactName, PERSON_MAX) })
        : t(locale, 'card.reached')
      : t(locale, 'card.notReached');
    const note = c.note.trim() ? `\n   _${safe(c.note, NOTE_MAX)}_` : '';
    return `${head} (${who})${note}`;
  });
}

/** One person on the debtor's side: name, ladder level, then each way to reach them that is known. */
function personLines(summary: DebtorSummary, locale: Locale): string[] {
  return summary.contacts.map((c) => {
    const ways = (['phone', 'email', 'whatsapp'] as const)
      .filter((way) => c[way].trim() !== '')
      .map((way) => `${t(locale, `card.${way}`)} ${safe(c[way], REACH_MAX)}`);
    return [`*${safe(c.name, PERSON_MAX)}*`, levelText(c.level, locale), ...ways].join(' · ');
  });
}

/** The status that applies; under it who decided it and when, and the ERP's status when the team's differs. */
function creditText(summary: DebtorSummary, ctx: DebtorCardContext): string {
  const { locale } = ctx;
  const label = (status: string) => codeLabel(locale, 'creditStatus', status);
  const { erp, decision } = summary.credit;
  const lines = [label(summary.debtor.creditStatus)];
  if (decision) {
    const date = formatDayIn(decision.decidedAt, ctx.timeZone ?? 'UTC', locale);
    lines.push(
      decision.decidedBy
        ? `_${t(locale, `cardCredit.decided.${decision.status}`, { author: mention(decision.decidedBy.slackUserId), date })}_`
        : `_${t(locale, 'cardCredit.byLadder', { level: MAX_LEVEL, date })}_`,
    );
    if (decision.status !== erp) lines.push(`_${t(locale, 'cardCredit.erp', { status: label(erp) })}_`);
  }
  return lines.join('\n');
}

export function debtorCard(summary: DebtorSummary, ctx: DebtorCardContext): Message {
  const { locale } = ctx;
  const { debtor } = summary;
  const field = (label: string, value: string) => `*${label}*\n${value}`;
  const oldest = summary.oldestOverdueDays > 0 ? t(locale, 'card.oldestDays', { days: summary.oldestOverdueDays }) : t(locale, 'card.nothingOverdue');

  const blocks: KnownBlock[] = [
    header(debtor.name),
    context(
      t(locale, 'card.ids', {
        externalId: safe(debtor.externalId, ID_MAX),
        taxIdLabel: safe(ctx.taxIdLabel, ID_MAX),
        taxId: safe(debtor.taxId, ID_MAX) || '—',
      }),
    ),
    fieldsSection([
      field(t(locale, 'card.collector'), summary.collector ? mention(summary.collector.slackUserId) : `_${t(locale, 'common.noCollector')}_`),
      field(t(locale, 'card.level'), levelText(debtor.escalationLevel, locale)),
      field(t(locale, 'card.credit'), creditText(summary, ctx)),
      field(t(locale, 'card.oldest'), oldest),
    ]),
  ];

  const totals = totalsLines(summary, locale);
  blocks.push(...(totals.length > 0 ? listSection(t(locale, 'card.balances'), totals, locale) : [section(t(locale, 'card.noBalance'))]));

  const objective = t(locale, `objective.${summary.suggestion.objective}`);
  const reason = t(locale, `reason.${summary.suggestion.reason.code}`, summary.suggestion.reason.params);
  blocks.push(divider(), section(`*${t(locale, 'card.nextAction')}: ${objective}*\n${reason}`));

  blocks.push(
    ...(summary.contacts.length > 0
      ? listSection(t(locale, 'card.people'), personLines(summary, locale), locale)
      : [context(t(locale, 'card.noPeople'))]),
  );

  if (summary.openPromises.length > 0) {
    blocks.push(...listSection(t(locale, 'card.promises', { count: summary.openPromises.length }), promiseLines(summary, ctx), locale));
  }
  blocks.push(...barrierBlocks(summary, ctx));
  if (summary.pendingPressures.length > 0) {
    blocks.push(...listSection(t(locale, 'card.pressures', { count: summary.pendingPressures.length }), pressureLines(summary, locale), locale));
  }
  blocks.push(
    ...(summary.lastContacts.length > 0
      ? listSection(t(locale, 'card.contacts'), contactLines(summary, ctx), locale)
      : [context(t(locale, 'card.noContacts'))]),
  );

  blocks.push(actions(button(t(locale, 'common.logOutcome'), ACTION.logOutcome, String(debtor.id), 'primary')));

  const overdue = summary.totals.filter((x) => x.overdue > 0).map((x) => formatMoney(x.overdue, x.currency, locale));
  const name = safe(debtor.name, 150);
  const text =
    overdue.length > 0
      ? t(locale, 'card.fallback', { name, overdue: overdue.slice(0, 3).join(' + ') })
      : t(locale, 'card.fallbackNoOverdue', { name });
  return { text, blocks };
}
