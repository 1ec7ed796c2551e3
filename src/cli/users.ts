import { eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Role } from '../access/policy.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { offices } from '../db/schema/index.ts';
import { findCredentials } from '../modules/users/queries.ts';
import { createUserIn, newPassword } from '../modules/users/schema.ts';
import { createUser, resetPassword } from '../modules/users/service.ts';
import { SYSTEM } from '../modules/users/bootstrap.ts';
import type { Ctx } from '../modules/shared/context.ts';

// The command line acts as an explicit, named system administrator: every elevation is visible here.
const systemCtx = (db: Db, config: Config): Ctx => ({
  db,
  config,
  ...SYSTEM,
  actor: {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'system',
    role: 'admin',
    officeId: null,
  },
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function officeId(db: Db, office: string | undefined): Promise<string | null> {
  if (!office) return null;
  const [row] = await db
    .select({ id: offices.id })
    .from(offices)
    .where(
      UUID.test(office)
        ? or(eq(offices.id, office), eq(offices.name, office))
        : sql`${offices.name} = ${office}`,
    );
  if (!row) throw new Error(`no office with id or name "${office}"`);
  return row.id;
}

/** `koldoo user create`: the same use case as the API, run as the system administrator. */
export async function adminCreateUser(
  db: Db,
  config: Config,
  opts: {
    username: string;
    role: Role;
    displayName?: string | undefined;
    office?: string | undefined;
    password?: string | undefined;
  },
) {
  const input = createUserIn.safeParse({
    username: opts.username,
    displayName: opts.displayName ?? opts.username,
    role: opts.role,
    officeId: await officeId(db, opts.office),
    password: opts.password,
  });
  if (!input.success) throw new Error(z.prettifyError(input.error));
  return createUser(systemCtx(db, config), input.data);
}

/** `koldoo user reset-password`. */
export async function adminResetPassword(
  db: Db,
  config: Config,
  username: string,
  password: string | undefined,
) {
  const parsed = newPassword.optional().safeParse(password);
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  const user = await findCredentials(db, username);
  if (!user) throw new Error(`no user "${username}"`);
  return resetPassword(systemCtx(db, config), user.id, { password });
}
