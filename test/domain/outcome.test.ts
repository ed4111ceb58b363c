import { describe, expect, it } from 'vitest';
import { outcomeDateLimit, validateOutcome, type Outcome, type OutcomeErrorCode } from '../../src/domain/outcome.js';

// 2026-06-15 + 180 days is 2026-12-12, the last date the modal accepts.
const ctx = { today: '2026-06-15', currency: 'MXN', maxDaysAhead: 180 };

const common = { outcome_type: 'reminder', channel: 'phone', contact: '12', note: undefined, next_contact: undefined };
const commonValue = { channel: 'phone', reached: true, contactId: 12, note: '', nextContactOn: null } as const;

type Input = Record<string, string | undefined>;

describe('validateOutcome accepts', () => {
  it.each<[string, Input, Outcome]>([
    ['a reminder', { ...common }, { type: 'reminder', ...commonValue }],
    [
      'a reminder with nobody reached, a note and a next contact',
      { ...common, channel: 'whatsapp', contact: 'none', note: '  Dejé mensaje con la recepcionista.  ', next_contact: '2026-06-18' },
      { type: 'reminder', channel: 'whatsapp', reached: false, contactId: null, note: 'Dejé mensaje con la recepcionista.', nextContactOn: '2026-06-18' },
    ],
    ['a next contact today', { ...common, next_contact: '2026-06-15' }, { type: 'reminder', ...commonValue, nextContactOn: '2026-06-15' }],
    ['empty strings as not given', { ...common, note: '', next_contact: ' ' }, { type: 'reminder', ...commonValue }],
    ['a note of exactly 3000 characters', { ...common, note: 'x'.repeat(3000) }, { type: 'reminder', ...commonValue, note: 'x'.repeat(3000) }],
    ['a note with tabs and line breaks', { ...common, note: 'Llamé.\n\tDijo que paga el viernes.' }, { type: 'reminder', ...commonValue, note: 'Llamé.\n\tDijo que paga el viernes.' }],
    [
      'a single promise',
      { ...common, outcome_type: 'commitment', promise_amount: '15000.50', promise_date: '2026-06-30', instalments: undefined },
      { type: 'commitment', ...commonValue, currency: 'MXN', amount: 1500050, promisedOn: '2026-06-30', instalments: 1 },
    ],
    [
      'a promise for today in 3 instalments',
      { ...common, outcome_type: 'commitment', promise_amount: '3000', promise_date: '2026-06-15', instalments: '3' },
      { type: 'commitment', ...commonValue, currency: 'MXN', amount: 300000, promisedOn: '2026-06-15', instalments: 3 },
    ],
    [
      'a promise of 36 instalments',
      { ...common, outcome_type: 'commitment', promise_amount: '36000', promise_date: '2026-07-01', instalments: '36' },
      { type: 'commitment', ...commonValue, currency: 'MXN', amount: 3600000, promisedOn: '2026-07-01', instalments: 36 },
    ],
    [
      'a barrier',
      {
        ...common,
        outcome_type: 'barrier',
        barrier_kind: 'invoice_error',
        barrier_description: 'RFC equivocado en la factura A-123',
        barrier_owner: 'U024BE7LH',
        barrier_due: '2026-06-19',
      },
      {
        type: 'barrier',
        ...commonValue,
        barrierKind: 'invoice_error',
        description: 'RFC equivocado en la factura A-123',
        ownerSlackId: 'U024BE7LH',
        dueOn: '2026-06-19',
      },
    ],
    [
      'a barrier without description, owner on Enterprise Grid',
      { ...common, outcome_type: 'barrier', barrier_kind: 'approval_pending', barrier_owner: 'W012A3CDE', barrier_due: '2026-06-15' },
      { type: 'barrier', ...commonValue, barrierKind: 'approval_pending', description: '', ownerSlackId: 'W012A3CDE', dueOn: '2026-06-15' },
    ],
    [
      'a pressure',
      { ...common, outcome_type: 'pressure', consequence: 'bureau', deadline: '2026-06-22' },
      { type: 'pressure', ...commonValue, consequence: 'bureau', deadline: '2026-06-22' },
    ],
    [
      'a credit hold, ignoring plan fields it does not need',
      { ...common, outcome_type: 'terms_change', new_terms: 'credit_hold', plan_amount: 'garbage', terms_details: 'Hasta liquidar' },
      { type: 'terms_change', ...commonValue, newTerms: 'credit_hold', details: 'Hasta liquidar', plan: null, newDueDate: null },
    ],
    [
      'a payment plan',
      { ...common, outcome_type: 'terms_change', new_terms: 'payment_plan', plan_amount: '90000', plan_first_date: '2026-07-01', plan_instalments: '6' },
      {
        type: 'terms_change',
        ...commonValue,
        newTerms: 'payment_plan',
        details: '',
        plan: { currency: 'MXN', amount: 9000000, firstDate: '2026-07-01', instalments: 6 },
        newDueDate: null,
      },
    ],
    [
      'a new due date',
      { ...common, outcome_type: 'terms_change', new_terms: 'new_due_date', new_due_date: '2026-07-15' },
      { type: 'terms_change', ...commonValue, newTerms: 'new_due_date', details: '', plan: null, newDueDate: '2026-07-15' },
    ],
  ])('%s', (_name, input, value) => {
    expect(validateOutcome(input, ctx)).toEqual({ ok: true, value });
  });

  it.each([
    ['CLP', '150000', 150000],
    ['JPY', '2500', 2500],
    ['USD', '99.99', 9999],
  ])('amounts in %s: %s -> %i minor units', (currency, text, minor) => {
    const result = validateOutcome({ ...common, outcome_type: 'commitment', promise_amount: text, promise_date: '2026-06-20' }, { ...ctx, currency });
    expect(result).toMatchObject({ ok: true, value: { currency, amount: minor } });
  });
});

