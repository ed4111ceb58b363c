import { summaryLine } from '../../src/cli/commands/import.js';
import type { Database } from '../../src/db/database.js';
import { policySchema, type Policy } from '../../src/domain/policy.js';
import { ImportError, importStream, IMPORT_KINDS, type CsvSource, type ImportKind } from '../../src/services/import/index.js';
import { decimalCommaToPoint, withoutThousandsCommas } from '../../src/services/import/dialect-values.js';
import { describe, expect, test } from '../support/database.js';

// One small company, written as three ERPs would write it.
const DEFAULT: Record<ImportKind, string[]> = {
  users: [
    'slack_user_id,name,email,role,team',
    'U0COB001,Laura Gómez,laura@example.com,collector,',
    'U0JEF001,Ricardo Treviño,ricardo@example.com,lead,',
    'U0GER001,Patricia Núñez,patricia@example.com,manager,',
    'U0ADM001,Íñigo Peña,inigo@example.com,admin,',
  ],
  debtors: [
    'external_id,name,tax_id,segment,risk,collector_slack_id,credit_status',
    'D-1001,"Construcciones Pérez, S.A. de C.V.",CPE980512AB3,Construcción,medium,U0COB001,active',
    'D-1002,Ferretería El Águila,FAG010203XY1,Ferretería,low,U0COB001,hold',
    'D-1003,Panadería La Espiga,PLE150607KL2,Panadería,high,,revoked',
    'D-1004,Abarrotes Doña Lupita,ADL120304MN5,Minorista,fraud,U0COB001,',
  ],
  contacts: [
    'debtor_external_id,name,level,phone,email,whatsapp',
    'D-1001,Roberto Pérez,0,+52 81 5550 1001,pagos@perez.example,+52 81 5550 1001',
    'D-1003,Lucía Ibáñez,2,,lucia@espiga.example,',
  ],
  invoices: [
    'external_id,debtor_external_id,number,issue_date,due_date,amount,open_amount,currency',
    'F-1,D-1001,A-1,2026-01-10,2026-02-09,1250000.00,1250000.50,MXN',
    'F-2,D-1002,A-2,2026-02-01,2026-03-03,23450.75,20000.5,',
    'F-3,D-1003,A-3,2025-12-01,2025-12-31,12000,0,MXN',
    'F-4,D-1004,A-4,2026-02-10,2026-03-12,5300.00,5300.00,USD',
  ],
  payments: [
    'external_id,debtor_external_id,invoice_external_id,paid_on,amount,currency,method,reference',
    'P-1,D-1002,F-2,2026-02-20,3450.25,MXN,transferencia,SPEI 1',
    'P-2,D-1003,F-3,2025-12-29,12000.00,,cheque,"CH 4512; sucursal Centro"',
  ],
};

// Excel in a Latin American locale: semicolons, Windows-1252, CRLF, decimal commas with
// thousands dots, day/month/year (an ISO date still reads).
const EXCEL: Record<ImportKind, string[]> = {
  users: DEFAULT.users.map((line) => line.replaceAll(',', ';')),
  debtors: [
    'external_id;name;tax_id;segment;risk;collector_slack_id;credit_status',
    'D-1001;Construcciones Pérez, S.A. de C.V.;CPE980512AB3;Construcción;medium;U0COB001;active',
    'D-1002;Ferretería El Águila;FAG010203XY1;Ferretería;low;U0COB001;hold',
    'D-1003;Panadería La Espiga;PLE150607KL2;Panadería;high;;revoked',
    'D-1004;Abarrotes Doña Lupita;ADL120304MN5;Minorista;fraud;U0COB001;',
  ],
  contacts: DEFAULT.contacts.map((line) => line.replaceAll(',', ';')),
  invoices: [
    'external_id;debtor_external_id;number;issue_date;due_date;amount;open_amount;currency',
    'F-1;D-1001;A-1;10/01/2026;09/02/2026;1.250.000,00;1250000,5;MXN',
    'F-2;D-1002;A-2;01/02/2026;03/03/2026;23.450,75;20.000,50;',
    'F-3;D-1003;A-3;1/12/2025;31/12/2025;12.000;0;MXN',
    'F-4;D-1004;A-4;2026-02-10;12/03/2026;5.300,00;5300;USD',
  ],
  payments: [
    'external_id;debtor_external_id;invoice_external_id;paid_on;amount;currency;method;reference',
    'P-1;D-1002;F-2;20/02/2026;3.450,25;MXN;transferencia;SPEI 1',
    'P-2;D-1003;F-3;29/12/2025;12000,00;;cheque;"CH 4512; sucursal Centro"',
  ],
};

