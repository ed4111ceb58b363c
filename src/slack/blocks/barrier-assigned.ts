// DM to the person who now owns a payment barrier: whose, what, by when, and the card.

import type { IsoDate } from '../../domain/calendar.js';
import type { BarrierKind } from '../../domain/vocabulary.js';
import { t, type Locale } from '../i18n/index.js';
import { ACTION } from '../ids.js';
import { button, section } from './elements.js';
import type { KnownBlock, Message } from './slack-types.js';
import { formatDate, mention, safe } from './text.js';

const NAME_MAX = 150;
const DESCRIPTION_MAX = 1500;

export interface BarrierAssignedInput {
  debtorName: string;
  debtorId: number;
  kind: BarrierKind;
  description: string;
  dueOn: IsoDate;
  assignedBySlackId: string;
}

export function barrierAssignedMessage(input: BarrierAssignedInput, locale: Locale): Message {
  const assigner = mention(input.assignedBySlackId);
  const name = safe(input.debtorName, NAME_MAX);
  const kind = t(locale, `barrierKind.${input.kind}`);
  const date = formatDate(input.dueOn, locale);
  const lines = [t(locale, 'barrierAssigned.body', { assigner, name }), t(locale, 'barrierAssigned.kindDue', { kind, date })];
  if (input.description.trim()) lines.push(`> ${safe(input.description, DESCRIPTION_MAX)}`);
  const blocks: KnownBlock[] = [
    section(lines.join('\n'), button(t(locale, 'common.openDebtor'), ACTION.openDebtor, String(input.debtorId))),
  ];
  return { text: t(locale, 'barrierAssigned.text', { assigner, name, kind, date }), blocks };
}
