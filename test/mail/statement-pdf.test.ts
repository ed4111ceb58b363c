import { extractText, getDocumentProxy } from 'unpdf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatMoney } from '../../src/domain/money.js';
import { statementPdf } from '../../src/mail/statement-pdf.js';
import type { Statement } from '../../src/mail/statement.js';
import { statement } from './fixtures.js';

/** The text of each page, its pieces joined by spaces. */
async function pdfPages(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text;
}

describe('statementPdf', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each<[string, Partial<Statement>, string[]]>([
    ['es', {}, ['Estado de cuenta', 'Cliente: Ferretería López', 'Número de cliente: CL-0042', 'RFC: FLO850101AB1', 'Fecha: 23 nov 2026', 'Moneda: MXN', 'Total pendiente', 'Instrucciones de pago', 'Contacto de cobranza', 'Página 1 de 1']],
    ['en', { locale: 'en' }, ['Statement of account', 'Customer: Ferretería López', 'Customer number: CL-0042', 'RFC: FLO850101AB1', 'Date: Nov 23, 2026', 'Currency: MXN', 'Total due', 'Payment instructions', 'Collections contact', 'Page 1 of 1']],
    ['another tax id label', { debtor: { name: 'Acme Corp', externalId: 'US-1', taxId: '12-3456789', taxIdLabel: 'EIN' } }, ['EIN: 12-3456789']],
  ])('%s: the heading, every invoice, the total, the instructions and the collector', async (_name, overrides, expected) => {
    const s = statement(overrides, 10);
    const bytes = await statementPdf(s);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const [page, ...more] = await pdfPages(bytes);
    expect(more).toEqual([]);
    for (const text of expected) expect(page).toContain(text);
    expect(page).toContain('Aceros del Norte, S.A. de C.V.');
    for (const invoice of s.invoices) {
      expect(page).toContain(invoice.number);
      expect(page).toContain(formatMoney(invoice.open, 'MXN', s.locale));
    }
    expect(page).toContain(formatMoney(s.totalOpen, 'MXN', s.locale));
    expect(page).toContain('CLABE 012180001234567891');
    expect(page).toContain('Ana Pérez <ana.perez@aceros.mx>');
  });

  it('leaves out empty payment instructions and an empty tax id', async () => {
    const s = statement({ paymentInstructions: '', debtor: { name: 'X', externalId: 'Y', taxId: '', taxIdLabel: 'RFC' } });
    const [page] = await pdfPages(await statementPdf(s));
    expect(page).not.toContain('Instrucciones de pago');
    expect(page).not.toContain('RFC');
  });

  it('200 invoices flow onto several pages, the header repeated on each, every invoice once', async () => {
    const s = statement({}, 200);
    const pages = await pdfPages(await statementPdf(s));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => {
      expect(page).toContain('Factura Emisión Vencimiento Importe Saldo Días vencida');
      expect(page).toContain(`Página ${i + 1} de ${pages.length}`);
    });
    const all = pages.join('\n');
    for (const invoice of s.invoices) expect(all.match(new RegExp(`(^|\\s)${invoice.number}(?=\\s)`, 'g'))).toHaveLength(1);
    expect(pages.at(-1)).toContain(`Total pendiente ${formatMoney(s.totalOpen, 'MXN', 'es')}`);
  });

  it('is deterministic: the same statement gives the same bytes, whatever the clock says', async () => {
    const s = statement({}, 12);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T08:00:00Z'));
    const first = await statementPdf(s);
    vi.setSystemTime(new Date('2031-06-15T17:31:07Z'));
    const second = await statementPdf(structuredClone(s));
    expect(second.equals(first)).toBe(true);
    // The dates pdfkit stamps come from the statement, not the clock.
    expect(first.toString('latin1')).toContain('(D:20261123120000Z)');
    // Another statement is another document (and another file ID).
    const other = await statementPdf(statement({ date: '2026-11-24' }, 12));
    expect(other.equals(first)).toBe(false);
  });

  it('a long invoice number is cut to its column and a large amount still shows whole', async () => {
    const s = statement({
      invoices: [{ number: 'FACTURA-2026-ABCDEFGHIJKLMNOPQRSTUVWXYZ', issueDate: '2026-09-30', dueDate: '2026-10-30', amount: 99_999_999_999, open: 99_999_999_999, daysOverdue: 24 }],
    });
    const [page] = await pdfPages(await statementPdf(s));
    expect(page).toContain('FACTURA-2026');
    expect(page).toContain('…');
    expect(page).toContain('$999,999,999.99 MXN');
  });
});
