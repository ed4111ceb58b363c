import type { Statement, StatementInvoice } from '../../src/mail/statement.js';

/** `count` invoices of one debtor, oldest due first, the first ones overdue. */
export function invoices(count: number): StatementInvoice[] {
  return Array.from({ length: count }, (_, i) => ({
    number: `F-${String(1001 + i)}`,
    issueDate: '2026-09-01',
    dueDate: '2026-10-01',
    amount: 150_000 + i * 1_000,
    open: 100_000 + i * 1_000 + i,
    daysOverdue: 5 - i,
  }));
}

/** A statement of account in Spanish, MXN, with `count` invoices. */
export function statement(overrides: Partial<Statement> = {}, count = 3): Statement {
  const list = overrides.invoices ?? invoices(count);
  return {
    locale: 'es',
    date: '2026-11-23',
    companyName: 'Aceros del Norte, S.A. de C.V.',
    debtor: { name: 'Ferretería López', externalId: 'CL-0042', taxId: 'FLO850101AB1', taxIdLabel: 'RFC' },
    currency: 'MXN',
    totalOpen: list.reduce((sum, invoice) => sum + invoice.open, 0),
    paymentInstructions: 'Transferencia a BBVA, CLABE 012180001234567891.\nReferencia: CL-0042.',
    collector: { name: 'Ana Pérez', email: 'ana.perez@aceros.mx' },
    recipient: { name: 'Juan López', email: 'pagos@ferreterialopez.mx' },
    ...overrides,
    invoices: list,
  };
}
