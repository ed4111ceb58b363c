// DM to the person who now owns a payment barrier: whose, what, by when, the card, and
// the button to close it. Once resolved, the same builder redraws the DM for chat.update
// with who resolved it and when in place of that button.

import type { IsoDate } from '../../domain/calendar.js';
import type { BarrierKind } from '../../domain/vocabulary.js';
import { t, type Locale } from '../i18n/index.js';
import { ACTION, BLOCK } from '../ids.js';
import { resolveBarrierButton, resolvedText, type BarrierResolution } from './barrier-resolution.js';
import { actions, button, context, section } from './elements.js';
import type { KnownBlock, Message } from './slack-types.js';
import { formatDate, mention, safe } from './text.js';

const NAME_MAX = 150;
const DESCRIPTION_MAX = 1500;

export interface BarrierAssignedInput {
  barrierId: number;
  debtorName: string;
  debtorId: number;
  kind: BarrierKind;
  description: string;
  dueOn: IsoDate;
  assignedBySlackId: string;
  /** Set once the barrier is resolved. */
  resolved?: BarrierResolution | null;
  /** Zone in which the resolution time is shown; UTC when not given. */
  timeZone?: string;
}

export function barrierAssignedMessage(input: BarrierAssignedInput, locale: Locale): Message {
  const assigner = mention(input.assignedBySlackId);
  const name = safe(input.debtorName, NAME_MAX);
  const kind = t(locale, `barrierKind.${input.kind}`);
  const date = formatDate(input.dueOn, locale);
  const lines = [t(locale, 'barrierAssigned.body', { assigner, name }), t(locale, 'barrierAssigned.kindDue', { kind, date })];
  if (input.description.trim()) lines.push(`> ${safe(input.description, DESCRIPTION_MAX)}`);
  const openDebtor = button(t(locale, 'common.openDebtor'), ACTION.openDebtor, String(input.debtorId));
  const blocks: KnownBlock[] = [section(lines.join('\n'))];
  if (input.resolved) blocks.push(context(resolvedText(input.resolved, input.timeZone ?? 'UTC', locale)));
  const buttons = input.resolved ? [openDebtor] : [resolveBarrierButton(input.barrierId, locale, 'primary'), openDebtor];
  // The block id tells `resolve_barrier` that the click came from this DM, to redraw it.
  blocks.push({ ...actions(...buttons), block_id: BLOCK.barrierAssigned });
  return { text: t(locale, 'barrierAssigned.text', { assigner, name, kind, date }), blocks };
}
