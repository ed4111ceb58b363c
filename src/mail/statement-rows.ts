// The statement of account as people read it: every cell already formatted for the
// statement's locale. The notice email and the PDF show the same rows.

import { formatMoney } from '../domain/money.js';
import { formatDayIn } from '../slack/i18n/dates.js';
import { t } from '../slack/i18n/index.js';
import type { IsoDate } from '../domain/calendar.js';
import type { Locale } from '../domain/policy.js';
import type { Statement } from './statement.js';

export interface StatementRow {
  number: string;
  issueDate: string;
  dueDate: string;
  amount: string;
  open: string;
  /** "23", or "por vencer" / "not yet due" when the invoice is not past due. */
  daysOverdue: string;
  overdue: boolean;
}

export const COLUMNS = ['number', 'issueDate', 'dueDate', 'amount', 'open', 'daysOverdue'] as const;

/** The column titles, in the order of {@link StatementRow}'s cells. */
export type StatementHeadings = Record<(typeof COLUMNS)[number], string>;
export type Column = (typeof COLUMNS)[number];
/** Columns whose cells line up on the right (figures). */
export const RIGHT_ALIGNED: ReadonlySet<Column> = new Set<Column>(['amount', 'open', 'daysOverdue']);

/** "23 nov 2026" / "Nov 23, 2026": no weekday, the table is narrow. */
export function statementDate(date: IsoDate, locale: Locale): string {
  return formatDayIn(new Date(`${date}T00:00:00Z`), 'UTC', locale);
}

export function statementHeadings(locale: Locale): StatementHeadings {
  return {
    number: t(locale, 'noticeEmail.number'),
    issueDate: t(locale, 'noticeEmail.issueDate'),
    dueDate: t(locale, 'noticeEmail.dueDate'),
    amount: t(locale, 'noticeEmail.amount'),
    open: t(locale, 'noticeEmail.open'),
    daysOverdue: t(locale, 'noticeEmail.daysOverdue'),
  };
}

export function statementRows(statement: Statement): StatementRow[] {
  const { locale, currency } = statement;
  const notDue = t(locale, 'noticeEmail.notDue');
  return statement.invoices.map((invoice) => ({
    number: invoice.number,
    issueDate: statementDate(invoice.issueDate, locale),
    dueDate: statementDate(invoice.dueDate, locale),
    amount: formatMoney(invoice.amount, currency, locale),
    open: formatMoney(invoice.open, currency, locale),
    daysOverdue: invoice.daysOverdue > 0 ? String(invoice.daysOverdue) : notDue,
    overdue: invoice.daysOverdue > 0,
  }));
}
