import { t } from '../../../slack/i18n/index.js';
import { csvText } from '../staging-text.js';
import { DIGEST_COLUMN } from '../line-digests.js';
import { duplicateCheck, referenceCheck, repeatedMessage, stagingTable, upsertSql, type KindSpec } from '../kind-spec.js';

const table = stagingTable('invoices');

export const invoicesSpec: KindSpec = {
  kind: 'invoices',
  columns: ['external_id', 'debtor_external_id', 'number', 'issue_date', 'due_date', 'amount', 'open_amount', 'currency'],
  key: [0],
  staging: [
    ['external_id', 'text'],
    ['debtor_external_id', 'text'],
    ['number', 'text'],
    ['issue_date', 'date'],
    ['due_date', 'date'],
    ['amount', 'bigint'],
    ['open_amount', 'bigint'],
    ['currency', 'char(3)'],
  ],
  rowWriter(policy, c) {
    return () => {
      const externalId = c.text(0, true);
      const debtor = c.text(1, true);
      const number = c.text(2);
      const issued = c.date(3);
      const due = c.date(4);
      if (issued && due && due < issued) c.problem(4, t(policy.locale, 'importProblem.dueBeforeIssue', { due, issued }));
      const currency = c.currency(7, policy.currency);
      const amount = c.amount(5, currency, false);
      const open = c.amount(6, currency, false);
      return `${csvText(externalId)},${csvText(debtor)},${csvText(number)},${issued},${due},${amount},${open},${currency}`;
    };
  },
  checks: [
    duplicateCheck(table, ['external_id'], 'external_id', repeatedMessage('invoice', 'external_id')),
    referenceCheck(table, 'debtor_external_id', 'debtors', 'external_id', 'debtor', 'debtors.csv', true),
  ],
  upsert: upsertSql({
    table: 'invoices',
    key: ['external_id'],
    columns: ['external_id', 'debtor_id', 'number', 'issue_date', 'due_date', 'amount', 'open_amount', 'currency', DIGEST_COLUMN],
    source: (staged) =>
      `SELECT s.external_id, d.id AS debtor_id, s.number, s.issue_date, s.due_date, s.amount, s.open_amount, s.currency, s.${DIGEST_COLUMN}
       FROM ${staged} s LEFT JOIN debtors d ON d.external_id = s.debtor_external_id`,
    written: [DIGEST_COLUMN],
    touch: 'updated_at',
  }),
  // A nightly export repeats most of the last one: those lines are only counted.
  lineDigests: {
    // The same line reads as another amount or date under other csv settings; the default
    // ones add nothing, so digests stored before these settings existed still match.
    context: ({ currency, csv }) => (csv.decimalSeparator === '.' && csv.dateFormat === 'YYYY-MM-DD' ? [currency] : [currency, csv.decimalSeparator, csv.dateFormat]),
    storedOfStaged: (staged) =>
      `SELECT s.line, s.external_id, encode(t.${DIGEST_COLUMN}, 'hex') AS digest FROM ${staged} s
       JOIN invoices t ON t.external_id = s.external_id AND t.${DIGEST_COLUMN} <> s.${DIGEST_COLUMN}`,
    remember: (staged) =>
      `UPDATE invoices t SET ${DIGEST_COLUMN} = s.${DIGEST_COLUMN} FROM ${staged} s
       WHERE t.external_id = s.external_id AND t.${DIGEST_COLUMN} IS DISTINCT FROM s.${DIGEST_COLUMN}`,
  },
};
