import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliInProcess } from '../support/cli-in-process.js';
import { openDatabase } from '../../src/db/open.js';
import { debtors, users } from '../../src/db/schema/index.js';
import { recordCreditDecisions } from '../../src/services/credit-decisions.js';
import { EXAMPLES } from '../support/demo-data.js';

const USAGE = 'uso: cobranza export credit-status [--out FILE]';

// The command as an admin runs it: the embedded database in DATA_DIR, the CSV on stdout
// or in a file, errors as one line on stderr.
describe('cobranza export credit-status', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cobranza-export-'));
  const env = { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', POLICY_FILE: join(dir, 'policy.json'), LOG_LEVEL: 'silent' };
  const cli = cliInProcess(env);
  const { cobranza } = cli;

  beforeAll(async () => {
    writeFileSync(env.POLICY_FILE, JSON.stringify({ timeZone: 'America/Mexico_City' }));
    cli.enter();
    expect((await cobranza('import', 'users', join(EXAMPLES, 'users.csv'))).status).toBe(0);
    expect((await cobranza('import', 'debtors', join(EXAMPLES, 'debtors.csv'))).status).toBe(0);
    const database = await openDatabase(env);
    try {
      const { db } = database;
      const id = async (externalId: string) => (await db.select({ id: debtors.id }).from(debtors).where(eq(debtors.externalId, externalId)))[0]!.id;
      const [jorge] = await db.select().from(users).where(eq(users.slackUserId, 'U0COB0002'));
      // 03:30 UTC on the 24th is still the 23rd in Mexico City.
      const at = new Date('2026-11-24T03:30:00Z');
      await recordCreditDecisions(
        db,
        [
          { debtorId: await id('D-1006'), status: 'hold', decidedBy: jorge!.id, reason: 'Dijo "no pagamos", hasta\nenero' },
          { debtorId: await id('D-1001'), status: 'revoked', decidedBy: null, reason: 'escalation level 4' },
        ],
        at,
      );
    } finally {
      await database.close();
    }
  }, 120_000);

  afterAll(() => {
    cli.leave();
    rmSync(dir, { recursive: true, force: true });
  });

  const expected = [
    'external_id,name,credit_status,decided_on,decided_by,reason',
    'D-1001,"Construcciones Pérez, S.A. de C.V.",revoked,2026-11-23,,escalation level 4',
    'D-1006,"Hospital San José de Monterrey, A.C.",hold,2026-11-23,Jorge Hernández,"Dijo ""no pagamos"", hasta',
    'enero"',
    '',
  ].join('\n');

  test('--out writes the file, quoted as CSV, and prints one summary line', async () => {
    const file = join(dir, 'credito.csv');
    writeFileSync(file, 'an older export');
    expect(await cobranza('export', 'credit-status', '--out', file)).toEqual({
      status: 0,
      out: [`export credit-status ${file}: 2 deudor(es) con decisión del equipo`],
      err: [],
    });
    expect(readFileSync(file, 'utf8')).toBe(expected);
    // Written beside the file and renamed over it: no temporary file stays behind.
    expect(readdirSync(dir).sort()).toEqual(['credito.csv', 'data', 'policy.json']);
  });

  test('without --out the same CSV goes to standard output', async () => {
    expect(await cobranza('export', 'credit-status')).toEqual({ status: 0, out: [expected.replace(/\n$/, '')], err: [] });
  });

  test.each([
    [['export', 'credit-status', '--format', 'xlsx'], `cobranza: export: argumento desconocido "--format" (${USAGE})`],
    [['export', 'credit-status', 'extra'], `cobranza: export: argumento desconocido "extra" (${USAGE})`],
    [['export', 'debtors'], `cobranza: export: tipo desconocido "debtors" (${USAGE})`],
    [['export'], `cobranza: ${USAGE}`],
    [['export', 'credit-status', '--out'], `cobranza: export: --out necesita un nombre de archivo (${USAGE})`],
  ])('%j is one line naming the problem', async (argv, line) => {
    expect(await cobranza(...argv)).toEqual({ status: 1, out: [], err: [line] });
  });

  test('a folder that does not exist is named, and nothing is written', async () => {
    const file = join(dir, 'no-such-folder', 'credito.csv');
    expect(await cobranza('export', 'credit-status', '--out', file)).toEqual({
      status: 1,
      out: [],
      err: [`cobranza: export: no se puede escribir ${file}: su carpeta no existe`],
    });
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });
});
