import { readFileSync } from 'node:fs';
import type { ViewOutput } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { MAX_INSTALMENTS, OUTCOME_ERROR_CODES, outcomeDateLimit, validateOutcome } from '../../../src/domain/outcome.js';
import { OUTCOME_TYPES, type OutcomeType } from '../../../src/domain/vocabulary.js';
import {
  outcomeErrors,
  outcomeModal,
  readOutcomeForm,
  type ModalView,
  type OutcomeFormValues,
  type OutcomeModalInput,
  type ViewStateValue,
  type ViewStateValues,
} from '../../../src/slack/blocks/index.js';
import { formatDate } from '../../../src/slack/blocks/text.js';
import { t, type Locale } from '../../../src/slack/i18n/index.js';
import { ACTION, FIELD, VIEW } from '../../../src/slack/ids.js';
import { longName, TODAY } from './fixtures.js';
import { expectWithinLimits, visibleText } from './slack-limits.js';

const LOCALES: Locale[] = ['es', 'en'];
const CTX = { today: TODAY, currency: 'MXN', maxDaysAhead: 180 };
const LIMIT = outcomeDateLimit(CTX);

function modalInput(overrides: Partial<OutcomeModalInput> = {}): OutcomeModalInput {
  return {
    debtor: { id: 42, name: 'Construcciones Pérez & Hijos, S.A. de C.V.' },
    contacts: [
      { id: 11, name: 'Rodrigo Martínez', level: 0 },
      { id: 12, name: 'Claudia Ruiz', level: 2 },
    ],
    type: null,
    values: {},
    locale: 'es',
    today: TODAY,
    currency: 'MXN',
    ...overrides,
  };
}

type Input = { type: 'input'; block_id: string; optional?: boolean; dispatch_action?: boolean; hint?: { text: string }; element: Record<string, unknown> };

function inputs(view: ModalView): Input[] {
  return view.blocks.filter((b) => b.type === 'input') as unknown as Input[];
}

const blockIds = (view: ModalView) => inputs(view).map((b) => b.block_id);
const inputById = (view: ModalView, id: string) => inputs(view).find((b) => b.block_id === id);

/** The state Slack would send back for a modal nobody touched: each element's initial value. */
function stateOf(view: ModalView): ViewStateValues {
  const values: ViewStateValues = {};
  for (const block of inputs(view)) {
    const e = block.element;
    const actionId = String(e.action_id);
    let state: ViewStateValue;
    switch (e.type) {
      case 'static_select':
        state = { type: 'static_select', selected_option: (e.initial_option as { value: string } | undefined) ?? null };
        break;
      case 'datepicker':
        state = { type: 'datepicker', selected_date: (e.initial_date as string | undefined) ?? null };
        break;
      case 'users_select':
        state = { type: 'users_select', selected_user: (e.initial_user as string | undefined) ?? null };
        break;
      default:
        state = { type: String(e.type), value: (e.initial_value as string | undefined) ?? null };
    }
    values[block.block_id] = { [actionId]: state };
  }
  return values;
}

const COMMON = [FIELD.outcomeType, FIELD.channel, FIELD.contact, FIELD.note, FIELD.nextContact];

const FULL_VALUES: OutcomeFormValues = {
  [FIELD.channel]: 'whatsapp',
  [FIELD.contact]: '12',
  [FIELD.note]: 'Pide reenviar la factura & el complemento <CFDI>.\nLlamar al director.',
  [FIELD.nextContact]: '2026-11-26',
  [FIELD.promiseAmount]: '12500.50',
  [FIELD.promiseDate]: '2026-11-30',
  [FIELD.instalments]: '3',
  [FIELD.barrierKind]: 'invoice_error',
  [FIELD.barrierDescription]: 'La factura 1234 tiene mal el RFC.',
  [FIELD.barrierOwner]: 'U0OWNER01',
  [FIELD.barrierDue]: '2026-11-27',
  [FIELD.consequence]: 'bureau',
  [FIELD.deadline]: '2026-12-04',
  [FIELD.planAmount]: '90000',
  [FIELD.planFirstDate]: '2026-12-15',
  [FIELD.planInstalments]: '6',
  [FIELD.newDueDate]: '2026-12-31',
  [FIELD.termsDetails]: 'Autorizado por el gerente.',
};

