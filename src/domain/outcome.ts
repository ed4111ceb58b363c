// Validation of the outcome modal. Fields are named after the modal's block ids so each
// error can be answered with `response_action: "errors"` under the block that caused it,
// and every bad field is reported at once: a collector on the phone fixes them in one go.

import { z } from 'zod';
import { addDays, isIsoDate, type IsoDate } from './calendar.js';
import { minorDigits, parseAmount } from './money.js';
import { hasControlCharacters } from './plain-text.js';
import {
  BARRIER_KINDS,
  CONSEQUENCES,
  CONTACT_CHANNELS,
  OUTCOME_TYPES,
  TERMS_KINDS,
  type BarrierKind,
  type Consequence,
  type ContactChannel,
  type TermsKind,
} from './vocabulary.js';

/**
 * The modal's input block ids (each element's `action_id` is the same string), a contract
 * in DESIGN.md: validation reports errors under them and the Slack layer builds the form from them.
 */
export const OUTCOME_FIELD = {
  outcomeType: 'outcome_type',
  channel: 'channel',
  contact: 'contact',
  note: 'note',
  nextContact: 'next_contact',
  promiseAmount: 'promise_amount',
  promiseDate: 'promise_date',
  instalments: 'instalments',
  barrierKind: 'barrier_kind',
  barrierDescription: 'barrier_description',
  barrierOwner: 'barrier_owner',
  barrierDue: 'barrier_due',
  consequence: 'consequence',
  deadline: 'deadline',
  newTerms: 'new_terms',
  planAmount: 'plan_amount',
  planFirstDate: 'plan_first_date',
  planInstalments: 'plan_instalments',
  newDueDate: 'new_due_date',
  termsDetails: 'terms_details',
} as const;

export type OutcomeFieldId = (typeof OUTCOME_FIELD)[keyof typeof OUTCOME_FIELD];

const F = OUTCOME_FIELD;

export const OUTCOME_ERROR_CODES = [
  'required',
  'not_a_number',
  'not_positive',
  'too_many_decimals',
  'bad_date',
  'date_in_past',
  'too_far',
  'out_of_range',
  'too_long',
  'control_characters',
  'invalid_choice',
  /** A contact that is not one of the debtor's (checked where the debtor's contacts are known). */
  'unknown_contact',
] as const;
export type OutcomeErrorCode = (typeof OUTCOME_ERROR_CODES)[number];

/** Longest free text accepted (a Slack multiline input allows 3000 characters). */
export const MAX_TEXT_LENGTH = 3000;
/** Instalments of a plan: monthly, up to three years after its first date. */
export const MAX_INSTALMENTS = 36;

interface OutcomeBase {
  channel: ContactChannel;
  /** Someone on the debtor's side was reached. */
  reached: boolean;
  contactId: number | null;
  note: string;
  nextContactOn: IsoDate | null;
}

export interface ReminderOutcome extends OutcomeBase {
  type: 'reminder';
}

export interface CommitmentOutcome extends OutcomeBase {
  type: 'commitment';
  currency: string;
  /** Total promised, minor units; a plan splits it over `instalments` monthly dates. */
  amount: number;
  promisedOn: IsoDate;
  instalments: number;
}

export interface BarrierOutcome extends OutcomeBase {
  type: 'barrier';
  barrierKind: BarrierKind;
  description: string;
  ownerSlackId: string;
  dueOn: IsoDate;
}

export interface PressureOutcome extends OutcomeBase {
  type: 'pressure';
  consequence: Consequence;
  deadline: IsoDate;
}

export interface PaymentPlan {
  currency: string;
  /** Total of the plan, minor units. */
  amount: number;
  firstDate: IsoDate;
  instalments: number;
}

export interface TermsChangeOutcome extends OutcomeBase {
  type: 'terms_change';
  newTerms: TermsKind;
  details: string;
  /** Set when newTerms is 'payment_plan'. */
  plan: PaymentPlan | null;
  /** Set when newTerms is 'new_due_date'. */
  newDueDate: IsoDate | null;
}

export type Outcome = ReminderOutcome | CommitmentOutcome | BarrierOutcome | PressureOutcome | TermsChangeOutcome;

export type OutcomeValidation = { ok: true; value: Outcome } | { ok: false; errors: Record<string, OutcomeErrorCode> };

