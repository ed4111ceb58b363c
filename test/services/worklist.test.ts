import { eq, isNotNull, sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/query-rows.js';
import { contactLogs, debtors, pressures } from '../../src/db/schema/index.js';
import { addDays, calendarOf } from '../../src/domain/calendar.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { todaysWork } from '../../src/domain/todays-work.js';
import { snapshotOfDebtor } from '../../src/services/account-snapshots.js';
import { allWorklists, assess } from '../../src/services/worklist.js';
import { describe, expect, test } from '../support/database.js';
import { DEMO_DAY, debtorId, loadExampleCompany } from '../support/demo-data.js';
import { seedDebtor, seedInvoice, seedUser } from '../support/seed.js';

// The lists read only accounts that may have work (an SQL filter); the domain rules decide.
// Whatever the filter, a list must hold exactly the accounts the rules pick from all of them.
describe("today's lists", () => {
  test('hold exactly the assigned accounts whose rules say there is work, day after day', async ({ database }) => {
    await loadExampleCompany(database);
    // Overdue, a pressure deadline passed, and a next contact agreed for much later: on the list.
    const collector = await seedUser(database.db, 'U0PRESS');
    const pressed = await seedDebtor(database.db, 'D-PRESS', 'Presionada S.A.', { collectorId: collector.id });
    await seedInvoice(database.db, pressed.id, 'F-PRESS', addDays(DEMO_DAY, -40), 500_000);
    const [log] = await database.db
      .insert(contactLogs)
      .values({ debtorId: pressed.id, authorId: collector.id, outcomeType: 'pressure', channel: 'phone', reached: true, nextContactOn: addDays(DEMO_DAY, 60), contactedAt: new Date(`${addDays(DEMO_DAY, -20)}T16:00:00Z`) })
      .returning();
    await database.db.insert(pressures).values({ debtorId: pressed.id, contactLogId: log!.id, consequence: 'suspension', deadline: addDays(DEMO_DAY, -15) });
    const assigned = await database.db.select({ id: debtors.id }).from(debtors).where(isNotNull(debtors.collectorId));
    const cal = calendarOf(defaultPolicy);
    let listed = 0;
    for (let offset = -14; offset <= 21; offset += 7) {
      const today = addDays(DEMO_DAY, offset);
      const expected: number[] = [];
      for (const { id } of assigned) {
        const snapshot = (await snapshotOfDebtor(database.db, id, { today, timeZone: defaultPolicy.timeZone }))!;
        if (todaysWork(snapshot, today, cal) !== null) expected.push(id);
      }
      const lists = await allWorklists(database.db, defaultPolicy, today);
      const actual = [...lists.values()].flat().map((item) => item.snapshot.debtorId);
      expect(actual.sort((a, b) => a - b), today).toEqual(expected.sort((a, b) => a - b));
      listed += actual.length;
    }
    expect(listed).toBeGreaterThan(0);
  });

  // The first debtor is edited after the second is stored, so the table holds it last: the
  // order of the list must not depend on where rows lie.
  test('list debtors of the same priority and name by debtor, whatever order the table holds them in', async ({ database }) => {
    const collector = await seedUser(database.db, 'U0TWINS');
    const first = await seedDebtor(database.db, 'D-TWIN-1', 'Gemela S.A.', { collectorId: collector.id });
    const second = await seedDebtor(database.db, 'D-TWIN-2', 'Gemela S.A.', { collectorId: collector.id });
    for (const debtor of [first, second]) await seedInvoice(database.db, debtor.id, `F-${debtor.externalId}`, addDays(DEMO_DAY, -30), 250_000);
    await database.db.update(debtors).set({ segment: 'retail' }).where(eq(debtors.id, first.id));
    const stored = await queryRows<{ id: number }>(database.db, sql`select id from debtors`);
    expect(stored.map((r) => Number(r.id)).filter((id) => id === first.id || id === second.id)).toEqual([second.id, first.id]);

    const list = (await allWorklists(database.db, defaultPolicy, DEMO_DAY)).get(collector.id)!;
    expect(list.map((item) => item.priority)).toEqual([list[0]!.priority, list[0]!.priority]);
    expect(list.map((item) => item.snapshot.debtorId)).toEqual([first.id, second.id]);
  });

  // Both debtors are overdue and have never paid: only the team's `fraud` mark is suspicion.
  test('suspect fraud only on the debtor the team marked, not on a high-risk one', async ({ database }) => {
    await loadExampleCompany(database);
    const reasonOf = async (externalId: string) => {
      const snapshot = (await snapshotOfDebtor(database.db, await debtorId(database, externalId), { today: DEMO_DAY, timeZone: defaultPolicy.timeZone }))!;
      return { risk: snapshot.risk, ...assess(snapshot, DEMO_DAY, defaultPolicy).suggestion };
    };
    expect(await reasonOf('D-1010')).toMatchObject({ risk: 'fraud', objective: 'pressure', reason: { code: 'suspected_fraud' } });
    const highRisk = await reasonOf('D-1004');
    expect(highRisk.risk).toBe('high');
    expect(highRisk.reason.code).not.toBe('suspected_fraud');
  });
});