// Enumerated values in Spanish and in any case.
const SPANISH: Record<ImportKind, string[]> = {
  ...DEFAULT,
  users: [
    'slack_user_id,name,email,role,team',
    'U0COB001,Laura Gómez,laura@example.com,Cobrador,',
    'U0JEF001,Ricardo Treviño,ricardo@example.com,LÍDER,',
    'U0GER001,Patricia Núñez,patricia@example.com,gerente,',
    'U0ADM001,Íñigo Peña,inigo@example.com,ADMINISTRADOR,',
  ],
  debtors: [
    'external_id,name,tax_id,segment,risk,collector_slack_id,credit_status',
    'D-1001,"Construcciones Pérez, S.A. de C.V.",CPE980512AB3,Construcción,MEDIO,U0COB001,Activo',
    'D-1002,Ferretería El Águila,FAG010203XY1,Ferretería,bajo,U0COB001,SUSPENDIDO',
    'D-1003,Panadería La Espiga,PLE150607KL2,Panadería,Alto,,revocado',
    'D-1004,Abarrotes Doña Lupita,ADL120304MN5,Minorista,Fraude,U0COB001,',
  ],
};

const defaults = policySchema.parse({});
const excelPolicy = policySchema.parse({ csv: { decimalSeparator: ',', dateFormat: 'DD/MM/YYYY' } });

async function importCompany(database: Database, policy: Policy, files: Record<ImportKind, CsvSource>): Promise<string[]> {
  const encodings: string[] = [];
  for (const kind of IMPORT_KINDS) encodings.push((await importStream(database, policy, kind, files[kind], `${kind}.csv`)).encoding);
  return encodings;
}

/** Every imported row, without what only says when or from which line it was written. */
async function contents(database: Database): Promise<string[]> {
  return database.bulk(async (tx) => {
    const rows: string[] = [];
    for (const table of ['teams', 'users', 'debtors', 'contacts', 'invoices', 'payments']) {
      const found = await tx.query<{ row: string }>(
        `SELECT (to_jsonb(t) - 'created_at' - 'updated_at' - 'source_digest')::text AS row FROM ${table} t ORDER BY id`,
      );
      rows.push(...found.map((r) => `${table} ${r.row}`));
    }
    return rows;
  });
}

async function startAfresh(database: Database): Promise<void> {
  await database.bulk((tx) => tx.query('TRUNCATE teams, users, debtors, contacts, invoices, payments RESTART IDENTITY CASCADE'));
}

const text = (lines: string[], end = '\n') => `${lines.join(end)}${end}`;
function perKind(source: (kind: ImportKind) => CsvSource): Record<ImportKind, CsvSource> {
  return { users: source('users'), debtors: source('debtors'), contacts: source('contacts'), invoices: source('invoices'), payments: source('payments') };
}
const bytesOf = (files: Record<ImportKind, string[]>, encode: (lines: string[]) => Buffer) => perKind((kind) => [encode(files[kind])]);

