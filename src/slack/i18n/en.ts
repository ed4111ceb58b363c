// English. Typed against the Spanish catalog, so a missing key does not compile.

import type { Catalog } from './es.js';

export const en: Catalog = {
  objective: {
    reminder: 'Reminder',
    barrier: 'Remove payment barrier',
    commitment: 'Payment commitment',
    pressure: 'Apply pressure',
    terms_change: 'Change terms',
  },

  reason: {
    pressure_deadline_passed: 'The announced deadline passed unpaid: apply the consequence.',
    suspected_fraud: 'Suspected fraud: demand payment and announce the consequence.',
    pressure_pending: 'A consequence has been announced: hold the deadline until they pay.',
    broken_promises: 'Broken promises: {count}. Time to apply pressure.',
    long_overdue: '{days} days overdue: announce a consequence.',
    open_barrier: 'Open payment barriers: {count}. No payment until they are removed.',
    overdue_no_promise: '{days} days overdue with no promise: ask for an amount and a date.',
    promise_due_today: 'Their promise to pay is due today: remind them.',
    promise_pending: 'Pending promises: {count}. Remind them before the date.',
    new_debtor: 'New debtor, no contact yet: introduce yourself and confirm contacts and invoices.',
    recently_overdue: '{days} days overdue, first contact: remind them of the invoice.',
    due_today: 'An invoice is due today: remind them to pay.',
    preventive: 'An invoice falls due in {days} days: preventive reminder.',
    up_to_date: 'Up to date: nothing overdue or falling due.',
  },

  outcomeError: {
    required: 'This field is required.',
    not_a_number: 'Enter a number with a decimal point and no thousands separator (e.g. 1234.50).',
    not_positive: 'Must be greater than zero.',
    too_many_decimals: 'Has more decimals than the currency allows.',
    bad_date: 'Not a valid date.',
    date_in_past: 'The date cannot be before today.',
    out_of_range: 'Out of the allowed range.',
    too_long: 'The text is too long (3000 characters at most).',
    invalid_choice: 'Choose one of the options.',
  },

  aging: {
    current: 'Current',
    '1-30': '1 to 30 days',
    '31-60': '31 to 60 days',
    '61-90': '61 to 90 days',
    '90+': 'Over 90 days',
  },

  creditStatus: {
    active: 'Credit active',
    hold: 'Credit on hold',
    revoked: 'Credit revoked',
  },

  channel: {
    phone: 'Phone',
    email: 'Email',
    whatsapp: 'WhatsApp',
    visit: 'Visit',
    meeting: 'Meeting',
    other: 'Other',
  },

  barrierKind: {
    missing_document: 'Missing document',
    invoice_error: 'Invoice error',
    withholding_certificate: 'Tax or withholding certificate',
    supplier_data: 'Supplier data update',
    approval_pending: 'Approval pending',
    dispute: 'Goods or service dispute',
    other: 'Other',
  },

  barrierState: {
    open: 'Open',
    resolved: 'Resolved',
    cancelled: 'Cancelled',
  },

  consequence: {
    legal: 'Legal referral',
    suspension: 'Service suspension',
    bureau: 'Credit bureau report',
    credit_withdrawal: 'Credit withdrawal',
  },

  pressureState: {
    pending: 'Within deadline',
    met: 'Paid in time',
    applied: 'Consequence applied',
    cancelled: 'Cancelled',
  },

  termsKind: {
    credit_hold: 'Put credit on hold',
    credit_revoked: 'Revoke credit',
    credit_restored: 'Restore credit',
    payment_plan: 'Payment plan',
    new_due_date: 'New due date',
  },

  promiseState: {
    pending: 'Pending',
    kept: 'Kept',
    partial: 'Partly kept',
    broken: 'Broken',
    cancelled: 'Cancelled',
  },

  risk: {
    low: 'Low risk',
    medium: 'Medium risk',
    high: 'High risk',
  },

  role: {
    collector: 'Collector',
    lead: 'Collections lead',
    manager: 'Collections manager',
    admin: 'Administrator',
  },

  escalationLevel: {
    '0': 'Payments clerk',
    '1': 'Head of administration',
    '2': 'Manager',
    '3': 'Managing director',
    '4': 'Legal / recovery',
  },

  worklist: {
    title: "{name}'s list for {date}: {count} debtors",
    empty: 'Nothing to work on today.',
    daysOverdue: '{days} days overdue',
    notOverdue: 'nothing overdue',
  },

  demo: {
    imported: '{file}: {inserted} new, {updated} updated, {unchanged} unchanged',
    activity: 'Example contacts logged: {count}',
  },
};
