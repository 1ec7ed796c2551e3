import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { offices, users } from '../../db/schema/index.ts';

/** The columns of a user that may leave the server (never the hash or lockout counters). */
export const publicUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  officeId: users.officeId,
  officeName: offices.name,
  locale: users.locale,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

/** A user as the API shows it. */
export type PublicUser = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/** One user with their office's name, or undefined. */
export async function findUserById(db: Executor, id: string) {
  const [row] = await db
    .select(publicUserColumns)
    .from(users)
    .leftJoin(offices, eq(offices.id, users.officeId))
    .where(eq(users.id, id));
  return row;
}

/** The full row including the password hash: for sign-in only. */
export async function findCredentials(db: Executor, username: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`);
  return row;
}

/** One page of users under a condition, ordered for keyset pagination. */
export function selectUsers(db: Executor, where: SQL | undefined, orderBy: SQL[], limit: number) {
  return db
    .select(publicUserColumns)
    .from(users)
    .leftJoin(offices, eq(offices.id, users.officeId))
    .where(where)
    .orderBy(...orderBy)
    .limit(limit);
}

/** Whether any account exists yet (first start creates the admin). */
export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(row?.n ?? 0);
}

/** Updates a user only if its version still matches; returns the number of rows changed. */
export async function updateUserVersioned(
  db: Executor,
  id: string,
  version: number,
  values: Partial<typeof users.$inferInsert>,
): Promise<number> {
  const rows = await db
    .update(users)
    .set({ ...values, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning({ id: users.id });
  return rows.length;
}
