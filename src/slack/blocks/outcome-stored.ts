// The confirmation that replaces the outcome modal once the contact is stored: what was
// recorded and the follow-up the system now keeps (promise, plan, barrier, deadline).

import { formatMoney } from '../../domain/money.js';
import type { Outcome, PaymentPlan } from '../../domain/outcome.js';
import { t, type Locale } from '../i18n/index.js';
import { context, plain, section } from './elements.js';
import { MAX_MODAL_TITLE } from './limits.js';
import type { KnownBlock, ModalView } from './slack-types.js';
import { codeLabel, formatDate, mention, safe } from './text.js';

const NOTE_MAX = 1000;
const NAME_MAX = 200;

function planLine(plan: PaymentPlan, locale: Locale): string {
  return t(locale, 'stored.plan', {
    count: plan.instalments,
    date: formatDate(plan.firstDate, locale),
    amount: formatMoney(plan.amount, plan.currency, locale),
  });
}

/** The follow-up lines of each outcome type. */
function followUp(outcome: Outcome, locale: Locale): string[] {
  switch (outcome.type) {
    case 'reminder':
      return [t(locale, 'stored.reminder')];
    case 'commitment':
      return [
        outcome.instalments > 1
          ? planLine({ currency: outcome.currency, amount: outcome.amount, firstDate: outcome.promisedOn, instalments: outcome.instalments }, locale)
          : t(locale, 'stored.promise', { amount: formatMoney(outcome.amount, outcome.currency, locale), date: formatDate(outcome.promisedOn, locale) }),
      ];
    case 'barrier': {
      const lines = [
        t(locale, 'stored.barrier', {
          kind: codeLabel(locale, 'barrierKind', outcome.barrierKind),
          owner: mention(outcome.ownerSlackId),
          date: formatDate(outcome.dueOn, locale),
        }),
      ];
      if (outcome.description) lines.push(t(locale, 'stored.description', { text: safe(outcome.description, NOTE_MAX) }));
      return lines;
    }
    case 'pressure':
      return [
        t(locale, 'stored.pressure', {
          consequence: codeLabel(locale, 'consequence', outcome.consequence),
          date: formatDate(outcome.deadline, locale),
        }),
      ];
    case 'terms_change': {
      const lines = [t(locale, 'stored.terms', { terms: codeLabel(locale, 'termsKind', outcome.newTerms) })];
      if (outcome.plan) lines.push(planLine(outcome.plan, locale));
      if (outcome.newDueDate) lines.push(t(locale, 'stored.newDueDate', { date: formatDate(outcome.newDueDate, locale) }));
      if (outcome.details) lines.push(t(locale, 'stored.details', { text: safe(outcome.details, NOTE_MAX) }));
      return lines;
    }
  }
}

/** For `ack({ response_action: 'update', view })` after a valid submission. */
export function outcomeStoredView(input: { debtorName: string; outcome: Outcome; locale: Locale }): ModalView {
  const { outcome, locale } = input;
  const summary = t(locale, 'stored.summary', {
    name: safe(input.debtorName, NAME_MAX),
    objective: t(locale, `objective.${outcome.type}`),
    channel: t(locale, `channel.${outcome.channel}`),
  });
  const reached = t(locale, outcome.reached ? 'stored.reached' : 'stored.notReached');
  const next = outcome.nextContactOn
    ? t(locale, 'stored.nextContact', { date: formatDate(outcome.nextContactOn, locale) })
    : t(locale, 'stored.noNextContact');
  const blocks: KnownBlock[] = [
    section(`${summary}\n${reached}`),
    section([`*${t(locale, 'stored.followUp')}*`, ...followUp(outcome, locale), next].join('\n')),
  ];
  if (outcome.note) blocks.push(context(t(locale, 'stored.note', { text: safe(outcome.note, NOTE_MAX) })));
  return {
    type: 'modal',
    title: plain(t(locale, 'stored.title'), MAX_MODAL_TITLE),
    close: plain(t(locale, 'stored.close'), MAX_MODAL_TITLE),
    blocks,
  };
}
