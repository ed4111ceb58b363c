// The outcome modal: the common fields of every contact, then only the chosen type's
// own fields. Choosing the type (or, for a change of terms, the new terms) dispatches an
// action and the listener redraws the modal with `views.update`; `values` carries what
// was already typed, so the redraw never loses it.

import { isIsoDate, type IsoDate } from '../../domain/calendar.js';
import { MAX_INSTALMENTS, MAX_TEXT_LENGTH, type DateLimit, type OutcomeErrorCode } from '../../domain/outcome.js';
import {
  BARRIER_KINDS,
  CONSEQUENCES,
  CONTACT_CHANNELS,
  OUTCOME_TYPES,
  TERMS_KINDS,
  type OutcomeType,
} from '../../domain/vocabulary.js';
import { t, type Locale, type MessageKey } from '../i18n/index.js';
import { FIELD, VIEW, type FieldId } from '../ids.js';
import { levelText } from './alarm.js';
import { context, option, plain } from './elements.js';
import { writeOutcomeMetadata } from './outcome-metadata.js';
import { MAX_INPUT_LABEL, MAX_MODAL_TITLE, MAX_OPTION_TEXT, MAX_PLACEHOLDER, MAX_STATIC_OPTIONS, truncate } from './limits.js';
import type { InputBlock, InputBlockElement, KnownBlock, ModalView, PlainTextOption } from './slack-types.js';
import { codeLabel, formatDate, isSlackUserId, safe } from './text.js';

/** What the modal holds, by field (block) id; the shape `validateOutcome` reads. */
export type OutcomeFormValues = Record<string, string | undefined>;

export interface OutcomeModalInput {
  debtor: { id: number; name: string };
  contacts: Array<{ id: number; name: string; level: number }>;
  type: OutcomeType | null;
  values: OutcomeFormValues;
  locale: Locale;
  today: IsoDate;
  /** Currency in which amounts are typed. */
  currency: string;
}

/** The contact option for "nobody was reached". */
export const NO_CONTACT = 'none';
/** Characters accepted in an amount field: far beyond any real amount, short of abuse. */
const AMOUNT_MAX_LENGTH = 20;

interface FieldSpec {
  id: FieldId;
  label: string;
  element: InputBlockElement;
  optional?: boolean;
  hint?: string;
  dispatch?: boolean;
}

function inputBlock(spec: FieldSpec): InputBlock {
  const block: InputBlock = { type: 'input', block_id: spec.id, label: plain(spec.label, MAX_INPUT_LABEL), element: spec.element };
  if (spec.optional) block.optional = true;
  if (spec.hint) block.hint = plain(spec.hint, MAX_INPUT_LABEL);
  if (spec.dispatch) block.dispatch_action = true;
  return block;
}

function placeholder(text: string) {
  return plain(text, MAX_PLACEHOLDER);
}

/** A static select; the typed value is kept only when it is still one of the options. */
function select(id: FieldId, options: PlainTextOption[], value: string | undefined, locale: Locale): InputBlockElement {
  const capped = options.slice(0, MAX_STATIC_OPTIONS);
  const initial = capped.find((o) => o.value === value);
  return {
    type: 'static_select',
    action_id: id,
    placeholder: placeholder(t(locale, 'modal.choose')),
    options: capped,
    ...(initial ? { initial_option: initial } : {}),
  };
}

function codeSelect(id: FieldId, codes: readonly string[], section: string, value: string | undefined, locale: Locale) {
  return select(id, codes.map((code) => option(codeLabel(locale, section, code), code)), value, locale);
}

function datepicker(id: FieldId, value: string | undefined, locale: Locale): InputBlockElement {
  return {
    type: 'datepicker',
    action_id: id,
    placeholder: placeholder(t(locale, 'modal.chooseDate')),
    ...(value !== undefined && isIsoDate(value) ? { initial_date: value } : {}),
  };
}

function textInput(id: FieldId, value: string | undefined, opts: { multiline?: boolean; maxLength: number; placeholder?: string }): InputBlockElement {
  return {
    type: 'plain_text_input',
    action_id: id,
    max_length: opts.maxLength,
    ...(opts.multiline ? { multiline: true } : {}),
    ...(opts.placeholder ? { placeholder: placeholder(opts.placeholder) } : {}),
    ...(value ? { initial_value: truncate(value, opts.maxLength) } : {}),
  };
}

