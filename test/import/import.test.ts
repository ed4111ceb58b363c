import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../src/db/database.js';
import { contacts, debtors, invoices, payments, teams, users } from '../../src/db/schema/index.js';
import { policySchema } from '../../src/domain/policy.js';
import { normaliseSearchText } from '../../src/domain/search-text.js';
import {
  IMPORT_KINDS,
  ImportError,
  importFile,
  importStream,
  type ImportKind,
  type ImportSummary,
} from '../../src/services/import/index.js';
import { stagingColumns, stagingTable, upsertStatement } from '../../src/services/import/kind-spec.js';
import { invoicesSpec } from '../../src/services/import/kinds/invoices.js';
import { describe, expect, test } from '../support/database.js';

const policy = policySchema.parse({
  teams: [
    { name: 'centro', alarmChannel: 'C0CENTRO' },
    { name: 'norte', alarmChannel: 'C0NORTE' },
  ],
});

const HEADERS: Record<ImportKind, string> = {
  users: 'slack_user_id,name,email,role,team',
  debtors: 'external_id,name,tax_id,segment,risk,collector_slack_id,credit_status',
  contacts: 'debtor_external_id,name,level,phone,email,whatsapp',
  invoices: 'external_id,debtor_external_id,number,issue_date,due_date,amount,open_amount,currency',
  payments: 'external_id,debtor_external_id,invoice_external_id,paid_on,amount,currency,method,reference',
};

const matching = (pattern: RegExp) => expect.stringMatching(pattern) as string;
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));

async function importFixtures(database: Database): Promise<ImportSummary[]> {
  const summaries: ImportSummary[] = [];
  for (const kind of IMPORT_KINDS) summaries.push(await importFile(database, policy, kind, fixture(`${kind}.csv`)));
  return summaries;
}

function importText(database: Database, kind: ImportKind, lines: string[]): Promise<ImportSummary> {
  return importStream(database, policy, kind, [`${[HEADERS[kind], ...lines].join('\n')}\n`], `${kind}.csv`);
}

async function importError(work: Promise<unknown>): Promise<ImportError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