/** Each shape of the modal: the type, the new terms, and the fields it shows after the common ones. */
const SHAPES: Array<[string, OutcomeType | null, string | undefined, string[]]> = [
  ['no type yet', null, undefined, []],
  ['reminder', 'reminder', undefined, []],
  ['commitment', 'commitment', undefined, [FIELD.promiseAmount, FIELD.promiseDate, FIELD.instalments]],
  ['barrier', 'barrier', undefined, [FIELD.barrierKind, FIELD.barrierDescription, FIELD.barrierOwner, FIELD.barrierDue]],
  ['pressure', 'pressure', undefined, [FIELD.consequence, FIELD.deadline]],
  ['terms change, nothing chosen', 'terms_change', undefined, [FIELD.newTerms, FIELD.termsDetails]],
  ['terms change, credit hold', 'terms_change', 'credit_hold', [FIELD.newTerms, FIELD.termsDetails]],
  [
    'terms change, payment plan',
    'terms_change',
    'payment_plan',
    [FIELD.newTerms, FIELD.planAmount, FIELD.planFirstDate, FIELD.planInstalments, FIELD.termsDetails],
  ],
  ['terms change, new due date', 'terms_change', 'new_due_date', [FIELD.newTerms, FIELD.newDueDate, FIELD.termsDetails]],
];