/** Whole instalments 1..MAX; what was typed is kept when Slack would accept it back. */
function instalmentsInput(id: FieldId, value: string | undefined): InputBlockElement {
  const typed = value !== undefined && /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_INSTALMENTS;
  return {
    type: 'number_input',
    action_id: id,
    is_decimal_allowed: false,
    min_value: '1',
    max_value: String(MAX_INSTALMENTS),
    initial_value: typed ? value : '1',
  };
}

function usersSelect(id: FieldId, value: string | undefined, locale: Locale): InputBlockElement {
  return {
    type: 'users_select',
    action_id: id,
    placeholder: placeholder(t(locale, 'modal.choosePerson')),
    ...(value !== undefined && isSlackUserId(value) ? { initial_user: value } : {}),
  };
}

function contactOptions(contacts: OutcomeModalInput['contacts'], locale: Locale): PlainTextOption[] {
  // One place is kept for "nobody"; a debtor with more contacts than a select holds
  // shows the first ones in the service's order (payments clerk level first).
  const listed = contacts.slice(0, MAX_STATIC_OPTIONS - 1).map((c) => {
    const level = ` · ${levelText(c.level, locale)}`;
    return option(`${truncate(c.name, MAX_OPTION_TEXT - level.length)}${level}`, String(c.id));
  });
  return [...listed, option(t(locale, 'modal.contactNone'), NO_CONTACT)];
}

function commonFields(input: OutcomeModalInput, type: OutcomeType | null): FieldSpec[] {
  const { locale, values } = input;
  const typeValue = type ?? values[FIELD.outcomeType];
  return [
    {
      id: FIELD.outcomeType,
      label: t(locale, 'modal.outcomeType'),
      hint: t(locale, 'modal.outcomeTypeHint'),
      element: codeSelect(FIELD.outcomeType, OUTCOME_TYPES, 'objective', typeValue, locale),
      dispatch: true,
    },
    { id: FIELD.channel, label: t(locale, 'modal.channel'), element: codeSelect(FIELD.channel, CONTACT_CHANNELS, 'channel', values[FIELD.channel], locale) },
    {
      id: FIELD.contact,
      label: t(locale, 'modal.contact'),
      element: select(FIELD.contact, contactOptions(input.contacts, locale), values[FIELD.contact], locale),
    },
  ];
}

function closingFields(input: OutcomeModalInput): FieldSpec[] {
  const { locale, values } = input;
  return [
    {
      id: FIELD.note,
      label: t(locale, 'modal.note'),
      optional: true,
      element: textInput(FIELD.note, values[FIELD.note], { multiline: true, maxLength: MAX_TEXT_LENGTH, placeholder: t(locale, 'modal.notePlaceholder') }),
    },
    {
      id: FIELD.nextContact,
      label: t(locale, 'modal.nextContact'),
      hint: t(locale, 'modal.nextContactHint'),
      optional: true,
      element: datepicker(FIELD.nextContact, values[FIELD.nextContact], locale),
    },
  ];
}

function amountField(id: FieldId, labelKey: MessageKey, input: OutcomeModalInput): FieldSpec {
  return {
    id,
    label: t(input.locale, labelKey),
    hint: t(input.locale, 'modal.amountHint', { currency: input.currency }),
    element: textInput(id, input.values[id], { maxLength: AMOUNT_MAX_LENGTH }),
  };
}

