import { t } from '../../../slack/i18n/index.js';
import { csvNullable, csvText } from '../staging-text.js';
import { duplicateCheck, referenceCheck, repeatedMessage, stagingTable, upsertSql, type KindSpec } from '../kind-spec.js';

const table = stagingTable('payments');

export const paymentsSpec: KindSpec = {
  kind: 'payments',
  columns: ['external_id', 'debtor_external_id', 'invoice_external_id', 'paid_on', 'amount', 'currency', 'method', 'reference'],
  key: [0],
  staging: [
    ['external_id', 'text'],
    ['debtor_external_id', 'text'],
    ['invoice_external_id', 'text'],
    ['paid_on', 'date'],
    ['amount', 'bigint'],
    ['currency', 'char(3)'],
    ['method', 'text'],
    ['reference', 'text'],
  ],
  rowWriter(policy, c) {
    return () => {
      const externalId = c.text(0, true);
      const debtor = c.text(1, true);
      // Empty: a payment on account, applied to no invoice in particular.
      const invoice = c.text(2);
      const paidOn = c.date(3);
      const currency = c.currency(5, policy.currency);
      const amount = c.amount(4, currency, true);
      const method = c.text(6);
      const reference = c.text(7);
      return `${csvText(externalId)},${csvText(debtor)},${csvNullable(invoice)},${paidOn},${amount},${currency},${csvText(method)},${csvText(reference)}`;
    };
  },
  checks: [
    duplicateCheck(table, ['external_id'], 'external_id', repeatedMessage('payment', 'external_id')),
    referenceCheck(table, 'debtor_external_id', 'debtors', 'external_id', 'debtor', 'debtors.csv', true),
    // The upsert refuses a payment on an unknown invoice, or on another debtor's, by leaving
    // its debtor empty; only then do these two run.
    referenceCheck(table, 'invoice_external_id', 'invoices', 'external_id', 'invoice', 'invoices.csv', true),
    {
      skippable: 'upsert',
      sql: `SELECT s.line, s.invoice_external_id AS invoice, s.debtor_external_id AS debtor, owner.external_id AS owner
            FROM ${table} s JOIN invoices i ON i.external_id = s.invoice_external_id
            JOIN debtors d ON d.external_id = s.debtor_external_id
            JOIN debtors owner ON owner.id = i.debtor_id
            WHERE i.debtor_id <> d.id`,
      problem: (r, locale) => ({
        line: r.line,
        column: 'invoice_external_id',
        message: t(locale, 'importProblem.otherDebtorsInvoice', { invoice: String(r.invoice), owner: String(r.owner), debtor: String(r.debtor) }),
      }),
    },
  ],
  upsert: upsertSql({
    table: 'payments',
    key: ['external_id'],
    columns: ['external_id', 'debtor_id', 'invoice_id', 'paid_on', 'amount', 'currency', 'method', 'reference'],
    source: (staged) =>
      `SELECT s.external_id, CASE WHEN s.invoice_external_id IS NULL OR i.debtor_id = d.id THEN d.id END AS debtor_id, i.id AS invoice_id, s.paid_on, s.amount, s.currency, s.method, s.reference
       FROM ${staged} s LEFT JOIN debtors d ON d.external_id = s.debtor_external_id
       LEFT JOIN invoices i ON i.external_id = s.invoice_external_id`,
    touch: 'updated_at',
  }),
};
