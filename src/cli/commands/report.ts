import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { UserError } from '../../config/errors.js';
import { AGING_BUCKETS, type AgingBucket } from '../../domain/aging.js';
import { todayIn, type IsoDate } from '../../domain/calendar.js';
import { toDecimalText } from '../../domain/money.js';
import type { Policy } from '../../domain/policy.js';
import { isWeekLabel, reportWeek, reportWeekOf, type IsoWeek } from '../../domain/report-week.js';
import { weeklyReport } from '../../services/report/index.js';
import type { Activity, MoneyFigures, WeeklyReport } from '../../services/report/types.js';
import { listTeams } from '../../services/teams.js';
import { t, type Locale } from '../../slack/i18n/index.js';
import { withDatabase, type CliContext } from '../context.js';
import { reportText } from '../report-text.js';
import { fileNamePart } from '../../domain/plain-text.js';

export interface ReportArgs {
  /** `YYYY-Www`; the previous complete week when left out. */
  week: string | undefined;
  /** A team's name; every team when left out. */
  team: string | undefined;
  /** A `.csv` or `.png` file; the text on standard output when left out. */
  out: string | undefined;
}

/** node's parseArgs, its errors as one line naming the option. */
function readArgs(args: string[], locale: Locale) {
  try {
    return parseArgs({
      args,
      allowPositionals: false,
      strict: true,
      options: { week: { type: 'string' }, team: { type: 'string' }, out: { type: 'string' } },
    });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const usage = t(locale, 'cli.args.reportUsage');
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
      throw new UserError(`${t(locale, 'cli.args.unknownOption', { command: 'report', name: option })} (${usage})`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = /'(--[a-z]+)/.exec(message)?.[1] ?? '';
      throw new UserError(`${t(locale, 'cli.args.needsValue', { command: 'report', option })} (${usage})`);
    }
    const name = /'([^']+)'/.exec(message)?.[1] ?? args.join(' ');
    throw new UserError(`${t(locale, 'cli.args.unknownArgument', { command: 'report', name })} (${usage})`);
  }
}

/** `cobranza report`'s arguments; throws a UserError naming the bad option. */
export function parseReportArgs(args: string[], locale: Locale): ReportArgs {
  const { values } = readArgs(args, locale);
  const { week, team, out } = values;
  if (week !== undefined && !isWeekLabel(week)) throw new UserError(t(locale, 'cli.args.reportWeek', { week }));
  if (team === '') throw new UserError(t(locale, 'cli.args.needsValue', { command: 'report', option: '--team' }));
  if (out !== undefined && !['.csv', '.png'].includes(extname(out).toLowerCase())) throw new UserError(t(locale, 'cli.args.reportOut', { file: out }));
  return { week, team, out };
}

/** The reports asked for: one team's, or every team's by id. */
async function makeReports(ctx: CliContext, args: ReportArgs, week: IsoWeek, today: IsoDate): Promise<WeeklyReport[]> {
  const { locale } = ctx.policy;
  return withDatabase(ctx, async (database) => {
    const all = await listTeams(database.db);
    let picked = all;
    if (args.team !== undefined) {
      const wanted = args.team;
      const exact = all.filter((team) => team.name === wanted);
      picked = exact.length > 0 ? exact : all.filter((team) => team.name.toLowerCase() === wanted.toLowerCase());
      if (picked.length === 0) {
        const known = all.map((team) => team.name).join(', ') || '—';
        throw new UserError(t(locale, 'cli.args.reportTeam', { team: wanted, teams: known }));
      }
    }
    const reports: WeeklyReport[] = [];
    for (const team of [...picked].sort((a, b) => a.id - b.id)) reports.push(await weeklyReport(database.db, ctx.policy, { teamId: team.id, week, today }));
    return reports;
  });
}

/** Writes `data` beside `file` first and renames it over: a reader never sees half a file. */
async function writeAtomically(file: string, data: string | Buffer, locale: Locale): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? t(locale, 'cli.args.exportNoFolder') : (error as Error).message;
    throw new UserError(t(locale, 'cli.args.reportCannotWrite', { file, reason }));
  }
}

export const REPORT_CSV_COLUMNS = [
  'week',
  'week_start',
  'week_end',
  'team',
  'row',
  'collector',
  'slack_user_id',
  'currency',
  'collected',
  'promised_due',
  'overdue_now',
  'overdue_four_weeks_ago',
  'aging_current',
  'aging_1_30',
  'aging_31_60',
  'aging_61_90',
  'aging_90_plus',
  'cei_pct',
  'dso_days',
  'contacts',
  'debtors_worked',
  'notices_sent',
  'promises_kept',
  'promises_partial',
  'promises_broken',
  'kept_rate_pct',
] as const;

const AGING_COLUMN: Record<AgingBucket, string> = { current: 'aging_current', '1-30': 'aging_1_30', '31-60': 'aging_31_60', '61-90': 'aging_61_90', '90+': 'aging_90_plus' };

type CsvRow = Partial<Record<(typeof REPORT_CSV_COLUMNS)[number], string | number>>;

const oneDecimal = (value: number | null) => (value === null || !Number.isFinite(value) ? '' : value.toFixed(1));

function activityCells(activity: Activity): CsvRow {
  return {
    contacts: activity.contacts,
    debtors_worked: activity.debtorsWorked,
    notices_sent: activity.noticesSent,
    promises_kept: activity.promisesKept,
    promises_partial: activity.promisesPartial,
    promises_broken: activity.promisesBroken,
    kept_rate_pct: oneDecimal(activity.keptRate === null ? null : activity.keptRate * 100),
  };
}