describe('outcomeModal', () => {
  it.each(LOCALES)('has the contract ids, title, buttons and metadata (%s)', (locale) => {
    const view = outcomeModal(modalInput({ locale }));
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe(VIEW.logOutcome);
    expect(JSON.parse(view.private_metadata!)).toEqual({ debtorId: 42 });
    expect(view.title.text).toBe(t(locale, 'modal.title'));
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.submit?.text).toBe(t(locale, 'modal.submit'));
    expect(view.close?.text).toBe(t(locale, 'modal.close'));
    expect(visibleText(view.blocks)).toContain('Construcciones Pérez &amp; Hijos');
    expectWithinLimits(view);
  });

  it.each(LOCALES)('titles, submit and close fit 24 characters (%s)', (locale) => {
    for (const key of ['modal.title', 'modal.submit', 'modal.close', 'stored.title', 'stored.close'] as const) {
      expect(t(locale, key).length, key).toBeLessThanOrEqual(24);
    }
  });

  it.each(SHAPES.flatMap((shape) => LOCALES.map((locale) => [...shape, locale] as const)))(
    '%s shows the common fields and its own (%s, %s, %s)',
    (_name, type, terms, own, locale) => {
      const view = outcomeModal(modalInput({ type, locale, values: terms ? { [FIELD.newTerms]: terms } : {} }));
      const ids = blockIds(view);
      expect(new Set(ids)).toEqual(new Set([...COMMON, ...own]));
      // The type's fields follow the common choices; note and next contact close the form.
      expect(ids.slice(0, 3)).toEqual([FIELD.outcomeType, FIELD.channel, FIELD.contact]);
      expect(ids.slice(-2)).toEqual([FIELD.note, FIELD.nextContact]);
      for (const block of inputs(view)) expect(block.element.action_id, block.block_id).toBe(block.block_id);
      expectWithinLimits(view);
    },
  );

  it('the type select redraws the modal: dispatch_action, and ACTION.outcomeType as its action id', () => {
    const view = outcomeModal(modalInput());
    const type = inputById(view, FIELD.outcomeType)!;
    expect(type.dispatch_action).toBe(true);
    expect(type.element.type).toBe('static_select');
    expect(type.element.action_id).toBe(ACTION.outcomeType);
    expect((type.element.options as Array<{ value: string }>).map((o) => o.value)).toEqual([...OUTCOME_TYPES]);
    const terms = inputById(outcomeModal(modalInput({ type: 'terms_change' })), FIELD.newTerms)!;
    expect(terms.dispatch_action).toBe(true);
    // No other input dispatches: typing elsewhere must not redraw the form.
    const others = inputs(outcomeModal(modalInput({ type: 'commitment' }))).filter((b) => b.block_id !== FIELD.outcomeType);
    expect(others.some((b) => b.dispatch_action)).toBe(false);
  });

  it('marks exactly the optional inputs optional', () => {
    const optional = new Set<string>([
      FIELD.note,
      FIELD.nextContact,
      FIELD.instalments,
      FIELD.barrierDescription,
      FIELD.planInstalments,
      FIELD.termsDetails,
    ]);
    for (const [, type, terms] of SHAPES) {
      const view = outcomeModal(modalInput({ type, values: terms ? { [FIELD.newTerms]: terms } : {} }));
      for (const block of inputs(view)) expect(block.optional === true, block.block_id).toBe(optional.has(block.block_id));
    }
  });

  it('uses the right element for each field', () => {
    const types = (type: OutcomeType, terms?: string) =>
      Object.fromEntries(
        inputs(outcomeModal(modalInput({ type, values: terms ? { [FIELD.newTerms]: terms } : {} }))).map((b) => [b.block_id, b.element.type]),
      );
    expect(types('commitment')).toMatchObject({
      outcome_type: 'static_select',
      channel: 'static_select',
      contact: 'static_select',
      note: 'plain_text_input',
      next_contact: 'datepicker',
      promise_amount: 'plain_text_input',
      promise_date: 'datepicker',
      instalments: 'number_input',
    });
    expect(types('barrier')).toMatchObject({ barrier_kind: 'static_select', barrier_description: 'plain_text_input', barrier_owner: 'users_select', barrier_due: 'datepicker' });
    expect(types('pressure')).toMatchObject({ consequence: 'static_select', deadline: 'datepicker' });
    expect(types('terms_change', 'payment_plan')).toMatchObject({
      new_terms: 'static_select',
      plan_amount: 'plain_text_input',
      plan_first_date: 'datepicker',
      plan_instalments: 'number_input',
      terms_details: 'plain_text_input',
    });
    expect(types('terms_change', 'new_due_date')).toMatchObject({ new_due_date: 'datepicker' });

    const view = outcomeModal(modalInput({ type: 'commitment' }));
    expect(inputById(view, FIELD.note)!.element.multiline).toBe(true);
    expect(inputById(view, FIELD.instalments)!.element).toMatchObject({
      is_decimal_allowed: false,
      min_value: '1',
      max_value: String(MAX_INSTALMENTS),
      initial_value: '1',
    });
  });

  it.each(LOCALES)('the amount hint names the currency (%s)', (locale) => {
    const view = outcomeModal(modalInput({ type: 'commitment', locale, currency: 'USD' }));
    expect(inputById(view, FIELD.promiseAmount)!.hint!.text).toContain('USD');
  });

  it('lists the debtor contacts by id, plus nobody', () => {
    const view = outcomeModal(modalInput({ locale: 'en' }));
    const options = inputById(view, FIELD.contact)!.element.options as Array<{ text: { text: string }; value: string }>;
    expect(options.map((o) => o.value)).toEqual(['11', '12', 'none']);
    expect(options[1]!.text.text).toBe('Claudia Ruiz · 2 · Manager');
    expect(options[2]!.text.text).toBe(t('en', 'modal.contactNone'));
  });

  it.each(LOCALES)('a debtor with 150 contacts of 200-character names still fits (%s)', (locale) => {
    const contacts = Array.from({ length: 150 }, (_, i) => ({ id: i + 1, name: longName(200, i), level: i % 4 }));
    const view = outcomeModal(modalInput({ contacts, locale, type: 'barrier', debtor: { id: 1, name: longName(200) } }));
    const options = inputById(view, FIELD.contact)!.element.options as Array<{ value: string }>;
    expect(options).toHaveLength(100);
    expect(options.at(-1)!.value).toBe('none');
    expectWithinLimits(view);
  });

  it.each(SHAPES)('keeps what was typed across a redraw: %s', (_name, type, terms) => {
    const values: OutcomeFormValues = { ...FULL_VALUES, [FIELD.outcomeType]: type ?? undefined, [FIELD.newTerms]: terms };
    const view = outcomeModal(modalInput({ type, values }));
    const read = readOutcomeForm(stateOf(view));
    const shown = blockIds(view);
    const expected = Object.fromEntries(shown.map((id) => [id, values[id]]));
    expect(read).toEqual(expected);
    expectWithinLimits(view);
  });

  it('a redraw after choosing a type keeps the common fields already filled', () => {
    const first = outcomeModal(modalInput({ values: { [FIELD.channel]: 'phone', [FIELD.contact]: '11', [FIELD.note]: 'Contestó la asistente.' } }));
    const typed = readOutcomeForm(stateOf(first));
    const redrawn = outcomeModal(modalInput({ type: 'pressure', values: { ...typed, [FIELD.outcomeType]: 'pressure' } }));
    expect(readOutcomeForm(stateOf(redrawn))).toMatchObject({
      outcome_type: 'pressure',
      channel: 'phone',
      contact: '11',
      note: 'Contestó la asistente.',
    });
  });

  it('drops typed values Slack would refuse as initial values', () => {
    const view = outcomeModal(
      modalInput({
        type: 'barrier',
        values: { channel: 'fax', contact: '999', barrier_due: '2026-02-30', barrier_owner: 'nobody', next_contact: 'tomorrow' },
      }),
    );
    expect(inputById(view, FIELD.channel)!.element.initial_option).toBeUndefined();
    expect(inputById(view, FIELD.contact)!.element.initial_option).toBeUndefined();
    expect(inputById(view, FIELD.barrierDue)!.element.initial_date).toBeUndefined();
    expect(inputById(view, FIELD.barrierOwner)!.element.initial_user).toBeUndefined();
    expect(inputById(view, FIELD.nextContact)!.element.initial_date).toBeUndefined();
    expect(inputById(outcomeModal(modalInput({ type: 'commitment', values: { instalments: '99' } })), FIELD.instalments)!.element.initial_value).toBe('1');
    expectWithinLimits(view);
  });
});

