import { MAX_CONTACT_LEVEL } from '../../../domain/vocabulary.js';
import { t } from '../../../slack/i18n/index.js';
import { csvText } from '../staging-text.js';
import { duplicateCheck, referenceCheck, stagingTable, upsertSql, type KindSpec } from '../kind-spec.js';

const table = stagingTable('contacts');

/** Keeps a bounce column while the address stays the same (case and spaces aside), else NULL. */
const BOUNCE_CLEARED = (column: string) =>
  `${column} = CASE WHEN lower(trim(t.email)) = lower(trim(excluded.email)) THEN t.${column} END`;

export const contactsSpec: KindSpec = {
  kind: 'contacts',
  columns: ['debtor_external_id', 'name', 'level', 'phone', 'email', 'whatsapp'],
  key: [0, 1],
  staging: [
    ['debtor_external_id', 'text'],
    ['name', 'text'],
    ['level', 'smallint'],
    ['phone', 'text'],
    ['email', 'text'],
    ['whatsapp', 'text'],
  ],
  rowWriter(policy, c) {
    const level = t(policy.locale, 'importProblem.contactLevel');
    return () => {
      const debtor = c.text(0, true);
      const name = c.text(1, true);
      const contactLevel = c.integer(2, 0, MAX_CONTACT_LEVEL, level);
      const phone = c.text(3);
      const email = c.text(4);
      const whatsapp = c.text(5);
      return `${csvText(debtor)},${csvText(name)},${contactLevel},${csvText(phone)},${csvText(email)},${csvText(whatsapp)}`;
    };
  },
  checks: [
    duplicateCheck(
      table,
      ['debtor_external_id', 'name'],
      'name',
      (r, locale) => t(locale, 'importProblem.contactRepeated', { name: String(r.name), debtor: String(r.debtor_external_id), first: String(r.first_line) }),
    ),
    referenceCheck(table, 'debtor_external_id', 'debtors', 'external_id', 'debtor', 'debtors.csv', true),
  ],
  upsert: upsertSql({
    table: 'contacts',
    key: ['debtor_id', 'name'],
    columns: ['debtor_id', 'name', 'level', 'phone', 'email', 'whatsapp'],
    source: (staged) =>
      `SELECT d.id AS debtor_id, s.name, s.level, s.phone, s.email, s.whatsapp
       FROM ${staged} s LEFT JOIN debtors d ON d.external_id = s.debtor_external_id`,
    // A bounced address stops notices until the ERP changes it: a new address clears the bounce.
    alsoSet: [BOUNCE_CLEARED('email_bounced_at'), BOUNCE_CLEARED('email_bounce_reason')],
  }),
};
