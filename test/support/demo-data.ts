import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/database.js';
import { debtors } from '../../src/db/schema/index.js';
import type { Policy } from '../../src/domain/policy.js';
import { defaultPolicy } from '../../src/domain/policy.js';
import { loadDemo } from '../../src/services/demo.js';

export const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));
/** The day the example company's story is told around (a Monday). */
export const DEMO_DAY = '2026-11-23';
export const DEMO_NOW = new Date('2026-11-23T15:00:00Z');

export async function loadExampleCompany(database: Database, policy: Policy = defaultPolicy) {
  return loadDemo(database, policy, DEMO_DAY, EXAMPLES);
}

export async function debtorId(database: Database, externalId: string): Promise<number> {
  const [row] = await database.db.select({ id: debtors.id }).from(debtors).where(eq(debtors.externalId, externalId));
  if (!row) throw new Error(`no debtor ${externalId}`);
  return row.id;
}