export interface OutcomeContext {
  today: IsoDate;
  /** Currency of the promised amounts (the debtor's invoices or the policy's). */
  currency: string;
  /** Policy `maxDaysAhead`: how many days after today a typed date may be. */
  maxDaysAhead: number;
}

/** The furthest date the modal accepts, and the policy's number of days behind it. */
export interface DateLimit {
  latestDate: IsoDate;
  maxDaysAhead: number;
}

/** A plan's later instalments follow from its first date, so only the dates typed are capped. */
export function outcomeDateLimit(ctx: Pick<OutcomeContext, 'today' | 'maxDaysAhead'>): DateLimit {
  return { latestDate: addDays(ctx.today, ctx.maxDaysAhead), maxDaysAhead: ctx.maxDaysAhead };
}

// Slack sends an untouched optional input as null and a cleared one as "": both are "not given".
function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function given<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema);
}

const requiredText = () => z.string({ error: 'required' });

function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return given(z.enum(values, { error: (issue) => (issue.input === undefined ? 'required' : 'invalid_choice') }));
}

type DateBounds = Pick<OutcomeContext, 'today' | 'maxDaysAhead'>;

function date(bounds: DateBounds) {
  const { latestDate } = outcomeDateLimit(bounds);
  return requiredText()
    .refine(isIsoDate, { error: 'bad_date', abort: true })
    .refine((d) => d >= bounds.today, { error: 'date_in_past' })
    .refine((d) => d <= latestDate, { error: 'too_far' });
}

const requiredDate = (bounds: DateBounds) => given(date(bounds));
const optionalDate = (bounds: DateBounds) => given(date(bounds).optional()).transform((d) => d ?? null);

const optionalText = given(
  requiredText()
    .max(MAX_TEXT_LENGTH, { error: 'too_long' })
    .refine((text) => !hasControlCharacters(text), { error: 'control_characters' })
    .optional(),
).transform((t) => t ?? '');

const AMOUNT_SHAPE = /^-?\d+(?:\.(\d+))?$/;

function amountCode(text: string, currency: string): OutcomeErrorCode {
  const shape = AMOUNT_SHAPE.exec(text);
  if (!shape) return 'not_a_number';
  const significant = (shape[1] ?? '').replace(/0+$/, '');
  return significant.length > minorDigits(currency) ? 'too_many_decimals' : 'out_of_range';
}

/** Decimal text to minor units of `currency`, strictly positive. */
function positiveAmount(currency: string) {
  return given(
    requiredText().transform((text, ctx) => {
      const parsed = parseAmount(text, currency);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: amountCode(text, currency) });
        return z.NEVER;
      }
      if (parsed.minor <= 0) {
        ctx.addIssue({ code: 'custom', message: 'not_positive' });
        return z.NEVER;
      }
      return parsed.minor;
    }),
  );
}

/** A whole number of instalments, 1 when left empty. */
const instalmentCount = given(
  requiredText()
    .regex(/^-?\d+$/, { error: 'not_a_number', abort: true })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: 'out_of_range' }).max(MAX_INSTALMENTS, { error: 'out_of_range' }))
    .optional(),
).transform((n) => n ?? 1);

const contact = given(
  requiredText()
    .regex(/^(none|[1-9]\d{0,9})$/, { error: 'invalid_choice' })
    .transform((v) => (v === 'none' ? null : Number(v))),
);

/** A Slack user id (U… or, on Enterprise Grid, W…), as a users_select returns it. */
const slackUser = given(requiredText().regex(/^[UW][A-Z0-9]{2,}$/, { error: 'invalid_choice' }));

function commonSchema(ctx: OutcomeContext) {
  return z.object({
    [F.outcomeType]: choice(OUTCOME_TYPES),
    [F.channel]: choice(CONTACT_CHANNELS),
    [F.contact]: contact,
    [F.note]: optionalText,
    [F.nextContact]: optionalDate(ctx),
  });
}

/**
 * A total, a first date and a count of monthly instalments: a commitment and a payment plan
 * ask the same three things under their own block ids, which errors are reported under.
 */
function instalmentsSchema(ctx: OutcomeContext, ids: { amount: OutcomeFieldId; firstDate: OutcomeFieldId; instalments: OutcomeFieldId }) {
  return z
    .object({
      [ids.amount]: positiveAmount(ctx.currency),
      [ids.firstDate]: requiredDate(ctx),
      [ids.instalments]: instalmentCount,
    })
    .transform((fields) => ({
      amount: fields[ids.amount] as number,
      firstDate: fields[ids.firstDate] as IsoDate,
      instalments: fields[ids.instalments] as number,
    }));
}