describe('ERP dialects', () => {
  test('the same company in three dialects gives the same rows', async ({ database }) => {
    expect(await importCompany(database, defaults, bytesOf(DEFAULT, (lines) => Buffer.from(text(lines))))).toEqual(IMPORT_KINDS.map(() => 'utf-8'));
    const expected = await contents(database);
    expect(expected.filter((row) => row.startsWith('invoices'))).toHaveLength(4);
    expect(expected.join('\n')).toContain('"risk": "fraud"');

    await startAfresh(database);
    // In chunks of 5 bytes: the file turns out not to be UTF-8 half way, at an accented letter.
    const chunked = (bytes: Buffer) => Array.from({ length: Math.ceil(bytes.length / 5) }, (_, k) => bytes.subarray(5 * k, 5 * k + 5));
    const excel = await importCompany(database, excelPolicy, perKind((kind) => chunked(Buffer.from(text(EXCEL[kind], '\r\n'), 'latin1'))));
    // The invoices and payments are plain ASCII, which reads the same either way.
    expect(excel).toEqual(['windows-1252', 'windows-1252', 'windows-1252', 'utf-8', 'utf-8']);
    expect(await contents(database)).toEqual(expected);

    await startAfresh(database);
    // With a BOM, and in one-byte chunks: a letter cut between two chunks is still UTF-8.
    const spanish = perKind((kind) => [...Buffer.from(`\uFEFF${text(SPANISH[kind])}`)].map((b) => Uint8Array.of(b)));
    expect(await importCompany(database, defaults, spanish)).toEqual(IMPORT_KINDS.map(() => 'utf-8'));
    expect(await contents(database)).toEqual(expected);
  });

  async function problems(database: Database, policy: Policy, kind: ImportKind, lines: string[]) {
    await importCompany(database, defaults, bytesOf({ ...DEFAULT, invoices: [DEFAULT.invoices[0]!], payments: [DEFAULT.payments[0]!] }, (l) => Buffer.from(text(l))));
    const error = await importStream(database, policy, kind, [text(lines)], `${kind}.csv`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).problems;
  }

  test('a value another csv setting would read names the line, the column and the policy key', async ({ database }) => {
    const header = DEFAULT.invoices[0]!;
    expect(
      await problems(database, defaults, 'invoices', [
        header,
        'F-1,D-1001,A-1,2026-01-10,2026-02-09,"1.250,00",0,MXN',
        'F-2,D-1001,A-2,31/12/2026,2027-01-30,100,0,MXN',
        'F-3,D-1001,A-3,2026-01-10,2026-02-09,"1,250",0,MXN',
        'F-4,D-1001,A-4,05/06/2026,2026-07-01,100,0,MXN',
      ]),
    ).toEqual([
      {
        line: 2,
        column: 'amount',
        message: '"1.250,00" no es un importe decimal (usa dígitos y punto decimal, p. ej. 1234.50) (configura csv.decimalSeparator como "," para leer comas decimales)',
      },
      { line: 3, column: 'issue_date', message: '"31/12/2026" no es una fecha (YYYY-MM-DD); configura csv.dateFormat como "DD/MM/YYYY" para leerla' },
      {
        line: 4,
        column: 'amount',
        message: '"1,250" no es un importe decimal (usa dígitos y punto decimal, p. ej. 1234.50) (configura csv.decimalSeparator como "," para leer comas decimales)',
      },
      { line: 5, column: 'issue_date', message: '"05/06/2026" no es una fecha (YYYY-MM-DD); configura csv.dateFormat como "DD/MM/YYYY" o "MM/DD/YYYY" para leerla' },
    ]);
  });

  test('under the Excel settings, a decimal point or a month first is named as the other setting', async ({ database }) => {
    expect(
      await problems(database, excelPolicy, 'invoices', [
        EXCEL.invoices[0]!,
        'F-1;D-1001;A-1;12/31/2026;2027-01-30;100;0;MXN',
        'F-2;D-1001;A-2;2026-01-10;2026-02-09;1250.50;0;MXN',
        'F-3;D-1001;A-3;2026-01-10;2026-02-09;12,345;0;MXN',
        'F-4;D-1001;A-4;31/02/2026;2026-03-09;1;0;MXN',
      ]),
    ).toEqual([
      { line: 2, column: 'issue_date', message: '"12/31/2026" no es una fecha (DD/MM/YYYY o YYYY-MM-DD); configura csv.dateFormat como "MM/DD/YYYY" para leerla' },
      {
        line: 3,
        column: 'amount',
        message: '"1250.50" no es un importe decimal (usa dígitos y coma decimal, p. ej. 1.234,50) (csv.decimalSeparator es ","; configúralo como "." para leer puntos decimales)',
      },
      { line: 4, column: 'amount', message: '"12,345" tiene más de 2 decimales para MXN' },
      { line: 5, column: 'issue_date', message: '"31/02/2026" no es una fecha (DD/MM/YYYY o YYYY-MM-DD)' },
    ]);
  });

  test('a value in no language of the vocabulary is refused by name', async ({ database }) => {
    expect(await problems(database, defaults, 'debtors', [DEFAULT.debtors[0]!, 'D-2001,Otra,,,altísimo,,activa'])).toEqual([
      { line: 2, column: 'risk', message: '"altísimo" no es ninguno de estos valores: low, medium, high, fraud' },
      { line: 2, column: 'credit_status', message: '"activa" no es ninguno de estos valores: active, hold, revoked' },
    ]);
  });
});

describe('amount shapes', () => {
  test.each<[string, string | undefined]>([
    ['1.250.000,00', '1250000.00'],
    ['1250000,5', '1250000.5'],
    ['-1.234,5', '-1234.5'],
    ['12.000', '12000'],
    ['1250.50', undefined],
    ['1.25.000,00', undefined],
    ['1,2,3', undefined],
  ])('with a decimal comma, %s reads as %s', (text, point) => {
    expect(decimalCommaToPoint(text)).toBe(point);
  });

  test.each<[string, string | undefined]>([
    ['1,250,000.00', '1250000.00'],
    ['1,250.5', '1250.5'],
    ['1,250,000', '1250000'],
    ['1,250', undefined], // one group and no point: as likely a decimal comma
    ['12,50.00', undefined],
  ])('with a decimal point, the thousands commas of %s read as %s', (text, point) => {
    expect(withoutThousandsCommas(text)).toBe(point);
  });
});

describe('the import summary', () => {
  test.each([
    ['es', 'debtors deudores.csv: 4 filas, 4 nuevas, 0 actualizadas, 0 sin cambios (0,1 s). El archivo no era UTF-8: se leyó como Windows-1252.'],
    ['en', 'debtors deudores.csv: 4 rows, 4 inserted, 0 updated, 0 unchanged (0.1 s). The file was not UTF-8: it was read as Windows-1252.'],
  ] as const)('says in %s when the file was read as Windows-1252', (locale, line) => {
    const summary = { kind: 'debtors', file: 'deudores.csv', rows: 4, inserted: 4, updated: 0, unchanged: 0, ms: 120 } as const;
    expect(summaryLine({ ...summary, encoding: 'windows-1252' }, locale)).toBe(line);
    expect(summaryLine({ ...summary, encoding: 'utf-8' }, locale)).toBe(line.slice(0, line.indexOf(').') + 1));
  });
});