function typeFields(input: OutcomeModalInput, type: OutcomeType | null): FieldSpec[] {
  const { locale, values } = input;
  const date = (id: FieldId, labelKey: MessageKey): FieldSpec => ({ id, label: t(locale, labelKey), element: datepicker(id, values[id], locale) });
  switch (type) {
    case 'commitment':
      return [
        amountField(FIELD.promiseAmount, 'modal.promiseAmount', input),
        date(FIELD.promiseDate, 'modal.promiseDate'),
        {
          id: FIELD.instalments,
          label: t(locale, 'modal.instalments'),
          hint: t(locale, 'modal.instalmentsHint'),
          optional: true,
          element: instalmentsInput(FIELD.instalments, values[FIELD.instalments]),
        },
      ];
    case 'barrier':
      return [
        { id: FIELD.barrierKind, label: t(locale, 'modal.barrierKind'), element: codeSelect(FIELD.barrierKind, BARRIER_KINDS, 'barrierKind', values[FIELD.barrierKind], locale) },
        {
          id: FIELD.barrierDescription,
          label: t(locale, 'modal.barrierDescription'),
          optional: true,
          element: textInput(FIELD.barrierDescription, values[FIELD.barrierDescription], { multiline: true, maxLength: MAX_TEXT_LENGTH }),
        },
        { id: FIELD.barrierOwner, label: t(locale, 'modal.barrierOwner'), element: usersSelect(FIELD.barrierOwner, values[FIELD.barrierOwner], locale) },
        date(FIELD.barrierDue, 'modal.barrierDue'),
      ];
    case 'pressure':
      return [
        { id: FIELD.consequence, label: t(locale, 'modal.consequence'), element: codeSelect(FIELD.consequence, CONSEQUENCES, 'consequence', values[FIELD.consequence], locale) },
        date(FIELD.deadline, 'modal.deadline'),
      ];
    case 'terms_change': {
      const terms = values[FIELD.newTerms];
      const fields: FieldSpec[] = [
        {
          id: FIELD.newTerms,
          label: t(locale, 'modal.newTerms'),
          element: codeSelect(FIELD.newTerms, TERMS_KINDS, 'termsKind', terms, locale),
          dispatch: true,
        },
      ];
      if (terms === 'payment_plan') {
        fields.push(amountField(FIELD.planAmount, 'modal.planAmount', input), date(FIELD.planFirstDate, 'modal.planFirstDate'), {
          id: FIELD.planInstalments,
          label: t(locale, 'modal.planInstalments'),
          optional: true,
          element: instalmentsInput(FIELD.planInstalments, values[FIELD.planInstalments]),
        });
      } else if (terms === 'new_due_date') {
        fields.push(date(FIELD.newDueDate, 'modal.newDueDate'));
      }
      fields.push({
        id: FIELD.termsDetails,
        label: t(locale, 'modal.termsDetails'),
        optional: true,
        element: textInput(FIELD.termsDetails, values[FIELD.termsDetails], { multiline: true, maxLength: MAX_TEXT_LENGTH }),
      });
      return fields;
    }
    case 'reminder':
    case null:
      return [];
  }
}

/**
 * The modal for logging a contact with `debtor`. The chosen type's fields come right
 * after the common choices, where the eye already is; note and next contact close it.
 */
export function outcomeModal(input: OutcomeModalInput): ModalView {
  const { locale } = input;
  const type = input.type;
  const fields = [...commonFields(input, type), ...typeFields(input, type), ...closingFields(input)];
  const blocks: KnownBlock[] = [
    context(t(locale, 'modal.debtor', { name: safe(input.debtor.name, 200), date: formatDate(input.today, locale) })),
    ...fields.map(inputBlock),
  ];
  return {
    type: 'modal',
    callback_id: VIEW.logOutcome,
    private_metadata: writeOutcomeMetadata({ debtorId: input.debtor.id }),
    title: plain(t(locale, 'modal.title'), MAX_MODAL_TITLE),
    submit: plain(t(locale, 'modal.submit'), MAX_MODAL_TITLE),
    close: plain(t(locale, 'modal.close'), MAX_MODAL_TITLE),
    blocks,
  };
}

/** One element's state in `view.state.values`, as Slack sends it (untouched inputs are null). */
export interface ViewStateValue {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_date?: string | null;
  selected_user?: string | null;
}

/** `view.state.values`: block id -> action id -> element state. */
export type ViewStateValues = Record<string, Record<string, ViewStateValue>>;

function valueOf(state: ViewStateValue | undefined): string | undefined {
  if (!state) return undefined;
  const value = state.selected_option?.value ?? state.selected_date ?? state.selected_user ?? state.value;
  return value ?? undefined;
}

const FIELD_IDS: readonly FieldId[] = Object.values(FIELD);

/**
 * The modal's state as `{ field id: text }`, for `validateOutcome` and for redrawing the
 * modal. Each field's element has the field's id as action id; another id is read too,
 * so an element renamed in a future version still yields its value.
 */
export function readOutcomeForm(values: ViewStateValues): OutcomeFormValues {
  const form: OutcomeFormValues = {};
  for (const id of FIELD_IDS) {
    const block = values[id];
    if (!block) continue;
    form[id] = valueOf(block[id] ?? Object.values(block)[0]);
  }
  return form;
}

/** Error messages by block id, for `ack({ response_action: 'errors', errors })`; `limit` names the furthest date allowed. */
export function outcomeErrors(errors: Record<string, OutcomeErrorCode>, locale: Locale, limit: DateLimit): Record<string, string> {
  const params = { date: formatDate(limit.latestDate, locale), days: limit.maxDaysAhead };
  return Object.fromEntries(Object.entries(errors).map(([blockId, code]) => [blockId, t(locale, `outcomeError.${code}`, params)]));
}
