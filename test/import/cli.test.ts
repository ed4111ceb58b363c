import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));

// The command as an admin runs it: configuration from the environment, the embedded
// database in DATA_DIR, results on stdout, errors on stderr and in the exit status.
describe('cobranza import', () => {
  let dir: string;
  const saved: Record<string, string | undefined> = {};
  const env = { DATA_DIR: '', DATABASE_URL: '', POLICY_FILE: '', LOG_LEVEL: 'silent' };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cobranza-import-'));
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ teams: [{ name: 'centro' }, { name: 'norte' }] }));
    Object.assign(env, { DATA_DIR: join(dir, 'data'), POLICY_FILE: policy });
    for (const [key, value] of Object.entries(env)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
  });

  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  async function cobranza(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const status = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(...line.split('\n')) });
    return { status, out, err };
  }

  test('prints a summary line per file, and the errors with a failing status', async () => {
    const users = await cobranza('import', 'users', fixture('users.csv'));
    expect(users).toEqual({
      status: 0,
      out: [expect.stringMatching(new RegExp(`^users ${fixture('users.csv')}: 4 filas, 4 nuevas, 0 actualizadas, 0 sin cambios \\(\\d+,\\d s\\)$`))],
      err: [],
    });
    const again = await cobranza('import', 'users', fixture('users.csv'));
    expect(again.out).toEqual([expect.stringMatching(/: 4 filas, 0 nuevas, 0 actualizadas, 4 sin cambios \(/)]);

    const bad = join(dir, 'facturas.csv');
    writeFileSync(
      bad,
      [
        'external_id,debtor_external_id,number,issue_date,due_date,amount,open_amount,currency',
        'F-1,D-1001,A-1,2026-01-01,2026-01-31,10.00,10.00,MXN',
        'F-2,D-1001,A-2,2026-01-01,2026-02-30,10.00,10.00,MXN',
        'F-3,D-1001,A-3,2026-01-01,2026-01-31,-3,0,MXN',
      ].join('\n'),
    );
    expect(await cobranza('import', 'invoices', bad)).toEqual({
      status: 1,
      out: [],
      err: [
        `cobranza: ${bad}: 3 errores, no se importó nada`,
        `  ${bad} línea 2, columna debtor_external_id: el deudor "D-1001" no existe (importa primero debtors.csv)`,
        `  ${bad} línea 3, columna due_date: "2026-02-30" no es una fecha (YYYY-MM-DD)`,
        `  ${bad} línea 4, columna amount: "-3" es negativo`,
      ],
    });
  });

  test('a wrong kind or a missing file is one line', async () => {
    expect(await cobranza('import', 'facturas', fixture('invoices.csv'))).toEqual({
      status: 1,
      out: [],
      err: ['cobranza: import: tipo desconocido "facturas" (uso: cobranza import <users|debtors|contacts|invoices|payments> <archivo.csv>)'],
    });
    const missing = join(dir, 'no-such.csv');
    expect(await cobranza('import', 'invoices', missing)).toEqual({ status: 1, out: [], err: [`cobranza: ${missing}: no existe ese archivo`] });
    expect((await cobranza('import', 'invoices')).err).toEqual([
      'cobranza: uso: cobranza import <users|debtors|contacts|invoices|payments> <archivo.csv>',
    ]);
  });
});
