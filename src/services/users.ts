import { asc, eq, exists, or } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { debtors, users, type User } from '../db/schema/index.js';

/** Collectors in name order: the people who get a daily list. */
export function listCollectors(db: Db): Promise<User[]> {
  return db.select().from(users).where(eq(users.role, 'collector')).orderBy(asc(users.name));
}

export async function findUserBySlackId(db: Db, slackUserId: string): Promise<User | undefined> {
  const [user] = await db.select().from(users).where(eq(users.slackUserId, slackUserId));
  return user;
}

/** Everyone who works debtors: collectors, and leads or managers with debtors of their own. */
export function listWorkers(db: Db): Promise<User[]> {
  return db
    .select()
    .from(users)
    .where(
      or(
        eq(users.role, 'collector'),
        exists(db.select({ one: debtors.id }).from(debtors).where(eq(debtors.collectorId, users.id))),
      ),
    )
    .orderBy(asc(users.name));
}

/** Everyone in the register, in name order. */
export function listUsers(db: Db): Promise<User[]> {
  return db.select().from(users).orderBy(asc(users.name));
}