/** Money as decimal text in the currency's units (`1234.50`), so a spreadsheet reads it as a number. */
function moneyCells(figures: MoneyFigures, currency: string): CsvRow {
  const amount = (minor: number) => toDecimalText(minor, currency);
  const cells: CsvRow = {
    currency,
    collected: amount(figures.collected),
    promised_due: amount(figures.promisedDue),
    overdue_now: amount(figures.overdueNow),
    overdue_four_weeks_ago: figures.overdueFourWeeksAgo === null ? '' : amount(figures.overdueFourWeeksAgo),
  };
  for (const bucket of AGING_BUCKETS) cells[AGING_COLUMN[bucket] as keyof CsvRow] = amount(figures.aging[bucket]);
  return cells;
}

/**
 * The reports as CSV rows: for each team, a `team` row per currency (with CEI and DSO; one
 * without money when it has no currency), then a `collector` row per collector and currency
 * (one without money for a collector with activity only). Activity counts are the same in
 * every currency's row. Money in the currency's units, rates in percent.
 */
export function reportCsv(reports: readonly WeeklyReport[], locale: Locale): string {
  const rows: CsvRow[] = [];
  for (const report of reports) {
    const base: CsvRow = { week: report.week.label, week_start: report.week.start, week_end: report.week.end, team: report.team.name };
    const teamBase = { ...base, row: 'team', ...activityCells(report.activity) };
    if (report.currencies.length === 0) rows.push(teamBase);
    for (const c of report.currencies) rows.push({ ...teamBase, ...moneyCells(c.team, c.currency), cei_pct: oneDecimal(c.cei), dso_days: oneDecimal(c.dso) });
    for (const collector of report.collectors) {
      const who: CsvRow = {
        ...base,
        row: 'collector',
        collector: collector.collectorId === null ? t(locale, 'reportText.noCollector') : collector.name,
        slack_user_id: collector.slackUserId ?? '',
        ...activityCells(collector.activity),
      };
      const money = Object.entries(collector.money);
      if (money.length === 0) rows.push(who);
      for (const [currency, figures] of money) rows.push({ ...who, ...moneyCells(figures, currency) });
    }
  }
  return stringify(
    rows.map((row) => REPORT_CSV_COLUMNS.map((column) => row[column] ?? '')),
    { header: true, columns: [...REPORT_CSV_COLUMNS] },
  );
}

/** A team's name in a file name, lower case. */
const slug = (text: string): string => fileNamePart(text, 'team').toLowerCase();

/**
 * The charts to write for `--out FILE.png`: each report's currencies; one chart goes to FILE
 * itself, several to FILE with `-team` (when several teams) and `-CUR` (when a team has
 * several currencies) before the extension.
 */
export async function reportCharts(reports: readonly WeeklyReport[], out: string, policy: Policy): Promise<Array<{ file: string; png: Buffer }>> {
  const { weeklyChartPng } = await import('../../chart/weekly-chart.js');
  const { locale } = policy;
  const charts = reports.flatMap((report) => report.currencies.map((currency) => ({ report, currency })));
  const byTeam = reports.length > 1;
  const byCurrency = reports.some((report) => report.currencies.length > 1);
  const ext = extname(out);
  const stem = out.slice(0, out.length - ext.length);
  return charts.map(({ report, currency }) => {
    const suffix = charts.length === 1 ? '' : [byTeam ? `-${slug(report.team.name)}` : '', byCurrency ? `-${currency.currency}` : ''].join('');
    const title = t(locale, 'reportFiles.title', { team: report.team.name, week: report.week.label, currency: currency.currency });
    return { file: `${stem}${suffix}${ext}`, png: weeklyChartPng({ currency: currency.currency, history: currency.history, locale, title }) };
  });
}

/**
 * `cobranza report [--week YYYY-Www] [--team NAME] [--out FILE.png|FILE.csv]`: the weekly
 * report of every team (or one), for the previous complete week in the policy's time zone
 * (or the week given), as text in the policy's language; `--out` writes it as CSV, or its
 * chart as PNG, each file written whole or not at all.
 */
export async function reportCommand(ctx: CliContext, args: string[]): Promise<void> {
  const { locale, timeZone } = ctx.policy;
  const parsed = parseReportArgs(args, locale);
  const today = todayIn(timeZone, new Date());
  const week = parsed.week === undefined ? reportWeekOf(today) : reportWeek(parsed.week);
  const reports = await makeReports(ctx, parsed, week, today);
  const { out } = parsed;
  if (out === undefined) {
    if (reports.length === 0) ctx.out(t(locale, 'reportText.noTeams'));
    reports.forEach((report, i) => {
      if (i > 0) ctx.out('');
      for (const line of reportText(report, locale)) ctx.out(line);
    });
    return;
  }
  if (extname(out).toLowerCase() === '.csv') {
    await writeAtomically(out, reportCsv(reports, locale), locale);
    ctx.out(t(locale, 'reportText.wroteCsv', { file: out, week: week.label, teams: reports.length }));
    return;
  }
  const charts = await reportCharts(reports, out, ctx.policy);
  if (charts.length === 0) throw new UserError(t(locale, 'reportText.nothingToDraw', { week: week.label }));
  for (const chart of charts) {
    await writeAtomically(chart.file, chart.png, locale);
    ctx.out(t(locale, 'reportText.wrotePng', { file: chart.file, week: week.label }));
  }
}
