import { writeAudit } from '../../audit/writer.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { generatePassword, hashPassword } from '../auth/secrets.ts';
import { countUsers } from './queries.ts';

/** The audit source of changes made by the system itself (first start, demo, CLI). */
export const SYSTEM = { actor: null, username: 'system' } as const;

/**
 * On first start (no account at all) creates `admin`, with KOLDOO_ADMIN_PASSWORD or a generated
 * password that the caller prints once. Returns undefined when accounts already exist.
 */
export async function ensureAdmin(
  db: Db,
  config: Config,
): Promise<{ password: string; generated: boolean } | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const password = config.adminPassword ?? generatePassword();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: 'admin',
        displayName: 'Administrator',
        role: 'admin',
        passwordHash: await hashPassword(password),
        mustChangePassword: config.adminPassword === undefined,
      })
      .returning({ id: users.id });
    await writeAudit(tx, SYSTEM, {
      action: 'user.create',
      entityType: 'user',
      entityId: row!.id,
      fields: ['username', 'role', 'password'],
    });
  });
  return { password, generated: config.adminPassword === undefined };
}