/** Everything the import may touch, as text, to prove a refused file changed nothing. */
async function snapshot(database: Database): Promise<string> {
  return database.bulk(async (tx) => {
    const parts: string[] = [];
    for (const table of ['teams', 'users', 'debtors', 'contacts', 'invoices', 'payments']) {
      const rows = await tx.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY id`);
      parts.push(`${table}: ${rows.map((r) => r.row).join('\n')}`);
    }
    return parts.join('\n');
  });
}

describe('importing ERP exports', () => {
  test('imports each kind, resolving references, defaults and minor units', async ({ database }) => {
    const summaries = await importFixtures(database);
    expect(summaries.map(({ kind, rows, inserted, updated, unchanged }) => ({ kind, rows, inserted, updated, unchanged }))).toEqual([
      { kind: 'users', rows: 4, inserted: 4, updated: 0, unchanged: 0 },
      { kind: 'debtors', rows: 4, inserted: 4, updated: 0, unchanged: 0 },
      { kind: 'contacts', rows: 4, inserted: 4, updated: 0, unchanged: 0 },
      { kind: 'invoices', rows: 6, inserted: 6, updated: 0, unchanged: 0 },
      { kind: 'payments', rows: 3, inserted: 3, updated: 0, unchanged: 0 },
    ]);
    expect(summaries[0]!.file).toBe(fixture('users.csv'));

    const db = database.db;
    const teamRows = await db.select().from(teams).orderBy(asc(teams.id));
    expect(teamRows.map((t) => [t.name, t.alarmChannel])).toEqual([
      ['centro', 'C0CENTRO'],
      ['norte', 'C0NORTE'],
    ]);
    const userRows = await db.select().from(users).orderBy(asc(users.slackUserId));
    const teamOf = (id: number) => teamRows.find((t) => t.id === id)!.name;
    expect(userRows.map((u) => [u.slackUserId, u.name, u.role, teamOf(u.teamId)])).toEqual([
      ['U0COB001', 'Laura Gómez', 'collector', 'centro'], // empty team: the policy's first
      ['U0COB002', 'Jorge Hernández', 'collector', 'norte'],
      ['U0GER001', 'Patricia Núñez', 'manager', 'centro'],
      ['U0JEF001', 'Ricardo Treviño', 'lead', 'norte'],
    ]);

    // The file has a BOM, CRLF line ends, quoted commas and doubled quotes.
    const debtorRows = await db.select().from(debtors).orderBy(asc(debtors.externalId));
    const laura = userRows.find((u) => u.slackUserId === 'U0COB001')!.id;
    expect(debtorRows.map((d) => [d.externalId, d.name, d.taxIdKey, d.risk, d.creditStatus, d.collectorId])).toEqual([
      ['D-1001', 'Construcciones Pérez, S.A. de C.V.', 'CPE980512AB3', 'medium', 'active', laura],
      ['D-1002', 'Ferretería "El Águila", S.A.', 'FAG010203XY1', 'low', 'active', expect.any(Number)],
      ['D-1003', 'Distribuidora Núñez y Asociados', 'DNA150607KL2', 'medium', 'hold', laura],
      ['D-1004', 'Abarrotes Doña Lupita', 'ADL120304MN5', 'high', 'active', null],
    ]);
    for (const d of debtorRows) expect(d.searchName).toBe(normaliseSearchText(d.name));

    const contactRows = await db.select().from(contacts);
    const debtorOf = (id: number) => debtorRows.find((d) => d.id === id)!.externalId;
    expect(contactRows.map((c) => [debtorOf(c.debtorId), c.name, c.level, c.whatsapp]).sort()).toEqual([
      ['D-1001', 'Adriana Pérez', 1, ''],
      ['D-1001', 'Roberto Pérez Lozano', 0, '+52 81 5550 1001'],
      ['D-1002', 'Óscar Valdés', 0, ''],
      ['D-1003', 'Lucía Ibáñez', 3, ''],
    ]);

    const invoiceRows = await db.select().from(invoices).orderBy(asc(invoices.externalId));
    expect(invoiceRows.map((i) => [i.externalId, i.amount, i.openAmount, i.currency, i.dueDate])).toEqual([
      ['F-50001', 18_500_000, 18_500_000, 'MXN', '2026-02-09'],
      ['F-50002', 9_250_050, 4_000_000, 'MXN', '2026-02-14'], // empty currency: the policy's
      ['F-50003', 2_345_075, 2_345_075, 'MXN', '2026-03-03'],
      ['F-50004', 1_200_000, 0, 'MXN', '2025-12-31'],
      ['F-50005', 530_000, 530_000, 'USD', '2026-03-12'],
      ['F-50006', 150_000, 150_000, 'CLP', '2026-02-10'], // no minor unit in CLP
    ]);
    const d1001 = debtorRows[0]!.id;
    expect(invoiceRows[0]!.debtorId).toBe(d1001);

    const paymentRows = await db.select().from(payments).orderBy(asc(payments.externalId));
    const invoiceId = (externalId: string) => invoiceRows.find((i) => i.externalId === externalId)!.id;
    expect(paymentRows.map((p) => [p.externalId, p.invoiceId, p.amount, p.reference])).toEqual([
      ['P-70001', invoiceId('F-50002'), 5_250_050, 'SPEI 88231001'],
      ['P-70002', invoiceId('F-50004'), 1_200_000, 'CH 004512\ndepositado en sucursal Centro'],
      ['P-70003', null, 500_000, ''], // on account
    ]);
  });

  test('importing the same files again changes nothing', async ({ database }) => {
    await importFixtures(database);
    const before = await snapshot(database);
    const again = await importFixtures(database);
    for (const summary of again) {
      expect(summary).toMatchObject({ inserted: 0, updated: 0, unchanged: summary.rows });
    }
    expect(await snapshot(database)).toBe(before);
  });

  test('a newer export updates what changed, adds what is new and leaves the rest alone', async ({ database }) => {
    await importFixtures(database);
    const stamp = async (externalId: string) =>
      (await database.db.select().from(invoices).where(eq(invoices.externalId, externalId)))[0]!;
    const [f1Before, f2Before] = [await stamp('F-50001'), await stamp('F-50002')];

    const summary = await importFile(database, policy, 'invoices', fixture('invoices-newer.csv'));
    expect(summary).toMatchObject({ kind: 'invoices', rows: 7, inserted: 1, updated: 2, unchanged: 4 });

    const f1 = await stamp('F-50001');
    expect(f1.openAmount).toBe(10_000_000);
    expect(f1.updatedAt.getTime()).toBeGreaterThan(f1Before.updatedAt.getTime());
    expect((await stamp('F-50003')).openAmount).toBe(0);
    expect((await stamp('F-50007')).openAmount).toBe(800_000);
    expect(await stamp('F-50002')).toEqual(f2Before);
  });

  test('a debtor update keeps the escalation level the collection process gave it', async ({ database }) => {
    await importFixtures(database);
    const escalatedAt = new Date('2026-02-01T15:00:00Z');
    await database.db.update(debtors).set({ escalationLevel: 2, escalatedAt }).where(eq(debtors.externalId, 'D-1001'));

    const summary = await importText(database, 'debtors', ['D-1001,"Construcciones Pérez Hermanos, S.A. de C.V.",CPE-980512-AB3,Construcción,high,U0COB002,hold']);
    expect(summary).toMatchObject({ rows: 1, inserted: 0, updated: 1, unchanged: 0 });
    const [d] = await database.db.select().from(debtors).where(eq(debtors.externalId, 'D-1001'));
    expect(d).toMatchObject({
      name: 'Construcciones Pérez Hermanos, S.A. de C.V.',
      searchName: normaliseSearchText('Construcciones Pérez Hermanos, S.A. de C.V.'),
      risk: 'high',
      creditStatus: 'hold',
      escalationLevel: 2,
      escalatedAt,
    });
  });

  test('columns may come in any order', async ({ database }) => {
    await importFixtures(database);
    const summary = await importStream(
      database,
      policy,
      'contacts',
      ['name,debtor_external_id,whatsapp,email,phone,level\n', 'Martín Peña,D-1004,,martin@lupita.example,+52 33 5550 4001,2\n'],
      'contacts.csv',
    );
    expect(summary).toMatchObject({ rows: 1, inserted: 1 });
    const [c] = await database.db.select().from(contacts).where(eq(contacts.name, 'Martín Peña'));
    expect(c).toMatchObject({ level: 2, email: 'martin@lupita.example', phone: '+52 33 5550 4001' });
  });

  test('a file with only its header imports nothing and says so', async ({ database }) => {
    expect(await importText(database, 'users', [])).toMatchObject({ rows: 0, inserted: 0, updated: 0, unchanged: 0 });
  });
});

interface BadRow {
  name: string;
  kind: ImportKind;
  /** Data rows; the header is line 1, so the first row is line 2. */
  rows: string[];
  line: number;
  column?: string;
  message: string | RegExp;
}

const NEW_INVOICE = 'F-60001,D-1001,A-60001,2026-03-01,2026-03-31,100.00,100.00,MXN';
const NEW_PAYMENT = 'P-80001,D-1001,F-50001,2026-03-02,100.00,MXN,SPEI,';

const badRows: BadRow[] = [
  {
    name: 'a day that does not exist',
    kind: 'invoices',
    rows: [NEW_INVOICE, 'F-60002,D-1001,A-60002,2026-01-01,2026-02-30,100.00,100.00,MXN'],
    line: 3,
    column: 'due_date',
    message: '"2026-02-30" no es una fecha (YYYY-MM-DD)',
  },
  {
    name: 'a date in another format',
    kind: 'invoices',
    rows: [NEW_INVOICE, 'F-60002,D-1001,A-60002,01/02/2026,2026-02-28,100.00,100.00,MXN'],
    line: 3,
    column: 'issue_date',
    message: '"01/02/2026" no es una fecha (YYYY-MM-DD)',
  },
  {
    name: 'a due date before the issue date',
    kind: 'invoices',
    rows: [NEW_INVOICE, 'F-60002,D-1001,A-60002,2026-03-01,2026-02-01,100.00,100.00,MXN'],
    line: 3,
    column: 'due_date',
    message: '"2026-02-01" es anterior a issue_date "2026-03-01"',
  },
  {
    name: 'a negative amount',
    kind: 'invoices',
    rows: [NEW_INVOICE, 'F-60002,D-1001,A-60002,2026-03-01,2026-03-31,-5.00,0,MXN'],
    line: 3,
    column: 'amount',
    message: '"-5.00" es negativo',
  },
  {
    name: 'a negative open amount',
    kind: 'invoices',
    rows: [NEW_INVOICE, 'F-60002,D-1001,A-60002,2026-03-01,2026-03-31,5.00,-1,MXN'],
    line: 3,
    column: 'open_amount',
    message: '"-1" es negativo',
  },
  {
    name: 'an amount whose comma may be a decimal comma',
    kind: 'invoices',
    rows: [NEW_INVOICE, 'F-60002,D-1001,A-60002,2026-03-01,2026-03-31,"1,234",0,MXN'],
    line: 3,
    column: 'amount',
    message: /^"1,234" no es un importe decimal .*csv\.decimalSeparator/,
  },
  {
    name: 'more decimals than the currency has',
    kind: 'invoices',
    rows: [NEW_INVOICE, 'F-60002,D-1001,A-60002,2026-03-01,2026-03-31,10.555,0,MXN'],
    line: 3,
    column: 'amount',
    message: '"10.555" tiene más de 2 decimales para MXN',
  },
  {
    name: 'an unknown currency',
    kind: 'invoices',
    rows: [NEW_INVOICE, 'F-60002,D-1001,A-60002,2026-03-01,2026-03-31,10.00,0,XYZ'],
    line: 3,
    column: 'currency',
    message: /^"XYZ" no es una moneda conocida/,
  },
  {
    name: 'an unknown debtor',
    kind: 'invoices',
    rows: [NEW_INVOICE, 'F-60002,D-9999,A-60002,2026-03-01,2026-03-31,10.00,0,MXN'],
    line: 3,
    column: 'debtor_external_id',
    message: 'el deudor "D-9999" no existe (importa primero debtors.csv)',
  },
  {
    name: 'a key repeated in the file',
    kind: 'invoices',
    rows: [NEW_INVOICE, NEW_INVOICE.replace('100.00,100.00', '100.00,50.00')],
    line: 3,
    column: 'external_id',
    message: 'la factura "F-60001" aparece de nuevo (la primera vez en la línea 2)',
  },
  {
    name: 'a key repeated with identical rows, both equal to what is stored',
    kind: 'invoices',
    rows: [
      'F-50001,D-1001,A-50001,2026-01-10,2026-02-09,185000.00,185000.00,MXN',
      'F-50001,D-1001,A-50001,2026-01-10,2026-02-09,185000.00,185000.00,MXN',
    ],
    line: 3,
    column: 'external_id',
    message: 'la factura "F-50001" aparece de nuevo (la primera vez en la línea 2)',
  },
  {
    name: 'a key repeated, first as stored, then changed',
    kind: 'invoices',
    rows: [
      'F-50001,D-1001,A-50001,2026-01-10,2026-02-09,185000.00,185000.00,MXN',
      'F-50001,D-1001,A-50001,2026-01-10,2026-02-09,185000.00,1.00,MXN',
    ],
    line: 3,
    column: 'external_id',
    message: 'la factura "F-50001" aparece de nuevo (la primera vez en la línea 2)',
  },
  {
    name: 'a key repeated, first changed, then as stored',
    kind: 'invoices',
    rows: [
      'F-50001,D-1001,A-50001,2026-01-10,2026-02-09,185000.00,1.00,MXN',
      'F-50001,D-1001,A-50001,2026-01-10,2026-02-09,185000.00,185000.00,MXN',
    ],
    line: 3,
    column: 'external_id',
    message: 'la factura "F-50001" aparece de nuevo (la primera vez en la línea 2)',
  },
  {
    name: 'a field missing',
    kind: 'invoices',
    rows: [NEW_INVOICE, 'F-60002,D-1001,A-60002,2026-03-01,2026-03-31,10.00,0'],
    line: 3,
    message: 'se esperaban 8 campos y hay 7',
  },
  {
    name: 'an unknown role',
    kind: 'users',
    rows: ['U0COB009,Inés Ríos,ines@example.com,collector,', 'U0COB010,Raúl Soto,raul@example.com,supervisor,norte'],
    line: 3,
    column: 'role',
    message: '"supervisor" no es ninguno de estos valores: collector, lead, manager, admin',
  },
  {
    name: 'a team the policy does not have',
    kind: 'users',
    rows: ['U0COB009,Inés Ríos,ines@example.com,collector,', 'U0COB010,Raúl Soto,raul@example.com,collector,sur'],
    line: 3,
    column: 'team',
    message: '"sur" no es un equipo de la política (centro, norte)',
  },
  {
    name: 'an empty name',
    kind: 'users',
    rows: ['U0COB009,Inés Ríos,ines@example.com,collector,', 'U0COB010,,raul@example.com,collector,'],
    line: 3,
    column: 'name',
    message: 'está vacía',
  },
  {
    name: 'an unknown risk',
    kind: 'debtors',
    rows: ['D-2001,Panadería La Espiga,PLE010101AA1,Alimentos,,,', 'D-2002,Tortillería Doña Ana,TDA010101AA1,Alimentos,altísimo,,'],
    line: 3,
    column: 'risk',
    message: '"altísimo" no es ninguno de estos valores: low, medium, high',
  },
  {
    name: 'an unknown credit status',
    kind: 'debtors',
    rows: ['D-2001,Panadería La Espiga,PLE010101AA1,Alimentos,,,', 'D-2002,Tortillería Doña Ana,TDA010101AA1,Alimentos,,,blocked'],
    line: 3,
    column: 'credit_status',
    message: '"blocked" no es ninguno de estos valores: active, hold, revoked',
  },
  {
    name: 'an unknown collector',
    kind: 'debtors',
    rows: ['D-2001,Panadería La Espiga,PLE010101AA1,Alimentos,,U0COB001,', 'D-2002,Tortillería Doña Ana,TDA010101AA1,Alimentos,,U0NADIE,'],
    line: 3,
    column: 'collector_slack_id',
    message: 'el usuario "U0NADIE" no existe (importa primero users.csv)',
  },
  {
    name: 'a level beyond the ladder',
    kind: 'contacts',
    rows: ['D-1004,Martín Peña,2,,,', 'D-1004,Elena Peña,4,,,'],
    line: 3,
    column: 'level',
    message: '"4" no es un nivel de contacto (0 a 3)',
  },
  {
    name: 'a contact of an unknown debtor',
    kind: 'contacts',
    rows: ['D-1004,Martín Peña,2,,,', 'D-9999,Elena Peña,1,,,'],
    line: 3,
    column: 'debtor_external_id',
    message: 'el deudor "D-9999" no existe (importa primero debtors.csv)',
  },
  {
    name: 'the same contact twice for one debtor',
    kind: 'contacts',
    rows: ['D-1004,Martín Peña,2,,,', 'D-1004,Martín Peña,1,,,'],
    line: 3,
    column: 'name',
    message: 'el contacto "Martín Peña" del deudor "D-1004" aparece de nuevo (la primera vez en la línea 2)',
  },
  {
    name: 'a payment of nothing',
    kind: 'payments',
    rows: [NEW_PAYMENT, 'P-80002,D-1001,F-50001,2026-03-02,0.00,MXN,SPEI,'],
    line: 3,
    column: 'amount',
    message: '"0.00" debe ser mayor que cero',
  },
  {
    name: 'a payment date that does not exist',
    kind: 'payments',
    rows: [NEW_PAYMENT, 'P-80002,D-1001,F-50001,2026-13-01,10.00,MXN,SPEI,'],
    line: 3,
    column: 'paid_on',
    message: '"2026-13-01" no es una fecha (YYYY-MM-DD)',
  },
  {
    name: 'a payment of an unknown invoice',
    kind: 'payments',
    rows: [NEW_PAYMENT, 'P-80002,D-1001,F-99999,2026-03-02,10.00,MXN,SPEI,'],
    line: 3,
    column: 'invoice_external_id',
    message: 'la factura "F-99999" no existe (importa primero invoices.csv)',
  },
  {
    name: "a payment against another debtor's invoice",
    kind: 'payments',
    rows: [NEW_PAYMENT, 'P-80002,D-1002,F-50001,2026-03-02,10.00,MXN,SPEI,'],
    line: 3,
    column: 'invoice_external_id',
    message: 'la factura "F-50001" es del deudor "D-1001", no de "D-1002"',
  },
  {
    name: 'a payment of an unknown debtor',
    kind: 'payments',
    rows: [NEW_PAYMENT, 'P-80002,D-9999,,2026-03-02,10.00,MXN,SPEI,'],
    line: 3,
    column: 'debtor_external_id',
    message: 'el deudor "D-9999" no existe (importa primero debtors.csv)',
  },
];

describe('a file with a bad row changes nothing, and the error says where', () => {
  test.for(badRows)('$kind: $name', async (bad, { database }) => {
    await importFixtures(database);
    const before = await snapshot(database);

    const error = await importError(importText(database, bad.kind, bad.rows));
    expect(error.problems).toHaveLength(1);
    const [problem] = error.problems;
    expect(problem!.line).toBe(bad.line);
    expect(problem!.column).toBe(bad.column);
    expect(problem!.message).toMatch(bad.message);
    const where = bad.column ? `línea ${bad.line}, columna ${bad.column}` : `línea ${bad.line}`;
    expect(error.message.split('\n')).toEqual([`${bad.kind}.csv: 1 error, no se importó nada`, expect.stringContaining(`  ${bad.kind}.csv ${where}: `)]);

    expect(await snapshot(database)).toBe(before);
  });
});

describe('reporting problems', () => {
  test('lists the first ten and counts the rest', async ({ database }) => {
    await importFixtures(database);
    const rows = Array.from({ length: 12 }, (_, i) => `F-6${String(i).padStart(4, '0')},D-1001,A-1,2026-03-01,2026-03-31,abc,0,MXN`);
    const error = await importError(importText(database, 'invoices', rows));
    expect(error.total).toBe(12);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('invoices.csv: 12 errores, no se importó nada');
    expect(lines.slice(1, 11)).toEqual(
      rows.slice(0, 10).map((_, i) => matching(new RegExp(`^  invoices\\.csv línea ${i + 2}, columna amount: "abc" no es un importe decimal`))),
    );
    expect(lines.slice(11)).toEqual(['  y 2 más']);
  });

  test('problems found by reading and by the database come in one list, by line', async ({ database }) => {
    await importFixtures(database);
    const error = await importError(
      importText(database, 'invoices', [
        'F-60001,D-9999,A-1,2026-03-01,2026-03-31,1.00,0,MXN',
        'F-60002,D-1001,A-2,2026-03-01,2026-03-32,1.00,0,MXN',
        'F-60003,D-1001,A-3,2026-03-01,2026-03-31,1.00,0,MXN',
        'F-60003,D-1001,A-3,2026-03-01,2026-03-31,1.00,0,MXN',
      ]),
    );
    expect(error.problems.map((p) => [p.line, p.column])).toEqual([
      [2, 'debtor_external_id'],
      [3, 'due_date'],
      [5, 'external_id'],
    ]);
  });

  test('a missing and an unknown column are named on line 1', async ({ database }) => {
    const error = await importError(
      importStream(database, policy, 'invoices', ['external_id,debtor_external_id,number,issue_date,due_date,importe,open_amount\n'], 'facturas.csv'),
    );
    expect(error.problems).toEqual([
      { line: 1, message: 'columna desconocida "importe"' },
      { line: 1, message: matching(/^faltan las columnas amount, currency \(un archivo de invoices tiene el encabezado external_id,/) },
    ]);
    expect(error.message).toContain('facturas.csv línea 1: columna desconocida "importe"');
  });

  test('an empty file is refused', async ({ database }) => {
    const error = await importError(importStream(database, policy, 'debtors', [''], 'debtors.csv'));
    expect(error.problems).toEqual([{ line: 1, message: matching(/^el archivo está vacío/) }]);
  });

  test('a line number counts the lines of a quoted field that spans several', async ({ database }) => {
    await importFixtures(database);
    const error = await importError(
      importText(database, 'payments', [
        'P-80001,D-1001,,2026-03-02,10.00,MXN,SPEI,"línea uno',
        'línea dos',
        'línea tres"',
        '',
        'P-80002,D-1001,,2026-03-02,diez,MXN,SPEI,',
      ]),
    );
    expect(error.problems).toEqual([{ line: 6, column: 'amount', message: matching(/^"diez" no es un importe decimal/) }]);
  });

  test('CSV that does not parse is named by line', async ({ database }) => {
    await importFixtures(database);
    const unclosed = await importError(importText(database, 'debtors', ['D-2001,Panadería La Espiga,,,,,', 'D-2002,"Tortillería Doña Ana,,,,,', 'D-2003,Otra,,,,,']));
    expect(unclosed.problems).toEqual([{ line: 3, message: matching(/^no es un CSV válido: un campo entre comillas nunca se cierra/) }]);

    const stray = await importError(importText(database, 'debtors', ['D-2001,Panadería La Espiga,,,,,', 'D-2002,Tortillería "Doña Ana",,,,,']));
    expect(stray.problems).toEqual([{ line: 3, message: matching(/^no es un CSV válido: hay una comilla dentro de un campo sin comillas/) }]);
  });

  test('text that is not UTF-8 is read as Windows-1252, and the summary says so', async ({ database }) => {
    await importFixtures(database);
    const latin1 = Buffer.from(`${HEADERS.debtors}\nD-2001,Panadería La Espiga,,,,,\n`, 'latin1');
    expect(await importStream(database, policy, 'debtors', [latin1], 'debtors.csv')).toMatchObject({ inserted: 1, encoding: 'windows-1252' });
    const [stored] = await database.db.select({ name: debtors.name }).from(debtors).where(eq(debtors.externalId, 'D-2001'));
    expect(stored?.name).toBe('Panadería La Espiga');
  });

  test('a U+FFFD already in the text is refused where it is', async ({ database }) => {
    await importFixtures(database);
    const error = await importError(importText(database, 'debtors', ['D-2001,Panader\uFFFDa La Espiga,,,,,']));
    expect(error.problems).toEqual([{ line: 2, column: 'name', message: 'tiene caracteres que no son UTF-8 (exporta el archivo como UTF-8)' }]);
  });

  test('a file that is not there is one line', async ({ database }) => {
    await expect(importFile(database, policy, 'invoices', fixture('no-such-file.csv'))).rejects.toThrow(/no-such-file\.csv: no existe ese archivo$/);
  });
});

describe('a nightly export repeats most of the last one', () => {
  const INVOICES = readFileSync(fixture('invoices.csv'), 'utf8').trim().split('\n');
  const openAmount = async (database: Database, externalId: string) =>
    (await database.db.select().from(invoices).where(eq(invoices.externalId, externalId)))[0]!.openAmount;

  test('a line stored before is counted and not read again; a row whose digest was cleared is', async ({ database }) => {
    await importFixtures(database);
    const stored = await database.db.select({ digest: invoices.sourceDigest }).from(invoices);
    expect(stored.map((r) => r.digest?.length)).toEqual([8, 8, 8, 8, 8, 8]);

    // Were the line read again, this change made outside the import would be undone.
    await database.db.update(invoices).set({ openAmount: 1 }).where(eq(invoices.externalId, 'F-50001'));
    expect(await importStream(database, policy, 'invoices', [INVOICES.join('\n')], 'invoices.csv')).toMatchObject({
      rows: 6,
      inserted: 0,
      updated: 0,
      unchanged: 6,
    });
    expect(await openAmount(database, 'F-50001')).toBe(1);

    await database.db.update(invoices).set({ sourceDigest: null }).where(eq(invoices.externalId, 'F-50001'));
    expect(await importStream(database, policy, 'invoices', [INVOICES.join('\n')], 'invoices.csv')).toMatchObject({ updated: 1, unchanged: 5 });
    expect(await openAmount(database, 'F-50001')).toBe(18_500_000);
  });

  test('an import waits for another writer of invoices, then reads the digests as that one left them', async ({ database }) => {
    await importFixtures(database);
    let importing: Promise<ImportSummary> | undefined;
    await database.bulk(async (tx) => {
      // Another import, half-way: it has changed F-50001 and not committed yet.
      await tx.query("UPDATE invoices SET open_amount = 1, source_digest = NULL WHERE external_id = 'F-50001'");
      importing = importStream(database, policy, 'invoices', [INVOICES.join('\n')], 'invoices.csv');
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    // Had it read the digests stored before that commit, it would have skipped F-50001's line.
    expect(await importing).toMatchObject({ updated: 1, unchanged: 5 });
    expect(await openAmount(database, 'F-50001')).toBe(18_500_000);
  });

  test('the same values under a reordered header change nothing, and are not read again the next night', async ({ database }) => {
    await importFixtures(database);
    const before = await snapshot(database);
    const swapped = INVOICES.map((line) => line.replace(/^([^,]*),([^,]*),/, '$2,$1,')).join('\n');
    expect(await importStream(database, policy, 'invoices', [swapped], 'invoices.csv')).toMatchObject({ updated: 0, unchanged: 6 });
    expect((await snapshot(database)).replace(/"source_digest": "[^"]*"/g, '')).toBe(before.replace(/"source_digest": "[^"]*"/g, ''));

    await database.db.update(invoices).set({ openAmount: 1 }).where(eq(invoices.externalId, 'F-50001'));
    expect(await importStream(database, policy, 'invoices', [swapped], 'invoices.csv')).toMatchObject({ updated: 0, unchanged: 6 });
    expect(await openAmount(database, 'F-50001')).toBe(1);
  });
});

describe('storing a file', () => {
  // Autovacuum leaves an empty table analyzed with no pages: the planner then trusts it to
  // stay empty and would rescan it for every file row while the statement fills it.
  test('a first load into an analyzed empty table reads nothing of that table', async ({ database }) => {
    await importFile(database, policy, 'users', fixture('users.csv'));
    await importFile(database, policy, 'debtors', fixture('debtors.csv'));
    const plan = async () =>
      database.bulk(async (tx) => {
        await tx.query('ANALYZE invoices');
        await tx.query(`CREATE TEMP TABLE ${stagingTable('invoices')} (line integer, ${stagingColumns(invoicesSpec).map(([n, t]) => `${n} ${t}`).join(', ')}) ON COMMIT DROP`);
        const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${(await upsertStatement(tx, invoicesSpec.upsert)).text(stagingTable('invoices'))}`);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
    const first = await plan();
    expect(first).not.toMatch(/Scan on invoices/);
    // Nothing to conflict with: a plain insert, no speculative insertion per row.
    expect(first).not.toMatch(/Conflict/);
    await importFile(database, policy, 'invoices', fixture('invoices.csv'));
    // With rows stored, unchanged ones are found by comparing with them, the rest upserted.
    const next = await plan();
    expect(next).toMatch(/Anti Join/);
    expect(next).toMatch(/Conflict Resolution: UPDATE/);
  });
});
