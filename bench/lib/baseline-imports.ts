// The baseline of each import: the same file loaded by COPY and stored by one upsert, with
// the conversions the ERP format needs done in SQL (decimal amounts to minor units, empty
// cells to their defaults, names to their search form).
import type { BaselineImport } from './import-measure.js';

// The product's search form of a name (src/domain/search-text.ts), as far as SQL can say it
// cheaply: lower case, accents and periods dropped, other punctuation to spaces.
const searchName = (column: string) =>
  `btrim(regexp_replace(lower(translate(replace(replace(${column}, '.', ''), '''', ''), 'ÁÉÍÓÚÜÑáéíóúüñ', 'AEIOUUNaeiouun')), '[^a-z0-9]+', ' ', 'g'))`;

export const debtorsBaseline: BaselineImport = {
  table: 'debtors',
  staging: 'external_id text, name text, tax_id text, segment text, risk text, collector_slack_id text, credit_status text',
  key: ['external_id'],
  columns: ['external_id', 'name', 'search_name', 'tax_id', 'tax_id_key', 'segment', 'risk', 'collector_id', 'credit_status'],
  select: `SELECT s.external_id, s.name, ${searchName('s.name')} AS search_name, coalesce(s.tax_id, '') AS tax_id,
                  upper(regexp_replace(coalesce(s.tax_id, ''), '[^A-Za-z0-9]+', '', 'g')) AS tax_id_key,
                  coalesce(s.segment, '') AS segment, coalesce(s.risk, 'medium')::debtor_risk AS risk, u.id AS collector_id,
                  coalesce(s.credit_status, 'active')::credit_status AS credit_status
           FROM {staging} s LEFT JOIN users u ON u.slack_user_id = s.collector_slack_id`,
  touch: 'updated_at',
};

export const contactsBaseline: BaselineImport = {
  table: 'contacts',
  staging: 'debtor_external_id text, name text, level smallint, phone text, email text, whatsapp text',
  key: ['debtor_id', 'name'],
  columns: ['debtor_id', 'name', 'level', 'phone', 'email', 'whatsapp'],
  select: `SELECT d.id AS debtor_id, s.name, s.level, coalesce(s.phone, '') AS phone, coalesce(s.email, '') AS email,
                  coalesce(s.whatsapp, '') AS whatsapp
           FROM {staging} s JOIN debtors d ON d.external_id = s.debtor_external_id`,
};

export const invoicesBaseline: BaselineImport = {
  table: 'invoices',
  staging: 'external_id text, debtor_external_id text, number text, issue_date date, due_date date, amount numeric, open_amount numeric, currency text',
  key: ['external_id'],
  columns: ['external_id', 'debtor_id', 'number', 'issue_date', 'due_date', 'amount', 'open_amount', 'currency'],
  select: `SELECT s.external_id, d.id AS debtor_id, coalesce(s.number, '') AS number, s.issue_date, s.due_date,
                  round(s.amount * 100)::bigint AS amount, round(s.open_amount * 100)::bigint AS open_amount,
                  coalesce(s.currency, 'MXN')::char(3) AS currency
           FROM {staging} s JOIN debtors d ON d.external_id = s.debtor_external_id`,
  touch: 'updated_at',
};

export const paymentsBaseline: BaselineImport = {
  table: 'payments',
  staging: 'external_id text, debtor_external_id text, invoice_external_id text, paid_on date, amount numeric, currency text, method text, reference text',
  key: ['external_id'],
  columns: ['external_id', 'debtor_id', 'invoice_id', 'paid_on', 'amount', 'currency', 'method', 'reference'],
  select: `SELECT s.external_id, d.id AS debtor_id, i.id AS invoice_id, s.paid_on, round(s.amount * 100)::bigint AS amount,
                  coalesce(s.currency, 'MXN')::char(3) AS currency, coalesce(s.method, '') AS method, coalesce(s.reference, '') AS reference
           FROM {staging} s JOIN debtors d ON d.external_id = s.debtor_external_id
           LEFT JOIN invoices i ON i.external_id = s.invoice_external_id`,
  touch: 'updated_at',
};
