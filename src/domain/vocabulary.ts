// The words of the collection process, shared by the database enums, the CSV import,
// the outcome validation and the Slack modal. One list each, so they cannot drift.

export const ROLES = ['collector', 'lead', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** `fraud` is the team's own mark, the only source of "suspected fraud" (never inferred from `high`). */
export const RISKS = ['low', 'medium', 'high', 'fraud'] as const;
export type Risk = (typeof RISKS)[number];

export const CREDIT_STATUSES = ['active', 'hold', 'revoked'] as const;
export type CreditStatus = (typeof CREDIT_STATUSES)[number];

export const OUTCOME_TYPES = ['reminder', 'barrier', 'commitment', 'pressure', 'terms_change'] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

export const CONTACT_CHANNELS = ['phone', 'email', 'whatsapp', 'visit', 'meeting', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const PROMISE_STATES = ['pending', 'kept', 'partial', 'broken', 'cancelled'] as const;
export type PromiseState = (typeof PROMISE_STATES)[number];

export const BARRIER_KINDS = [
  'missing_document',
  'invoice_error',
  'withholding_certificate',
  'supplier_data',
  'approval_pending',
  'dispute',
  'other',
] as const;
export type BarrierKind = (typeof BARRIER_KINDS)[number];

export const BARRIER_STATES = ['open', 'resolved', 'cancelled'] as const;
export type BarrierState = (typeof BARRIER_STATES)[number];

export const CONSEQUENCES = ['legal', 'suspension', 'bureau', 'credit_withdrawal'] as const;
export type Consequence = (typeof CONSEQUENCES)[number];

export const PRESSURE_STATES = ['pending', 'met', 'applied', 'cancelled'] as const;
export type PressureState = (typeof PRESSURE_STATES)[number];

export const TERMS_KINDS = ['credit_hold', 'credit_revoked', 'credit_restored', 'payment_plan', 'new_due_date'] as const;
export type TermsKind = (typeof TERMS_KINDS)[number];

export const ALARM_KINDS = [
  'promise_broken',
  'promise_partial',
  'escalation',
  'pressure_deadline',
  'barrier_overdue',
  'no_contact',
  'no_collector',
  'no_email',
  'email_bounced',
] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

/** Escalation ladder levels: 0 payments clerk … 4 legal. Contacts carry 0-3. */
export const MAX_LEVEL = 4;
export const MAX_CONTACT_LEVEL = 3;

/**
 * A notice's life: `planned` when its day's triggers are known (the morning DM lists it),
 * `held` by its collector for the day, `queued` with its email, `skipped` when a rule
 * stopped it (the reason is kept), then `sent` or `failed` with its email.
 */
export const NOTICE_STATES = ['planned', 'held', 'queued', 'skipped', 'sent', 'failed'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];
