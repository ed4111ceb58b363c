import { normaliseSearchText, taxIdKey } from '../../../domain/search-text.js';
import { CREDIT_STATUSES, RISKS } from '../../../domain/vocabulary.js';
import { csvNullable, csvText } from '../staging-text.js';
import { duplicateCheck, referenceCheck, repeatedMessage, stagingTable, upsertSql, type KindSpec } from '../kind-spec.js';

const table = stagingTable('debtors');

export const debtorsSpec: KindSpec = {
  kind: 'debtors',
  columns: ['external_id', 'name', 'tax_id', 'segment', 'risk', 'collector_slack_id', 'credit_status'],
  key: [0],
  staging: [
    ['external_id', 'text'],
    ['name', 'text'],
    ['search_name', 'text'],
    ['tax_id', 'text'],
    ['tax_id_key', 'text'],
    ['segment', 'text'],
    ['risk', 'debtor_risk'],
    ['collector_slack_id', 'text'],
    ['credit_status', 'credit_status'],
  ],
  rowWriter(_policy, c) {
    return () => {
      const externalId = c.text(0, true);
      const name = c.text(1, true);
      const taxId = c.text(2);
      const segment = c.text(3);
      const risk = c.oneOf(4, RISKS, 'medium');
      // Empty: nobody is responsible yet (an alarm says so once the debtor is overdue).
      const collector = c.text(5);
      const status = c.oneOf(6, CREDIT_STATUSES, 'active');
      return [
        csvText(externalId),
        csvText(name),
        csvText(normaliseSearchText(name)),
        csvText(taxId),
        csvText(taxIdKey(taxId)),
        csvText(segment),
        risk,
        csvNullable(collector),
        status,
      ].join(',');
    };
  },
  checks: [
    duplicateCheck(table, ['external_id'], 'external_id', repeatedMessage('debtor', 'external_id')),
    referenceCheck(table, 'collector_slack_id', 'users', 'slack_user_id', 'user', 'users.csv', false),
  ],
  // The escalation level and its date belong to the collection process, not to the ERP;
  // so does the team's credit decision: `credit_status` here is the ERP's own, and an
  // empty or `active` one never loosens what the team decided.
  upsert: upsertSql({
    table: 'debtors',
    key: ['external_id'],
    columns: ['external_id', 'name', 'search_name', 'tax_id', 'tax_id_key', 'segment', 'risk', 'collector_id', 'credit_status'],
    source: (staged) =>
      `SELECT s.external_id, s.name, s.search_name, s.tax_id, s.tax_id_key, s.segment, s.risk, u.id AS collector_id, s.credit_status
       FROM ${staged} s LEFT JOIN users u ON u.slack_user_id = s.collector_slack_id`,
    touch: 'updated_at',
  }),
};