function payload(name: string): { view: ViewOutput } {
  return JSON.parse(readFileSync(new URL(`../../fixtures/slack/view_submission.log_outcome.${name}.json`, import.meta.url), 'utf8')) as {
    view: ViewOutput;
  };
}

describe('readOutcomeForm', () => {
  it('reads a submitted commitment as validateOutcome expects it', () => {
    const { view } = payload('commitment');
    // Bolt's own type for view.state.values is accepted as it is, no cast needed.
    const form = readOutcomeForm(view.state.values);
    expect(form).toEqual({
      outcome_type: 'commitment',
      channel: 'phone',
      contact: '11',
      promise_amount: '12500.50',
      promise_date: '2026-11-30',
      instalments: '3',
      note: 'Paga en tres mensualidades; pide factura por correo.',
      next_contact: undefined,
    });
    expect(JSON.parse(view.private_metadata)).toEqual({ debtorId: 42 });
    const result = validateOutcome(form, CTX);
    expect(result).toEqual({
      ok: true,
      value: {
        type: 'commitment',
        channel: 'phone',
        reached: true,
        contactId: 11,
        note: 'Paga en tres mensualidades; pide factura por correo.',
        nextContactOn: null,
        currency: 'MXN',
        amount: 1_250_050,
        promisedOn: '2026-11-30',
        instalments: 3,
      },
    });
  });

  it('reads a submitted barrier, with its user and empty optional fields', () => {
    const form = readOutcomeForm(payload('barrier').view.state.values);
    expect(form).toEqual({
      outcome_type: 'barrier',
      channel: 'email',
      contact: 'none',
      barrier_kind: 'missing_document',
      barrier_description: undefined,
      barrier_owner: 'U0OWNER01',
      barrier_due: '2026-11-27',
      note: undefined,
      next_contact: '2026-11-28',
    });
    const result = validateOutcome(form, CTX);
    expect(result.ok && result.value).toMatchObject({ type: 'barrier', reached: false, ownerSlackId: 'U0OWNER01', dueOn: '2026-11-27' });
  });

  it('ignores blocks that are not fields of the form', () => {
    expect(readOutcomeForm({ something: { else: { type: 'plain_text_input', value: 'x' } } })).toEqual({});
  });
});

describe('outcomeErrors', () => {
  it.each(LOCALES)('words every error code under its block id (%s)', (locale) => {
    const errors = Object.fromEntries(OUTCOME_ERROR_CODES.map((code, i) => [Object.values(FIELD)[i]!, code]));
    const messages = outcomeErrors(errors, locale, LIMIT);
    expect(Object.keys(messages)).toEqual(Object.keys(errors));
    const params = { date: formatDate(LIMIT.latestDate, locale), days: LIMIT.maxDaysAhead };
    for (const [blockId, code] of Object.entries(errors)) expect(messages[blockId]).toBe(t(locale, `outcomeError.${code}`, params));
    for (const message of Object.values(messages)) expect(message).not.toMatch(/\{\w+\}/);
  });

  it.each<[Locale, string]>([
    ['es', 'La fecha no puede ser posterior al sáb 22 may 2027 (180 días a partir de hoy).'],
    ['en', 'The date cannot be after Sat, May 22, 2027 (180 days from today).'],
  ])('names the furthest date allowed when a date is too far ahead (%s)', (locale, text) => {
    expect(outcomeErrors({ promise_date: 'too_far' }, locale, LIMIT)).toEqual({ promise_date: text });
  });

  it('answers a real validation in Spanish by default', () => {
    const result = validateOutcome({ outcome_type: 'commitment', channel: 'phone', contact: 'none', promise_amount: '1,000', promise_date: '2026-11-01' }, CTX);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(outcomeErrors(result.errors, 'es', LIMIT)).toEqual({
      promise_amount: t('es', 'outcomeError.not_a_number'),
      promise_date: t('es', 'outcomeError.date_in_past'),
    });
  });
});
