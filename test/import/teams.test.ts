import { asc } from 'drizzle-orm';
import { teams } from '../../src/db/schema/index.js';
import { policySchema } from '../../src/domain/policy.js';
import { syncTeams } from '../../src/services/teams.js';
import { describe, expect, test } from '../support/database.js';

describe('policy teams', () => {
  test('are stored by name with their alarm channels, and kept when they leave the policy', async ({ database }) => {
    const first = policySchema.parse({ teams: [{ name: 'norte', alarmChannel: 'C0NORTE' }, { name: 'sur' }] });
    const stored = await syncTeams(database.db, first);
    expect(stored.map((t) => [t.name, t.alarmChannel])).toEqual([
      ['norte', 'C0NORTE'],
      ['sur', null],
    ]);

    const second = policySchema.parse({ teams: [{ name: 'sur', alarmChannel: 'C0SUR' }, { name: 'centro' }] });
    const again = await syncTeams(database.db, second);
    expect(again.map((t) => [t.name, t.alarmChannel])).toEqual([
      ['sur', 'C0SUR'],
      ['centro', null],
    ]);
    expect(again[0]!.id).toBe(stored[1]!.id);

    const all = await database.db.select().from(teams).orderBy(asc(teams.id));
    expect(all.map((t) => t.name)).toEqual(['norte', 'sur', 'centro']);
  });
});