const commitmentSchema = (ctx: OutcomeContext) =>
  instalmentsSchema(ctx, { amount: F.promiseAmount, firstDate: F.promiseDate, instalments: F.instalments });
const planSchema = (ctx: OutcomeContext) =>
  instalmentsSchema(ctx, { amount: F.planAmount, firstDate: F.planFirstDate, instalments: F.planInstalments });

function barrierSchema(ctx: OutcomeContext) {
  return z.object({
    [F.barrierKind]: choice(BARRIER_KINDS),
    [F.barrierDescription]: optionalText,
    [F.barrierOwner]: slackUser,
    [F.barrierDue]: requiredDate(ctx),
  });
}

function pressureSchema(ctx: OutcomeContext) {
  return z.object({
    [F.consequence]: choice(CONSEQUENCES),
    [F.deadline]: requiredDate(ctx),
  });
}

const termsSchema = z.object({
  [F.newTerms]: choice(TERMS_KINDS),
  [F.termsDetails]: optionalText,
});

function newDueDateSchema(ctx: OutcomeContext) {
  return z.object({ [F.newDueDate]: requiredDate(ctx) });
}

const ERROR_CODES: ReadonlySet<string> = new Set(OUTCOME_ERROR_CODES);

/** Collects the first error of each field, keyed by block id. */
function collect<T>(
  schema: z.ZodType<T>,
  input: Record<string, string | undefined>,
  errors: Record<string, OutcomeErrorCode>,
): T | undefined {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field in errors) continue;
    errors[field] = ERROR_CODES.has(issue.message) ? (issue.message as OutcomeErrorCode) : 'invalid_choice';
  }
  return undefined;
}

/**
 * Validates a submitted outcome modal (block id -> submitted text). Common fields are
 * always checked; the type's own fields only once the type itself is valid.
 */
export function validateOutcome(input: Record<string, string | undefined>, ctx: OutcomeContext): OutcomeValidation {
  const errors: Record<string, OutcomeErrorCode> = {};
  const common = collect(commonSchema(ctx), input, errors);
  const base: OutcomeBase | undefined = common && {
    channel: common.channel,
    reached: common.contact !== null,
    contactId: common.contact,
    note: common.note,
    nextContactOn: common.next_contact,
  };
  const type = OUTCOME_TYPES.find((t) => t === blankToUndefined(input[F.outcomeType]));

  let value: Outcome | undefined;
  switch (type) {
    case 'reminder':
      if (base) value = { ...base, type };
      break;
    case 'commitment': {
      const c = collect(commitmentSchema(ctx), input, errors);
      if (base && c) {
        value = { ...base, type, currency: ctx.currency, amount: c.amount, promisedOn: c.firstDate, instalments: c.instalments };
      }
      break;
    }
    case 'barrier': {
      const b = collect(barrierSchema(ctx), input, errors);
      if (base && b) {
        value = {
          ...base,
          type,
          barrierKind: b.barrier_kind,
          description: b.barrier_description,
          ownerSlackId: b.barrier_owner,
          dueOn: b.barrier_due,
        };
      }
      break;
    }
    case 'pressure': {
      const p = collect(pressureSchema(ctx), input, errors);
      if (base && p) value = { ...base, type, consequence: p.consequence, deadline: p.deadline };
      break;
    }
    case 'terms_change': {
      const t = collect(termsSchema, input, errors);
      // The fields a choice needs are checked only for that choice; others are ignored.
      let plan: PaymentPlan | null = null;
      let newDueDate: IsoDate | null = null;
      let complete = t !== undefined;
      if (t?.new_terms === 'payment_plan') {
        const p = collect(planSchema(ctx), input, errors);
        if (p) plan = { currency: ctx.currency, ...p };
        else complete = false;
      } else if (t?.new_terms === 'new_due_date') {
        const d = collect(newDueDateSchema(ctx), input, errors);
        if (d) newDueDate = d.new_due_date;
        else complete = false;
      }
      if (base && t && complete) value = { ...base, type, newTerms: t.new_terms, details: t.terms_details, plan, newDueDate };
      break;
    }
    case undefined:
      break;
  }

  if (!value || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value };
}
