import type { Policy } from '../domain/policy.js';
import { t, type Locale } from '../slack/i18n/index.js';

/** The warning for a team without an alarm channel: `check` and `run-job` say it in these words. */
export function noAlarmChannel(locale: Locale, team: string, index: number): string {
  return t(locale, 'cli.check.noChannel', { index, team });
}

/** One warning per policy team without an alarm channel, in the policy's locale. */
export function missingAlarmChannelLines(policy: Pick<Policy, 'teams' | 'locale'>): string[] {
  return policy.teams.flatMap((team, i) => (team.alarmChannel ? [] : [noAlarmChannel(policy.locale, team.name, i)]));
}
