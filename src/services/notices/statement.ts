import { daysBetween, type IsoDate } from '../../domain/calendar.js';
import type { Policy } from '../../domain/policy.js';
import type { Statement } from '../../mail/statement.js';

/** A debtor's open invoice in one currency, as loaded for its statement. */
export interface OpenInvoice {
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  amount: number;
  open: number;
}

export interface StatementParty {
  debtor: { name: string; externalId: string; taxId: string };
  currency: string;
  collector: { name: string; email: string };
  recipient: { name: string; email: string };
}

/**
 * The statement of account a notice carries: every open invoice given (oldest due first, as
 * loaded), days overdue on `date`, the company's name and payment instructions from the policy.
 */
export function buildStatement(policy: Policy, date: IsoDate, party: StatementParty, invoices: readonly OpenInvoice[]): Statement {
  return {
    locale: policy.locale,
    date,
    companyName: policy.notices.companyName,
    debtor: { ...party.debtor, taxIdLabel: policy.taxIdLabel },
    currency: party.currency,
    invoices: invoices.map((i) => ({ ...i, daysOverdue: daysBetween(i.dueDate, date) })),
    totalOpen: invoices.reduce((sum, i) => sum + i.open, 0),
    paymentInstructions: policy.notices.paymentInstructions,
    collector: party.collector,
    recipient: party.recipient,
  };
}
