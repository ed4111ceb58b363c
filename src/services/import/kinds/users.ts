import { ROLES } from '../../../domain/vocabulary.js';
import { t } from '../../../slack/i18n/index.js';
import { csvText } from '../staging-text.js';
import { duplicateCheck, repeatedMessage, stagingTable, upsertSql, type KindSpec } from '../kind-spec.js';

const table = stagingTable('users');

export const usersSpec: KindSpec = {
  kind: 'users',
  columns: ['slack_user_id', 'name', 'email', 'role', 'team'],
  key: [0],
  staging: [
    ['slack_user_id', 'text'],
    ['name', 'text'],
    ['email', 'text'],
    ['role', 'user_role'],
    ['team', 'text'],
  ],
  rowWriter(policy, c) {
    const teams = policy.teams.map((team) => team.name);
    const { locale } = policy;
    return () => {
      const slackId = c.text(0, true);
      if (/\s/.test(slackId)) c.problem(0, t(locale, 'importProblem.notSlackId', { value: slackId }));
      const name = c.text(1, true);
      const email = c.text(2);
      if (email !== '' && !/^[^\s@]+@[^\s@]+$/.test(email)) c.problem(2, t(locale, 'importProblem.notEmail', { value: email }));
      const role = c.oneOf(3, ROLES);
      // Empty: the policy's first team, so a single-team company need not name it.
      const team = c.text(4) || teams[0]!;
      if (!teams.includes(team)) c.problem(4, t(locale, 'importProblem.notTeam', { value: team, teams: teams.join(', ') }));
      return `${csvText(slackId)},${csvText(name)},${csvText(email)},${role},${csvText(team)}`;
    };
  },
  checks: [
    duplicateCheck(table, ['slack_user_id'], 'slack_user_id', repeatedMessage('user', 'slack_user_id')),
  ],
  // Teams come from the policy and are stored before the file is read (see syncTeams).
  upsert: upsertSql({
    table: 'users',
    key: ['slack_user_id'],
    columns: ['slack_user_id', 'name', 'email', 'role', 'team_id'],
    source: (staged) =>
      `SELECT s.slack_user_id, s.name, s.email, s.role, t.id AS team_id FROM ${staged} s LEFT JOIN teams t ON t.name = s.team`,
    touch: 'updated_at',
  }),
};
