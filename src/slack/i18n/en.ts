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

  common: {
    logOutcome: 'Log contact',
    openDebtor: 'Open card',
    andMore: 'and {count} more',
    noCollector: 'no collector',
    levelLabel: '{level} · {label}',
  },

  card: {
    fallback: '{name}: {overdue} overdue',
    fallbackNoOverdue: '{name}: nothing overdue',
    ids: 'Code {externalId} · Tax ID {taxId}',
    collector: 'Collector',
    level: 'Escalation level',
    credit: 'Credit',
    oldest: 'Oldest overdue',
    oldestDays: '{days} days',
    nothingOverdue: 'Nothing overdue',
    balances: 'Balances',
    balanceLine: '{currency}: {open} open, {overdue} overdue',
    noBalance: 'No open balance.',
    nextAction: 'Suggested next action',
    promises: 'Open promises ({count})',
    promiseLine: '{date}: {amount}',
    instalment: 'instalment {no} of {count}',
    barriers: 'Open barriers ({count})',
    barrierLine: '{kind}, owned by {owner}, due {date}',
    barrierLineOverdue: '{kind}, owned by {owner}, was due {date}',
    pressures: 'Announced consequences ({count})',
    pressureLine: '{consequence}, deadline {date}',
    contacts: 'Last contacts',
    contactLine: '{date} · {objective} · {channel} · {author}',
    reachedWith: 'spoke with {name}',
    reached: 'reached',
    notReached: 'not reached',
    noContacts: 'No contacts logged yet.',
    today: 'today',
  },

  search: {
    pickTitle: 'I found {count} debtors for “{query}”. Pick one:',
    pickFallback: 'Several debtors match “{query}”',
    notFound: 'No debtor matches “{query}”.',
    suggestions: 'Did you mean one of these?',
    usageHint: "Type {command} followed by the debtor's name, code or tax ID. {command} help shows examples.",
    helpFallback: 'How to use {command}',
    helpTitle: 'Look up a debtor',
    helpUsage: "{command} <name, code or tax ID> shows the debtor's card: balances, promises, barriers, last contacts and the suggested next action, with a button to log the contact.",
    helpExamples: 'Examples',
    helpByName: 'by name; accents and capitals do not matter',
    helpByCode: 'by customer code',
    helpByTaxId: 'by tax ID (RFC)',
    helpMatches: 'When several debtors look alike I list them so you can pick one; when none matches, I suggest the closest names.',
  },

  modal: {
    title: 'Log a contact',
    submit: 'Save',
    close: 'Cancel',
    debtor: 'Contact with *{name}* on {date}',
    outcomeType: 'Objective of the contact',
    outcomeTypeHint: 'Choosing one shows its fields.',
    channel: 'Channel',
    contact: 'Who did you speak with?',
    contactNone: 'Nobody / no answer',
    note: 'Note',
    notePlaceholder: 'What was said, agreements, excuses…',
    nextContact: 'Next contact',
    nextContactHint: 'The debtor comes back to your list that day.',
    choose: 'Choose an option',
    chooseDate: 'Choose a date',
    choosePerson: 'Choose a person',
    promiseAmount: 'Promised amount',
    amountHint: 'In {currency}, with a decimal point and no thousands separator (e.g. 12500.00).',
    promiseDate: 'Promised date',
    instalments: 'Number of payments',
    instalmentsHint: 'More than 1 splits the amount into monthly payments starting on the promised date.',
    barrierKind: 'Kind of barrier',
    barrierDescription: 'Description',
    barrierOwner: 'Internal owner',
    barrierDue: 'Resolve by',
    consequence: 'Consequence announced',
    deadline: 'Deadline to pay',
    newTerms: 'New terms',
    planAmount: 'Total of the plan',
    planFirstDate: 'Date of the first payment',
    planInstalments: 'Number of monthly payments',
    newDueDate: 'New due date',
    termsDetails: 'Details',
    unknownOwner: 'That person is not registered in Cobranza: choose someone from the team.',
  },

  leadSummary: {
    title: 'Team {team} summary, {date}',
    legend: 'Per collector: debtors on today\'s list · contacts since the previous working day · promises due today · promises broken · promised · collected.',
    line: '{who}: {onList} on the list · {contacts} contacts · {due} promises today · {broken} broken · promised {promised} · collected {collected}',
    team: 'Team',
  },

  notice: {
    loadingTitle: 'Cobranza',
    loading: 'Loading…',
    cardTitle: 'Debtor',
    close: 'Close',
    notRegisteredHome: 'You are not registered in Cobranza yet. Ask an administrator to add you to see your daily list here.',
  },

  stored: {
    title: 'Contact logged',
    close: 'Close',
    summary: 'Logged the contact with *{name}*: {objective} ({channel}).',
    reached: 'The debtor was reached.',
    notReached: 'Nobody was reached.',
    followUp: 'Follow-up',
    reminder: 'Reminder given.',
    promise: 'Promise of {amount} for {date}.',
    plan: 'Plan of {count} monthly payments from {date}, {amount} in total.',
    barrier: 'Barrier: {kind}, owned by {owner}, due {date}.',
    description: 'Description: {text}',
    pressure: 'Consequence announced: {consequence}. Deadline: {date}.',
    terms: 'New terms: {terms}.',
    newDueDate: 'New due date: {date}.',
    details: 'Details: {text}',
    nextContact: 'Next contact: {date}.',
    noNextContact: 'No next contact date.',
    note: 'Note: {text}',
  },

  barrierAssigned: {
    text: '{assigner} assigned you a payment barrier of {name}: {kind}, due {date}.',
    body: '{assigner} assigned you a payment barrier of *{name}*.',
    kindDue: '*{kind}*. Resolve by {date}.',
  },

  dailyList: {
    title: 'Your list for today, {date}: {count} debtors',
    titleOne: 'Your list for today, {date}: 1 debtor',
    text: '{name}, your list for today, {date}: {count} debtors',
    textOne: '{name}, your list for today, {date}: 1 debtor',
    continued: '(continued, {part}/{parts})',
    continuedText: 'Your list for today, {date} (continued, {part}/{parts})',
    nothing: 'Nothing to work on today, {date}. Your list is empty.',
  },

  alarm: {
    promise_broken: 'Broken promise: {amount} for {date}, unpaid.',
    promise_partial: 'Promise partly kept: of {amount} for {date} they paid {paid}; {missing} missing.',
    escalation: 'Escalation: moves from {from} to {to} because of {cause}.',
    pressure_deadline: 'The deadline of the announced consequence ({consequence}, {deadline}) passed unpaid: apply it.',
    barrier_overdue: 'Overdue barrier: {kind}, owned by {owner}, was due {dueOn}.',
    no_contact: 'Overdue with no contact logged in {days} days ({workingDays} working days).',
    no_collector: 'Has {amount} overdue and no collector assigned.',
  },

  escalationCause: {
    days_overdue: 'days overdue',
    broken_promises: 'broken promises',
    paid_up: 'payment of everything overdue',
  },

  alarmMessage: {
    ack: 'Acknowledge',
    level: 'level {level} ({label})',
    acknowledged: 'Acknowledged by {user} on {when}',
    missing: '—',
  },

  home: {
    greeting: 'Hello, {name}',
    today: 'Your list for today, {date}',
    todayCount: '{count} debtors to work on.',
    todayCountOne: '1 debtor to work on.',
    todayEmpty: 'Nothing to work on today.',
    promises: 'Open promises',
    promisesEmpty: 'No open promises.',
    barriers: 'Open barriers',
    barriersEmpty: 'No open barriers.',
    alarms: "Team alarms not yet acknowledged",
    alarmsEmpty: 'No pending alarms.',
    overdue: 'overdue',
  },

  error: {
    not_registered: 'I cannot find you among the users of Cobranza. Ask your collections lead or an administrator to add you.',
    forbidden: 'You are not allowed to do this. If you think you should be, talk to your collections lead.',
    failed: 'Something went wrong on our side. Please try again in a moment; if it keeps failing, tell an administrator.',
    debtor_not_found: 'I cannot find that debtor any more. Look it up again with {command}.',
    already_acknowledged: 'This alarm was already acknowledged; nothing else to do.',
  },
};
