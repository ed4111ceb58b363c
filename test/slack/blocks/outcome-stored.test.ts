import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../src/domain/outcome.js';
import { outcomeStoredView } from '../../../src/slack/blocks/index.js';
import type { Locale } from '../../../src/slack/i18n/index.js';
import { longName } from './fixtures.js';
import { expectWithinLimits, visibleText } from './slack-limits.js';

const base = { channel: 'phone', reached: true, contactId: 11, note: 'Pide la factura & el XML.', nextContactOn: '2026-11-26' } as const;

const CASES: Array<[string, Outcome, Record<Locale, string[]>]> = [
  [
    'reminder',
    { ...base, type: 'reminder' },
    { es: ['Recordar (Teléfono)', 'Recordatorio hecho.', 'Próximo contacto: jue 26 nov 2026.'], en: ['Reminder (Phone)', 'Reminder given.', 'Next contact: Thu, Nov 26, 2026.'] },
  ],
  [
    'promise',
    { ...base, type: 'commitment', currency: 'MXN', amount: 1_000_000, promisedOn: '2026-11-30', instalments: 1 },
    { es: ['Promesa de $10,000.00 MXN para el lun 30 nov 2026.'], en: ['Promise of $10,000.00 MXN for Mon, Nov 30, 2026.'] },
  ],
  [
    'plan of promises',
    { ...base, type: 'commitment', currency: 'MXN', amount: 3_000_000, promisedOn: '2026-11-30', instalments: 3 },
    {
      es: ['Plan de 3 pagos mensuales desde el lun 30 nov 2026, $30,000.00 MXN en total.'],
      en: ['Plan of 3 monthly payments from Mon, Nov 30, 2026, $30,000.00 MXN in total.'],
    },
  ],
  [
    'barrier',
    { ...base, reached: false, contactId: null, type: 'barrier', barrierKind: 'invoice_error', description: 'RFC <mal>', ownerSlackId: 'U0OWNER01', dueOn: '2026-11-27' },
    {
      es: ['No se logró contacto.', 'Barrera: Error en la factura, a cargo de <@U0OWNER01>, para el vie 27 nov 2026.', 'Descripción: RFC &lt;mal&gt;'],
      en: ['Nobody was reached.', 'Barrier: Invoice error, owned by <@U0OWNER01>, due Fri, Nov 27, 2026.', 'Description: RFC &lt;mal&gt;'],
    },
  ],
  [
    'pressure',
    { ...base, type: 'pressure', consequence: 'suspension', deadline: '2026-12-04' },
    { es: ['Consecuencia anunciada: Suspensión del servicio. Plazo: vie 4 dic 2026.'], en: ['Consequence announced: Service suspension. Deadline: Fri, Dec 4, 2026.'] },
  ],
  [
    'terms change with a plan',
    {
      ...base,
      nextContactOn: null,
      type: 'terms_change',
      newTerms: 'payment_plan',
      details: 'Autorizado por dirección.',
      plan: { currency: 'MXN', amount: 9_000_000, firstDate: '2026-12-15', instalments: 6 },
      newDueDate: null,
    },
    {
      es: ['Nuevas condiciones: Plan de pagos.', 'Plan de 6 pagos mensuales desde el mar 15 dic 2026, $90,000.00 MXN en total.', 'Detalles: Autorizado por dirección.', 'Sin fecha de próximo contacto.'],
      en: ['New terms: Payment plan.', 'Plan of 6 monthly payments from Tue, Dec 15, 2026, $90,000.00 MXN in total.', 'No next contact date.'],
    },
  ],
  [
    'terms change with a new due date',
    { ...base, type: 'terms_change', newTerms: 'new_due_date', details: '', plan: null, newDueDate: '2026-12-31' },
    { es: ['Nueva fecha de vencimiento: jue 31 dic 2026.'], en: ['New due date: Thu, Dec 31, 2026.'] },
  ],
];

describe('outcomeStoredView', () => {
  it.each(CASES.flatMap(([name, outcome, expected]) => (['es', 'en'] as const).map((locale) => [name, locale, outcome, expected[locale]] as const)))(
    '%s (%s)',
    (_name, locale, outcome, expected) => {
      const view = outcomeStoredView({ debtorName: 'Construcciones Pérez & Hijos', outcome, locale });
      expect(view.type).toBe('modal');
      expect(view.submit).toBeUndefined();
      const text = visibleText(view.blocks);
      expect(text).toContain('*Construcciones Pérez &amp; Hijos*');
      for (const line of expected) expect(text).toContain(line);
      expectWithinLimits(view);
    },
  );

  it('long names, notes and details stay within limits', () => {
    const outcome: Outcome = { ...base, note: longName(3000), type: 'barrier', barrierKind: 'other', description: longName(3000), ownerSlackId: 'U0OWNER01', dueOn: '2026-11-27' };
    expectWithinLimits(outcomeStoredView({ debtorName: longName(200), outcome, locale: 'es' }));
  });
});