describe('validateOutcome refuses', () => {
  const commitment = { ...common, outcome_type: 'commitment', promise_amount: '1000', promise_date: '2026-06-20' };
  it.each<[string, Input, Record<string, OutcomeErrorCode>]>([
    ['an empty submission', {}, { outcome_type: 'required', channel: 'required', contact: 'required' }],
    ['an unknown type', { ...common, outcome_type: 'threaten' }, { outcome_type: 'invalid_choice' }],
    ['an unknown channel', { ...common, channel: 'fax' }, { channel: 'invalid_choice' }],
    ['a contact that is not an id', { ...common, contact: 'Juan' }, { contact: 'invalid_choice' }],
    ['contact id 0', { ...common, contact: '0' }, { contact: 'invalid_choice' }],
    ['a contact id beyond any row id', { ...common, contact: '123456789012345678901' }, { contact: 'invalid_choice' }],
    ['a note too long', { ...common, note: 'x'.repeat(3001) }, { note: 'too_long' }],
    ['a note with a NUL byte', { ...common, note: 'pagó\u0000' }, { note: 'control_characters' }],
    ['a note with an escape character', { ...common, note: 'a\u001b[31m' }, { note: 'control_characters' }],
    ['a next contact in the past', { ...common, next_contact: '2026-06-14' }, { next_contact: 'date_in_past' }],
    ['a next contact that is not a date', { ...common, next_contact: '2026-02-30' }, { next_contact: 'bad_date' }],
    ['a commitment without its fields', { ...common, outcome_type: 'commitment' }, { promise_amount: 'required', promise_date: 'required' }],
    ['an amount with thousands separators', { ...commitment, promise_amount: '1,234.00' }, { promise_amount: 'not_a_number' }],
    ['an amount in words', { ...commitment, promise_amount: 'mil pesos' }, { promise_amount: 'not_a_number' }],
    ['a zero amount', { ...commitment, promise_amount: '0.00' }, { promise_amount: 'not_positive' }],
    ['a negative amount', { ...commitment, promise_amount: '-500' }, { promise_amount: 'not_positive' }],
    ['too many decimals', { ...commitment, promise_amount: '10.005' }, { promise_amount: 'too_many_decimals' }],
    ['an absurdly large amount', { ...commitment, promise_amount: '99999999999999999999' }, { promise_amount: 'out_of_range' }],
    ['a promise date in the past', { ...commitment, promise_date: '2026-06-14' }, { promise_date: 'date_in_past' }],
    ['a promise date in another format', { ...commitment, promise_date: '20/06/2026' }, { promise_date: 'bad_date' }],
    ['0 instalments', { ...commitment, instalments: '0' }, { instalments: 'out_of_range' }],
    ['37 instalments', { ...commitment, instalments: '37' }, { instalments: 'out_of_range' }],
    ['fractional instalments', { ...commitment, instalments: '2.5' }, { instalments: 'not_a_number' }],
    ['instalments in words', { ...commitment, instalments: 'tres' }, { instalments: 'not_a_number' }],
    [
      'a barrier without its fields',
      { ...common, outcome_type: 'barrier' },
      { barrier_kind: 'required', barrier_owner: 'required', barrier_due: 'required' },
    ],
    [
      'a barrier with bad values',
      { ...common, outcome_type: 'barrier', barrier_kind: 'lost', barrier_owner: 'juan', barrier_due: '2026-06-01', barrier_description: 'y'.repeat(3001) },
      { barrier_kind: 'invalid_choice', barrier_owner: 'invalid_choice', barrier_due: 'date_in_past', barrier_description: 'too_long' },
    ],
    ['a pressure without its fields', { ...common, outcome_type: 'pressure' }, { consequence: 'required', deadline: 'required' }],
    [
      'a pressure with a past deadline',
      { ...common, outcome_type: 'pressure', consequence: 'jail', deadline: '2025-12-31' },
      { consequence: 'invalid_choice', deadline: 'date_in_past' },
    ],
    ['terms change without a choice', { ...common, outcome_type: 'terms_change' }, { new_terms: 'required' }],
    ['terms change with an unknown choice', { ...common, outcome_type: 'terms_change', new_terms: 'forgive' }, { new_terms: 'invalid_choice' }],
    [
      'a payment plan without its fields',
      { ...common, outcome_type: 'terms_change', new_terms: 'payment_plan' },
      { plan_amount: 'required', plan_first_date: 'required' },
    ],
    [
      'a payment plan with bad values',
      { ...common, outcome_type: 'terms_change', new_terms: 'payment_plan', plan_amount: '0', plan_first_date: '2026-06-01', plan_instalments: '40' },
      { plan_amount: 'not_positive', plan_first_date: 'date_in_past', plan_instalments: 'out_of_range' },
    ],
    ['a new due date without the date', { ...common, outcome_type: 'terms_change', new_terms: 'new_due_date' }, { new_due_date: 'required' }],
    [
      'a new due date in the past',
      { ...common, outcome_type: 'terms_change', new_terms: 'new_due_date', new_due_date: '2026-06-01' },
      { new_due_date: 'date_in_past' },
    ],
    [
      'every bad field at once, common and specific',
      { outcome_type: 'commitment', channel: 'pigeon', contact: undefined, note: 'z'.repeat(5000), promise_amount: 'abc', promise_date: '2026-13-01', instalments: '-1' },
      {
        channel: 'invalid_choice',
        contact: 'required',
        note: 'too_long',
        promise_amount: 'not_a_number',
        promise_date: 'bad_date',
        instalments: 'out_of_range',
      },
    ],
  ])('%s', (_name, input, errors) => {
    expect(validateOutcome(input, ctx)).toEqual({ ok: false, errors });
  });

  it.each([
    ['CLP', '1500.5'],
    ['JPY', '10.1'],
  ])('decimals for %s, which has none (%s)', (currency, text) => {
    const result = validateOutcome({ ...commitment, promise_amount: text }, { ...ctx, currency });
    expect(result).toEqual({ ok: false, errors: { promise_amount: 'too_many_decimals' } });
  });
});

