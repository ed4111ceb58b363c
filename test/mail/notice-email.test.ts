import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../src/domain/money.js';
import { fileSafe, noticeEmail, statementFileName } from '../../src/mail/notice-email.js';
import type { NoticeTone } from '../../src/mail/statement.js';
import { statementDate } from '../../src/mail/statement-rows.js';
import { invoices, statement } from './fixtures.js';

const TONES: NoticeTone[] = ['before_due', 'overdue', 'firm'];

describe('noticeEmail', () => {
  it.each<[NoticeTone, 'es' | 'en', string]>([
    ['before_due', 'es', 'Recordatorio: su factura vence pronto'],
    ['overdue', 'es', 'Recordatorio de pago: tiene facturas vencidas'],
    ['firm', 'es', 'Aviso importante: saldo vencido, le pedimos pagar hoy'],
    ['before_due', 'en', 'Reminder: your invoice is due soon'],
    ['overdue', 'en', 'Payment reminder: you have overdue invoices'],
    ['firm', 'en', 'Important notice: overdue balance, please pay today'],
  ])('subject for %s in %s', (tone, locale, subject) => {
    const email = noticeEmail(statement({ locale }), tone);
    expect(email.subject).toBe(subject);
    expect(email.html).toContain(`<title>${subject}</title>`);
  });

  it('the firm notice asks to pay now and to contact the collector', () => {
    const es = noticeEmail(statement(), 'firm').text.replace(/\s+/g, ' ');
    expect(es).toContain('Le pedimos realizar el pago de inmediato y comunicarse con Ana Pérez (ana.perez@aceros.mx)');
    const en = noticeEmail(statement({ locale: 'en' }), 'firm').text.replace(/\s+/g, ' ');
    expect(en).toContain('Please pay immediately and contact Ana Pérez (ana.perez@aceros.mx)');
    // The friendly reminder does not push.
    expect(noticeEmail(statement(), 'before_due').text).not.toContain('de inmediato');
  });

  it.each(
    TONES.flatMap((tone) => (['es', 'en'] as const).map((locale) => [tone, locale] as const)),
  )('%s in %s: every invoice, the total and the signature in text and HTML', (tone, locale) => {
    const s = statement({ locale }, 7);
    const email = noticeEmail(s, tone);
    for (const part of [email.text, email.html]) {
      for (const invoice of s.invoices) {
        expect(part).toContain(invoice.number);
        expect(part).toContain(formatMoney(invoice.amount, 'MXN', locale));
        expect(part).toContain(formatMoney(invoice.open, 'MXN', locale));
        expect(part).toContain(statementDate(invoice.dueDate, locale));
      }
      expect(part).toContain(formatMoney(s.totalOpen, 'MXN', locale));
      expect(part).toContain('Ana Pérez');
      expect(part).toContain('ana.perez@aceros.mx');
      expect(part).toContain('Aceros del Norte, S.A. de C.V.');
      expect(part).toContain(locale === 'es' ? 'Juan López' : 'Dear Juan López,');
      expect(part).toContain(
        locale === 'es' ? 'Si ya realizó el pago, por favor ignore este mensaje.' : 'If you have already paid, please ignore this message.',
      );
    }
  });

  it('text part: one aligned line per invoice with its days overdue, the total under the open amounts', () => {
    const email = noticeEmail(statement({}, 3), 'overdue');
    const lines = email.text.split('\n');
    const header = lines.findIndex((line) => line.startsWith('Factura'));
    expect(header).toBeGreaterThan(0);
    const table = lines.slice(header, header + 7);
    expect(table[0]).toMatch(/^Factura\s+Emisión\s+Vencimiento\s+Importe\s+Saldo\s+Días vencida$/);
    expect(table[2]).toMatch(/^F-1001\s+1 sep 2026\s+1 oct 2026\s+\$1,500\.00 MXN\s+\$1,000\.00 MXN\s+5$/);
    expect(table[3]).toMatch(/\s4$/);
    expect(table[4]).toMatch(/\s3$/);
    expect(table[6]).toMatch(/^Total pendiente:\s+\$3,030\.03 MXN$/);
    // Columns line up: every row of the table is as wide as the header, and the total ends under the open amounts.
    const openEnd = (line: string) => line.indexOf('MXN', line.indexOf('MXN') + 1) + 3;
    expect(openEnd(table[2] ?? '')).toBe(table[6]?.length);
    expect(new Set(table.slice(0, 6).map((line) => line.length)).size).toBe(1);
  });

  it('an invoice not yet due says so instead of a negative count', () => {
    const s = statement({ invoices: [{ ...invoices(1)[0]!, daysOverdue: -3 }] });
    expect(noticeEmail(s, 'before_due').text).toMatch(/por vencer$/m);
    expect(noticeEmail({ ...s, locale: 'en' }, 'before_due').html).toContain('>not yet due</td>');
    expect(noticeEmail(s, 'before_due').text).not.toContain('-3');
  });

  it('an HTML-like debtor name is escaped in the HTML and literal in the text', () => {
    const name = '<script>alert(1)</script> & Hijos';
    const email = noticeEmail(
      statement({ debtor: { name, externalId: 'X', taxId: '', taxIdLabel: 'RFC' }, companyName: 'A&B <i>', recipient: { name: '<b>Juan</b>', email: 'j@x.mx' } }),
      'overdue',
    );
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>Juan');
    expect(email.html).not.toContain('<i>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;&#x2F;script&gt; &amp; Hijos');
    expect(email.html).toContain('A&amp;B &lt;i&gt;');
    expect(email.text).toContain('<script>alert(1)</script> & Hijos');
    expect(email.text).toContain('Estimado(a) <b>Juan</b>:');
    expect(email.text).not.toContain('&amp;');
  });

  it('the HTML part loads nothing from outside and styles inline', () => {
    const { html } = noticeEmail(statement(), 'overdue');
    expect(html).not.toMatch(/<(img|link|script|style)\b/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(html).toMatch(/<table[^>]*style="/);
  });

  it.each([
    ['es', 'Instrucciones de pago'],
    ['en', 'Payment instructions'],
  ] as const)('payment instructions in %s: shown when set, the paragraph omitted when empty', (locale, title) => {
    const withThem = noticeEmail(statement({ locale }), 'overdue');
    expect(withThem.text).toContain(`${title}:\nTransferencia a BBVA, CLABE 012180001234567891.\nReferencia: CL-0042.\n`);
    expect(withThem.html).toContain(title);
    expect(withThem.html).toContain('CLABE 012180001234567891');
    for (const empty of ['', '  \n ']) {
      const without = noticeEmail(statement({ locale, paymentInstructions: empty }), 'overdue');
      expect(without.text).not.toContain(title);
      expect(without.html).not.toContain(title);
      expect(without.text).not.toMatch(/\n\n\n/);
    }
  });

  it('a recipient without a name is greeted generically', () => {
    const s = statement({ recipient: { name: ' ', email: 'pagos@x.mx' } });
    expect(noticeEmail(s, 'overdue').text.split('\n')[0]).toBe('Estimado cliente:');
    expect(noticeEmail({ ...s, locale: 'en' }, 'overdue').text.split('\n')[0]).toBe('Dear customer,');
  });

  it('long paragraphs of the text part are wrapped', () => {
    const { text } = noticeEmail(statement(), 'firm');
    const prose = text.split('\n').filter((line) => !line.includes('MXN') && !line.startsWith('-') && !line.startsWith('Factura'));
    for (const line of prose) expect(line.length).toBeLessThanOrEqual(76);
  });

  it.each([
    ['CL-0042', '2026-11-23', 'estado-de-cuenta-CL-0042-2026-11-23.pdf'],
    ['C/001 ñandú', '2026-01-05', 'estado-de-cuenta-C-001-nandu-2026-01-05.pdf'],
    ['../../etc/passwd', '2026-01-05', 'estado-de-cuenta-etc-passwd-2026-01-05.pdf'],
    ['***', '2026-01-05', 'estado-de-cuenta-cliente-2026-01-05.pdf'],
  ])('attachment name for external id %j', (externalId, date, name) => {
    const s = statement({ date, debtor: { name: 'X', externalId, taxId: '', taxIdLabel: 'RFC' } });
    expect(statementFileName(s)).toBe(name);
    expect(noticeEmail(s, 'overdue').attachmentName).toBe(name);
  });

  it('fileSafe keeps only letters, digits, dot, dash and underscore', () => {
    expect(fileSafe('Añil S.A. #7')).toBe('Anil-S.A.-7');
    expect(fileSafe('a'.repeat(200))).toHaveLength(80);
  });

  it('is pure: the same statement gives the same email', () => {
    expect(noticeEmail(statement(), 'firm')).toEqual(noticeEmail(statement(), 'firm'));
  });
});
