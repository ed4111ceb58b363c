import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cliInProcess } from '../support/cli-in-process.js';
import { CHART_HEIGHT, CHART_WIDTH } from '../../src/chart/weekly-chart.js';
import { todayIn } from '../../src/domain/calendar.js';
import { reportWeekOf } from '../../src/domain/report-week.js';
import { openDatabase } from '../../src/db/open.js';
import { seedContact, seedDebtor, seedInvoice, seedPayment, seedUser } from '../support/seed.js';
import { pngSize } from '../support/png.js';

// The command as a lead runs it: the embedded database in DATA_DIR, the report on stdout or
// in a file, errors as one line on stderr naming the bad option.
describe('cobranza report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cobranza-report-'));
  const env = { DATA_DIR: join(dir, 'data'), DATABASE_URL: '', POLICY_FILE: join(dir, 'policy.json'), LOG_LEVEL: 'silent' };
  const cli = cliInProcess(env);
  const { cobranza } = cli;

  beforeAll(async () => {
    writeFileSync(env.POLICY_FILE, JSON.stringify({ timeZone: 'America/Mexico_City', teams: [{ name: 'norte', alarmChannel: 'C0NORTE' }, { name: 'sur' }] }));
    cli.enter();
    const database = await openDatabase(env);
    try {
      const { db } = database;
      const ana = await seedUser(db, 'U0ANA', 'collector', 'norte');
      const beto = await seedUser(db, 'U0BETO', 'collector', 'sur');
      const norte = await seedDebtor(db, 'D-N', 'Ferretería del Norte', { collectorId: ana.id });
      await seedInvoice(db, norte.id, 'F-N', '2026-10-15', 500_000);
      // Paid in 2026-W49 (30 November to 6 December).
      await seedPayment(db, norte.id, 'P-N', '2026-12-02', 123_450);
      await seedContact(db, norte.id, ana.id, '2026-12-01');
      const sur = await seedDebtor(db, 'D-S', 'Abarrotes del Sur', { collectorId: beto.id });
      await seedInvoice(db, sur.id, 'F-S', '2026-11-20', 80_000);
      await seedPayment(db, sur.id, 'P-S', '2026-12-03', 10_000);
    } finally {
      await database.close();
    }
  }, 120_000);

  afterAll(() => {
    cli.leave();
    rmSync(dir, { recursive: true, force: true });
  });

  test('prints every team\'s report for the week asked, in Spanish', async () => {
    const { status, out, err } = await cobranza('report', '--week', '2026-W49');
    expect(err).toEqual([]);
    expect(status).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/Informe semanal · norte · semana 2026-W49/);
    expect(text).toMatch(/Informe semanal · sur · semana 2026-W49/);
    expect(text).toContain('Cobrado: $1,234.50 MXN');
    expect(text).toContain('Cobrado: $100.00 MXN');
    expect(text).toContain('Por gestor:');
    expect(text).toContain('User U0ANA:');
  });

  test('--team picks one team; by default the previous complete week', async () => {
    const { status, out } = await cobranza('report', '--team', 'sur');
    expect(status).toBe(0);
    const week = reportWeekOf(todayIn('America/Mexico_City', new Date()));
    expect(out[0]).toContain(`sur · semana ${week.label}`);
    expect(out.join('\n')).not.toContain('norte');
  });

  test('--out FILE.csv writes one row per team, collector and currency, that reads back', async () => {
    const file = join(dir, 'semana.csv');
    const { status, out } = await cobranza('report', '--week', '2026-W49', '--out', file);
    expect(status).toBe(0);
    expect(out).toEqual([`report ${file}: semana 2026-W49, 2 equipo(s)`]);
    const rows = parse<Record<string, string>>(readFileSync(file, 'utf8'), { columns: true });
    expect(rows.map((r) => [r.team, r.row, r.collector, r.currency])).toEqual([
      ['norte', 'team', '', 'MXN'],
      ['norte', 'collector', 'User U0ANA', 'MXN'],
      ['sur', 'team', '', 'MXN'],
      ['sur', 'collector', 'User U0BETO', 'MXN'],
    ]);
    expect(rows[1]).toMatchObject({ week: '2026-W49', week_start: '2026-11-30', week_end: '2026-12-06', slack_user_id: 'U0ANA', collected: '1234.50', contacts: '1' });
    expect(rows[0]).toMatchObject({ collected: '1234.50' });
    // Nothing left beside it: the file was written whole, then renamed.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('--out FILE.png writes the chart: one file per team when there are several', async () => {
    const one = join(dir, 'norte.png');
    expect(await cobranza('report', '--week', '2026-W49', '--team', 'norte', '--out', one)).toMatchObject({ status: 0, out: [`report ${one}: gráfica de la semana 2026-W49`] });
    expect(pngSize(readFileSync(one))).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });

    const all = join(dir, 'todos.png');
    expect((await cobranza('report', '--week', '2026-W49', '--out', all)).status).toBe(0);
    expect(existsSync(all)).toBe(false);
    for (const team of ['norte', 'sur']) expect(pngSize(readFileSync(join(dir, `todos-${team}.png`))).width).toBe(CHART_WIDTH);
  });

  test.each([
    [['--week', '2026-W60'], '--week', '2026-W60'],
    [['--week', '2026-12-07'], '--week', '2026-12-07'],
    [['--team', 'oeste'], '--team', 'oeste'],
    [['--out', 'semana.xlsx'], '--out', 'semana.xlsx'],
    [['--weeks', '2026-W49'], '--weeks', '--weeks'],
    [['--week'], '--week', '--week'],
  ])('%j is refused, naming the option', async (args, option, value) => {
    const { status, out, err } = await cobranza('report', ...args);
    expect(status).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^cobranza: report: /);
    expect(err[0]).toContain(option);
    expect(err[0]).toContain(value);
  });

  test('help lists the options in Spanish', async () => {
    const { status, out } = await cobranza('help', 'report');
    expect(status).toBe(0);
    expect(out.join('\n')).toContain('cobranza report [--week YYYY-Www] [--team NAME] [--out FILE.png|FILE.csv]');
    expect(out.join('\n')).toContain('--week YYYY-Www');
  });
});
