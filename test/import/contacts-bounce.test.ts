import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../src/db/database.js';
import { contacts } from '../../src/db/schema/index.js';
import { policySchema } from '../../src/domain/policy.js';
import { importStream } from '../../src/services/import/index.js';
import { describe, expect, test } from '../support/database.js';
import { seedDebtor } from '../support/seed.js';

const policy = policySchema.parse({ teams: [{ name: 'centro', alarmChannel: 'C0CENTRO' }] });
const HEADER = 'debtor_external_id,name,level,phone,email,whatsapp';

const importContacts = (database: Database, lines: string[]) => importStream(database, policy, 'contacts', [`${[HEADER, ...lines].join('\n')}\n`], 'contacts.csv');

const BOUNCED_AT = new Date('2026-03-02T16:00:00Z');

describe('contacts import and bounced addresses', () => {
  test('a changed email clears the bounce in the same upsert; the same address keeps it', async ({ database }) => {
    const { db } = database;
    await seedDebtor(db, 'D1', 'Deudor Uno');
    await importContacts(database, [
      'D1,Ana,1,555 0001,ana@cliente.mx,',
      'D1,Beto,1,555 0002,beto@cliente.mx,',
      'D1,Carla,2,555 0003,carla@cliente.mx,',
      'D1,Dora,3,555 0004,dora@cliente.mx,',
    ]);
    await db.update(contacts).set({ emailBouncedAt: BOUNCED_AT, emailBounceReason: '550 5.1.1 User unknown' });

    const summary = await importContacts(database, [
      // Another phone, the same address: still bouncing.
      'D1,Ana,1,555 9999,ana@cliente.mx,',
      // A new address: the bounce is gone.
      'D1,Beto,1,555 0002,roberto@cliente.mx,',
      // The same address in other case and spaces: still bouncing.
      'D1,Carla,2,555 0003, Carla@Cliente.MX ,',
      // Nothing changed.
      'D1,Dora,3,555 0004,dora@cliente.mx,',
    ]);
    expect(summary).toMatchObject({ rows: 4, inserted: 0, updated: 3, unchanged: 1 });

    const rows = await db
      .select({ name: contacts.name, email: contacts.email, at: contacts.emailBouncedAt, reason: contacts.emailBounceReason })
      .from(contacts)
      .orderBy(asc(contacts.name));
    const bounced = { at: BOUNCED_AT, reason: '550 5.1.1 User unknown' };
    expect(rows).toEqual([
      { name: 'Ana', email: 'ana@cliente.mx', ...bounced },
      { name: 'Beto', email: 'roberto@cliente.mx', at: null, reason: null },
      { name: 'Carla', email: expect.stringMatching(/^\s*Carla@Cliente\.MX\s*$/) as string, ...bounced },
      { name: 'Dora', email: 'dora@cliente.mx', ...bounced },
    ]);

    // An address removed (empty) also clears it.
    await importContacts(database, ['D1,Ana,1,555 9999,,']);
    const [ana] = await db.select().from(contacts).where(eq(contacts.name, 'Ana'));
    expect(ana).toMatchObject({ email: '', emailBouncedAt: null, emailBounceReason: null });
  });
});
