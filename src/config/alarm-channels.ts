import type { Policy } from '../domain/policy.js';

/**
 * The warning for a policy team without an `alarmChannel`, naming the team and the policy
 * key: nothing fails, its alarms and lead summaries just go nowhere. `start`, `check` and
 * `run-job` all say it in these words.
 */
export function alarmChannelWarning(teamName: string, index: number): string {
  return `teams[${index}].alarmChannel: team "${teamName}" has no alarm channel, so its alarms and lead summaries reach nobody`;
}

/** One warning per policy team without an alarm channel. */
export function missingAlarmChannels(policy: Pick<Policy, 'teams'>): string[] {
  return policy.teams.flatMap((team, i) => (team.alarmChannel ? [] : [alarmChannelWarning(team.name, i)]));
}
