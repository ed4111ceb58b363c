import { sql } from 'drizzle-orm';
import { alarmChannelWarning } from '../../config/alarm-channels.js';
import { parseEnv, requireSlackEnv, type Env } from '../../config/env.js';
import { UserError } from '../../config/errors.js';
import { loadPolicy } from '../../config/policy-file.js';
import { openDatabase, withoutPassword } from '../../db/open.js';
import type { Policy } from '../../domain/policy.js';
import { checkBotToken, tokenProblem } from '../../slack/token-check.js';
import type { CliContext } from '../context.js';

type State = 'ok' | 'warning' | 'failed';
interface Check {
  state: State;
  /** "subject: what was found", the subject naming the check, variable or policy key. */
  text: string;
}

const problemOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function envCheck(): { check: Check; env?: Env } {
  try {
    const env = parseEnv();
    const mode = env.SLACK_APP_TOKEN ? 'Socket Mode' : `HTTP mode on port ${env.PORT}`;
    const database = env.DATABASE_URL ? `PostgreSQL at ${withoutPassword(env.DATABASE_URL)}` : `embedded database in ${env.DATA_DIR}`;
    return { check: { state: 'ok', text: `env: ${mode}, ${database}` }, env };
  } catch (error) {
    return { check: { state: 'failed', text: `env: ${problemOf(error)}` } };
  }
}

async function policyCheck(file: string | undefined): Promise<{ check: Check; policy?: Policy }> {
  try {
    const policy = await loadPolicy(file);
    const teams = `${policy.teams.length} team${policy.teams.length === 1 ? '' : 's'}`;
    return { check: { state: 'ok', text: `policy: ${file ?? 'built-in defaults'}, ${teams}, time zone ${policy.timeZone}, locale ${policy.locale}` }, policy };
  } catch (error) {
    return { check: { state: 'failed', text: `policy: ${problemOf(error)}` } };
  }
}

async function databaseCheck(env: Env): Promise<Check> {
  try {
    const database = await openDatabase(env);
    try {
      await database.db.execute(sql`select 1`);
    } finally {
      await database.close();
    }
    const where = database.kind === 'postgres' ? `PostgreSQL at ${withoutPassword(env.DATABASE_URL!)}` : `embedded in ${env.DATA_DIR}`;
    return { state: 'ok', text: `database: ${where} answers, schema up to date` };
  } catch (error) {
    return { state: 'failed', text: `database: ${problemOf(error)}` };
  }
}

async function slackCheck(env: Env): Promise<Check> {
  if (!env.SLACK_BOT_TOKEN) {
    return { state: 'warning', text: 'slack: not checked, SLACK_BOT_TOKEN is not set (start needs it; run-job --dry-run does not)' };
  }
  try {
    // With a token, `start` needs the rest of the Slack settings too.
    requireSlackEnv(env);
  } catch (error) {
    return { state: 'failed', text: `slack: ${problemOf(error)}` };
  }
  const result = await checkBotToken(env, env.SLACK_BOT_TOKEN);
  if (result.state !== 'ok') return { state: 'failed', text: `slack: ${tokenProblem(env, result)}` };
  return { state: 'ok', text: `slack: the bot token works (workspace ${result.team}, bot user ${result.botUserId})` };
}

function channelChecks(policy: Policy): Check[] {
  return policy.teams.map((team, i): Check =>
    team.alarmChannel
      ? { state: 'ok', text: `teams[${i}].alarmChannel: team "${team.name}" posts to ${team.alarmChannel}` }
      : { state: 'warning', text: alarmChannelWarning(team.name, i) },
  );
}

/**
 * `cobranza check`: the environment, the policy, the database, the Slack token and every
 * team's alarm channel, one line each (ok, warning or failed with the reason). Fails when
 * any check fails; warnings do not. It reads the configuration itself, so a bad variable
 * is one of its lines rather than the end of it.
 */
export async function checkCommand(out: CliContext['out']): Promise<void> {
  const checks: Check[] = [];
  const report = (check: Check) => {
    checks.push(check);
    out(`${check.state.padEnd(7)} ${check.text}`);
  };
  const { check: envLine, env } = envCheck();
  report(envLine);
  // The policy file is named by a plain variable: it can be read even when others are bad.
  const { check: policyLine, policy } = await policyCheck(env ? env.POLICY_FILE : process.env.POLICY_FILE || undefined);
  report(policyLine);
  if (env) {
    report(await databaseCheck(env));
    report(await slackCheck(env));
  } else {
    for (const name of ['database', 'slack']) report({ state: 'warning', text: `${name}: not checked until env is fixed` });
  }
  if (policy) channelChecks(policy).forEach(report);
  const failed = checks.filter((c) => c.state === 'failed').length;
  if (failed > 0) throw new UserError(`check: ${failed} of ${checks.length} checks failed`);
}
