import type { IsoDate } from '../domain/calendar.js';
import type { Locale } from '../domain/policy.js';

export type { NoticeTone } from '../domain/notice-steps.js';

export interface StatementInvoice {
  number: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  /** Minor units of the statement's currency. */
  amount: number;
  open: number;
  /** Days past the due date on the statement's date; 0 or less when not yet due. */
  daysOverdue: number;
}

/** A debtor's statement of account in one currency, as a notice email and its PDF show it. */
export interface Statement {
  locale: Locale;
  /** The statement's date (the notice's day). */
  date: IsoDate;
  companyName: string;
  debtor: { name: string; externalId: string; taxId: string; taxIdLabel: string };
  currency: string;
  /** Every open invoice of the debtor in this currency, oldest due first. */
  invoices: StatementInvoice[];
  /** Sum of `open`. */
  totalOpen: number;
  paymentInstructions: string;
  /** Who signs the email and gets the replies. */
  collector: { name: string; email: string };
  /** The contact the email is addressed to. */
  recipient: { name: string; email: string };
}

/** An email ready for the queue: the PDF's name is `estado-de-cuenta-<external_id>-<date>.pdf`. */
export interface NoticeEmail {
  subject: string;
  text: string;
  html: string;
  attachmentName: string;
}
