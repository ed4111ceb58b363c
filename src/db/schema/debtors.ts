import { sql } from 'drizzle-orm';
import { index, integer, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { creditStatusEnum, riskEnum } from './enums.js';

export const debtors = pgTable(
  'debtors',
  {
    id: serial('id').primaryKey(),
    externalId: text('external_id').notNull().unique(),
    name: text('name').notNull(),
    /** Lower case, accents and punctuation removed: what `/deudor` searches. */
    searchName: text('search_name').notNull(),
    taxId: text('tax_id').notNull(),
    /** Tax id upper case without separators, for exact look-up. */
    taxIdKey: text('tax_id_key').notNull(),
    segment: text('segment').notNull().default(''),
    risk: riskEnum('risk').notNull().default('medium'),
    // Set only by the import, which names an unknown collector as an error (see invoices).
    collectorId: integer('collector_id'),
    /** The ERP's own credit status, as the last debtors import said. */
    creditStatus: creditStatusEnum('credit_status').notNull().default('active'),
    /**
     * The collection team's credit decision (a terms change logged in Slack, or the revocation
     * at the top of the ladder); null when there is none. No import touches it.
     */
    teamCreditStatus: creditStatusEnum('team_credit_status'),
    creditDecidedAt: timestamp('credit_decided_at', { withTimezone: true }),
    /** The user who decided; null when the escalation ladder did. */
    creditDecidedBy: integer('credit_decided_by'),
    creditDecisionReason: text('credit_decision_reason'),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    /** When the level last moved; broken promises judged after it count toward the next rise. */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('debtors_collector_idx').on(t.collectorId),
    index('debtors_tax_id_key_idx').on(t.taxIdKey),
    // `/deudor ACME-001` finds the code whatever its case.
    index('debtors_external_id_upper_idx').on(sql`upper(${t.externalId})`),
    index('debtors_search_name_trgm_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
  ],
);

export type Debtor = typeof debtors.$inferSelect;