describe('validateOutcome caps every typed date at maxDaysAhead', () => {
  const plan = { ...common, outcome_type: 'terms_change', new_terms: 'payment_plan', plan_amount: '9000', plan_instalments: '36' };
  const formWith: Record<string, (date: string) => Input> = {
    next_contact: (date) => ({ ...common, next_contact: date }),
    promise_date: (date) => ({ ...common, outcome_type: 'commitment', promise_amount: '1000', promise_date: date, instalments: '36' }),
    barrier_due: (date) => ({ ...common, outcome_type: 'barrier', barrier_kind: 'invoice_error', barrier_owner: 'U024BE7LH', barrier_due: date }),
    deadline: (date) => ({ ...common, outcome_type: 'pressure', consequence: 'bureau', deadline: date }),
    // A plan's later instalments run 35 months past its first date: only the first is typed.
    plan_first_date: (date) => ({ ...plan, plan_first_date: date }),
    new_due_date: (date) => ({ ...common, outcome_type: 'terms_change', new_terms: 'new_due_date', new_due_date: date }),
  };
  const cases = Object.keys(formWith).flatMap((field) => [
    [field, '2026-12-12', null],
    [field, '2026-12-13', 'too_far'],
    [field, '2027-06-15', 'too_far'],
    [field, '9999-12-31', 'too_far'],
  ]) as Array<[string, string, OutcomeErrorCode | null]>;

  it.each(cases)('%s on %s: %s', (field, date, code) => {
    const result = validateOutcome(formWith[field]!(date), ctx);
    expect(result.ok ? null : result.errors).toEqual(code === null ? null : { [field]: code });
  });

  it.each<[number, string, boolean]>([
    [1, '2026-06-16', true],
    [1, '2026-06-17', false],
    [365, '2027-06-15', true],
    [365, '2027-06-16', false],
    [3650, '2036-06-12', true],
    [3650, '2036-06-13', false],
  ])('maxDaysAhead %i: a promise on %s accepted = %s', (maxDaysAhead, date, accepted) => {
    expect(validateOutcome(formWith.promise_date!(date), { ...ctx, maxDaysAhead }).ok).toBe(accepted);
  });

  it('names the furthest date allowed', () => {
    expect(outcomeDateLimit(ctx)).toEqual({ latestDate: '2026-12-12', maxDaysAhead: 180 });
  });
});
