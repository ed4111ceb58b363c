// The problems of an import are told in the policy's language: Spanish unless it says 'en'.
// Column names, values and policy keys stay as written.

import { policySchema, type Locale } from '../../src/domain/policy.js';
import { ImportError, importStream } from '../../src/services/import/index.js';
import { describe, expect, test } from '../support/database.js';
import type { Database } from '../../src/db/database.js';

const HEADER = 'external_id,debtor_external_id,number,issue_date,due_date,amount,open_amount,currency';

const BAD = [
  HEADER,
  'F-1,D-1001,A-1,31/12/2026,2027-01-30,"1.250,00",0,MXN',
  'F-2,D-1001,A-2,2026-01-10,2026-02-09,-3,0,MXN',
  'F-3,D-9999,A-3,2026-01-10,2026-02-09,10.00,0,MXN',
];

async function importError(database: Database, locale: Locale | undefined, lines: string[]): Promise<ImportError> {
  const policy = policySchema.parse(locale ? { locale } : {});
  const error = await importStream(database, policy, 'invoices', [`${lines.join('\n')}\n`], 'facturas.csv').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('the text of import problems', () => {
  test('is Spanish under the default policy', async ({ database }) => {
    const error = await importError(database, undefined, BAD);
    expect(error.message.split('\n')).toEqual([
      'facturas.csv: 4 errores, no se importó nada',
      '  facturas.csv línea 2, columna issue_date: "31/12/2026" no es una fecha (YYYY-MM-DD); configura csv.dateFormat como "DD/MM/YYYY" para leerla',
      '  facturas.csv línea 2, columna amount: "1.250,00" no es un importe decimal (usa dígitos y punto decimal, p. ej. 1234.50) (configura csv.decimalSeparator como "," para leer comas decimales)',
      '  facturas.csv línea 3, columna amount: "-3" es negativo',
      '  facturas.csv línea 4, columna debtor_external_id: el deudor "D-9999" no existe (importa primero debtors.csv)',
    ]);
  });

  test("is English when the policy's locale is 'en'", async ({ database }) => {
    const error = await importError(database, 'en', BAD);
    expect(error.message.split('\n')).toEqual([
      'facturas.csv: 4 errors, nothing was imported',
      '  facturas.csv line 2, column issue_date: "31/12/2026" is not a date (YYYY-MM-DD); set csv.dateFormat to "DD/MM/YYYY" to read it',
      '  facturas.csv line 2, column amount: "1.250,00" is not a decimal amount (use digits and a decimal point, e.g. 1234.50) (set csv.decimalSeparator to "," to read decimal commas)',
      '  facturas.csv line 3, column amount: "-3" is negative',
      '  facturas.csv line 4, column debtor_external_id: debtor "D-9999" does not exist (import debtors.csv first)',
    ]);
  });

  test.for([
    ['es', 'facturas.csv: 1 error, no se importó nada', 'facturas.csv línea 1: columna desconocida "importe" (un archivo de invoices tiene el encabezado external_id,', 'y 2 más'],
    ['en', 'facturas.csv: 1 error, nothing was imported', 'facturas.csv line 1: unknown column "importe" (a invoices file has the header external_id,', 'and 2 more'],
  ] as const)('frames one error, a line without a column, and the count of the rest in %s', async ([locale, one, header, more], { database }) => {
    const unknown = await importError(database, locale, [HEADER.replace(',amount,', ',importe,amount,')]);
    expect(unknown.message.split('\n')).toEqual([one, expect.stringContaining(`  ${header}`)]);

    const many = await importError(database, locale, [HEADER, ...Array.from({ length: 12 }, (_, i) => `F-${i},D-1001,A-1,2026-03-01,2026-03-31,-1,0,MXN`)]);
    expect(many.message.split('\n').at(-1)).toBe(`  ${more}`);
  });
});
