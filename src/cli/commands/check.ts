import { sql } from 'drizzle-orm';
import { parseEnv, requireSlackEnv, type Env } from '../../config/env.js';
import { UserError } from '../../config/errors.js';
import { loadPolicy } from '../../config/policy-file.js';
import { openDatabase, withoutPassword } from '../../db/open.js';
import { verifySmtp } from '../../mail/transport.js';
import type { Policy } from '../../domain/policy.js';
import { t, type Locale } from '../../slack/i18n/index.js';
import { checkBotToken, tokenProblem } from '../../slack/token-check.js';
import { noAlarmChannel } from '../alarm-channel-text.js';
import type { CliContext } from '../context.js';

type State = 'ok' | 'warning' | 'failed';
interface Check {
  state: State;
  /** "subject: what was found", the subject naming the check, variable or policy key. */
  text: string;
}

const problemOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function envCheck(locale: Locale): { check: Check; env?: Env } {
  try {
    const env = parseEnv();
    const mode = env.SLACK_APP_TOKEN ? 'Socket Mode' : t(locale, 'cli.check.httpMode', { port: env.PORT });
    const database = env.DATABASE_URL
      ? t(locale, 'cli.check.postgresAt', { url: withoutPassword(env.DATABASE_URL) })
      : t(locale, 'cli.check.embeddedIn', { dir: env.DATA_DIR });
    return { check: { state: 'ok', text: t(locale, 'cli.check.env', { mode, database }) }, env };
  } catch (error) {
    return { check: { state: 'failed', text: `env: ${problemOf(error)}` } };
  }
}

async function readPolicy(file: string | undefined): Promise<{ policy: Policy } | { problem: string }> {
  try {
    return { policy: await loadPolicy(file) };
  } catch (error) {
    return { problem: problemOf(error) };
  }
}

function policyCheck(locale: Locale, file: string | undefined, policy: Policy): Check {
  const count = policy.teams.length;
  const teams = count === 1 ? t(locale, 'cli.check.teamsOne') : t(locale, 'cli.check.teamsMany', { count });
  const params = { file: file ?? t(locale, 'cli.check.builtInPolicy'), teams, timeZone: policy.timeZone, locale: policy.locale };
  return { state: 'ok', text: t(locale, 'cli.check.policy', params) };
}

async function databaseCheck(locale: Locale, env: Env): Promise<Check> {
  try {
    const database = await openDatabase(env);
    try {
      await database.db.execute(sql`select 1`);
    } finally {
      await database.close();
    }
    const where =
      database.kind === 'postgres'
        ? t(locale, 'cli.check.postgresAt', { url: withoutPassword(env.DATABASE_URL!) })
        : t(locale, 'cli.check.databaseEmbedded', { dir: env.DATA_DIR });
    return { state: 'ok', text: t(locale, 'cli.check.database', { where }) };
  } catch (error) {
    return { state: 'failed', text: `database: ${problemOf(error)}` };
  }
}

async function slackCheck(locale: Locale, env: Env): Promise<Check> {
  if (!env.SLACK_BOT_TOKEN) return { state: 'warning', text: t(locale, 'cli.check.slackNotChecked') };
  try {
    // With a token, `start` needs the rest of the Slack settings too.
    requireSlackEnv(env);
  } catch (error) {
    return { state: 'failed', text: `slack: ${problemOf(error)}` };
  }
  const result = await checkBotToken(env, env.SLACK_BOT_TOKEN);
  if (result.state !== 'ok') return { state: 'failed', text: `slack: ${tokenProblem(env, result)}` };
  return { state: 'ok', text: t(locale, 'cli.check.slackOk', { team: result.team, bot: result.botUserId }) };
}

/** SMTP: not configured is a plain line (no email is sent); otherwise the server must answer. */
async function smtpCheck(locale: Locale, env: Env): Promise<Check> {
  const result = await verifySmtp(env);
  if (result.state === 'not_configured') return { state: 'ok', text: t(locale, 'cli.check.smtpNotConfigured') };
  if (result.state === 'ok') return { state: 'ok', text: t(locale, 'cli.check.smtpOk', { server: result.server }) };
  return { state: 'failed', text: t(locale, 'cli.check.smtpFailed', { error: result.error }) };
}

function channelChecks(locale: Locale, policy: Policy): Check[] {
  return policy.teams.map((team, index): Check =>
    team.alarmChannel
      ? { state: 'ok', text: t(locale, 'cli.check.channel', { index, team: team.name, channel: team.alarmChannel }) }
      : { state: 'warning', text: noAlarmChannel(locale, team.name, index) },
  );
}

/**
 * `cobranza check`: the environment, the policy, the database, the Slack token, SMTP and every
 * team's alarm channel, one line each (ok, warning or failed with the reason). Fails when
 * any check fails; warnings do not. It reads the configuration itself, so a bad variable
 * is one of its lines rather than the end of it.
 */
export async function checkCommand(out: CliContext['out']): Promise<void> {
  // The policy file is named by a plain variable: it can be read even when others are bad,
  // and it is read first because its locale is the language of every line.
  const policyFile = process.env.POLICY_FILE || undefined;
  const read = await readPolicy(policyFile);
  const locale: Locale = 'policy' in read ? read.policy.locale : 'es';
  const checks: Check[] = [];
  const report = (check: Check) => {
    checks.push(check);
    out(`${t(locale, `cli.check.state.${check.state}`).padEnd(7)} ${check.text}`);
  };
  const { check: envLine, env } = envCheck(locale);
  report(envLine);
  report('policy' in read ? policyCheck(locale, policyFile, read.policy) : { state: 'failed', text: `policy: ${read.problem}` });
  if (env) {
    report(await databaseCheck(locale, env));
    report(await slackCheck(locale, env));
    report(await smtpCheck(locale, env));
  } else {
    for (const name of ['database', 'slack', 'SMTP']) report({ state: 'warning', text: t(locale, 'cli.check.notChecked', { name }) });
  }
  if ('policy' in read) channelChecks(locale, read.policy).forEach(report);
  const failed = checks.filter((c) => c.state === 'failed').length;
  if (failed > 0) throw new UserError(t(locale, 'cli.check.failed', { failed, total: checks.length }));
}
