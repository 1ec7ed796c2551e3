import { and, eq, ilike, or } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, type Role, assignableRoles } from '../../access/policy.ts';
import { requireAccess, requirePermission, scopeFilter } from '../../access/scope.ts';
import type { Executor, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { keyset, toPage } from '../../db/pagination.ts';
import { offices, sessions, users } from '../../db/schema/index.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../errors.ts';
import { checkNewPassword } from '../auth/service.ts';
import { forgetSignIns } from '../auth/remembered.ts';
import { generatePassword, hashPassword } from '../auth/secrets.ts';
import { type Audit, type Ctx, transact, view } from '../shared/context.ts';
import { findCredentials, findUserById, selectUsers, updateUserVersioned } from './queries.ts';
import type { createUserIn, listUsersQuery, updateUserIn } from './schema.ts';

const scopeCols = { officeId: users.officeId, userId: users.id };

/** Lists the accounts the actor may see, one keyset page at a time. */
export function listUsers(
  ctx: Ctx,
  q: z.infer<typeof listUsersQuery> & { limit: number; cursor?: string | undefined },
) {
  return view(ctx, { action: 'user.list', entityType: 'user' }, async (db, audit) => {
    const scope = scopeFilter(ctx.actor, 'user:read', scopeCols);
    const column = q.sort.endsWith('createdAt') ? users.createdAt : users.username;
    const page = keyset({ column, tiebreak: users.id, descending: q.sort.startsWith('-') }, q.cursor);
    const where = and(
      scope,
      page.where,
      q.role ? eq(users.role, q.role) : undefined,
      q.officeId ? eq(users.officeId, q.officeId) : undefined,
      q.active ? eq(users.active, q.active === 'true') : undefined,
      q.q
        ? or(ilike(users.username, containsPattern(q.q)), ilike(users.displayName, containsPattern(q.q)))
        : undefined,
    );
    const rows = await selectUsers(db, where, page.orderBy, q.limit + 1);
    await audit();
    return toPage(rows, q.limit, (u) => [
      column === users.createdAt ? u.createdAt.toISOString() : u.username,
      u.id,
    ]);
  });
}

async function loadInScope(db: Executor, actor: Actor, id: string, action: 'user:read' | 'user:write') {
  const user = await findUserById(db, id);
  if (!user) throw new NotFound('user', id);
  requireAccess(actor, action, {
    entity: 'user',
    id,
    record: { officeId: user.officeId, userId: user.id },
    readAction: 'user:read',
  });
  return user;
}

/** One account, if the actor may see it. */
export function getUser(ctx: Ctx, id: string) {
  return view(ctx, { action: 'user.read', entityType: 'user', entityId: id }, async (db, audit) => {
    const user = await loadInScope(db, ctx.actor, id, 'user:read');
    await audit();
    return user;
  });
}

// Nobody hands out a role above what they may assign, nor edits someone who outranks them.
function requireAssignable(actor: Actor, role: Role) {
  if (!assignableRoles(actor).includes(role)) throw new Forbidden(`assign role ${role}`);
}

async function requireOffice(tx: Tx, actor: Actor, officeId: string | null) {
  if (officeId === null) {
    if (actor.role !== 'admin') throw new Forbidden('create users without an office');
    return;
  }
  const [office] = await tx.select({ id: offices.id }).from(offices).where(eq(offices.id, officeId));
  if (!office) throw new Invalid('unknown_office', 'No such office', { field: 'officeId' });
  requireAccess(actor, 'user:write', {
    entity: 'office',
    id: officeId,
    record: { officeId },
    readAction: 'office:read',
  });
}

/**
 * Creates an account. Without a password a temporary one is generated and returned once; the
 * user must change it at first sign-in.
 */
export function createUser(ctx: Ctx, input: z.infer<typeof createUserIn>) {
  return transact(ctx, { action: 'user.create', entityType: 'user' }, async (tx, audit) => {
    requirePermission(ctx.actor, 'user:write');
    requireAssignable(ctx.actor, input.role);
    await requireOffice(tx, ctx.actor, input.officeId);
    const temporaryPassword = input.password ? null : generatePassword();
    const password = input.password ?? temporaryPassword!;
    checkNewPassword(input.username, password);
    if (await findCredentials(tx, input.username))
      throw new Conflict('username_taken', 'That username is taken', { field: 'username' });
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        officeId: input.officeId,
        locale: input.locale,
        passwordHash: await hashPassword(password),
        mustChangePassword: temporaryPassword !== null,
      })
      .returning({ id: users.id });
    await audit({
      entityId: row!.id,
      fields: ['username', 'displayName', 'role', 'officeId', 'locale', 'password'],
    });
    return { user: (await findUserById(tx, row!.id))!, temporaryPassword };
  });
}

type Account = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/**
 * Changes an account the actor manages (in their scope, of a role they may assign) in one
 * transaction, then forgets every remembered sign-in: the role, the office, being active and the
 * password are what a sign-in stands for.
 */
async function changeAccount<T>(
  ctx: Ctx,
  id: string,
  action: string,
  change: (tx: Tx, user: Account, audit: Audit) => Promise<T>,
): Promise<T> {
  const result = await transact(ctx, { action, entityType: 'user', entityId: id }, async (tx, audit) => {
    const user = await loadInScope(tx, ctx.actor, id, 'user:write');
    requireAssignable(ctx.actor, user.role);
    return change(tx, user, audit);
  });
  forgetSignIns(ctx.db);
  return result;
}

/** Changes an account if the client's version is still current (409 otherwise). */
export function updateUser(ctx: Ctx, id: string, input: z.infer<typeof updateUserIn>) {
  return changeAccount(ctx, id, 'user.update', async (tx, user, audit) => {
    if (input.role) requireAssignable(ctx.actor, input.role);
    if (input.officeId !== undefined) await requireOffice(tx, ctx.actor, input.officeId);
    if (id === ctx.actor.userId && (input.active === false || (input.role && input.role !== user.role))) {
      throw new Invalid('self_lockout', 'You cannot deactivate yourself or change your own role');
    }
    const { version, ...changes } = input;
    if ((await updateUserVersioned(tx, id, version, changes)) === 0) {
      throw new Conflict('version_conflict', 'The user was changed by someone else; reload and try again', {
        currentVersion: user.version,
      });
    }
    // A deactivated account must not keep working through an open browser session.
    if (changes.active === false) await tx.delete(sessions).where(eq(sessions.userId, id));
    await audit({ fields: Object.keys(changes) });
    return (await findUserById(tx, id))!;
  });
}

/** Sets a new password for someone else (given, or generated and returned once) and ends their sessions. */
export function resetPassword(ctx: Ctx, id: string, input: { password?: string | undefined }) {
  return changeAccount(ctx, id, 'user.reset_password', async (tx, user, audit) => {
    const temporaryPassword = input.password ? null : generatePassword();
    const password = input.password ?? temporaryPassword!;
    checkNewPassword(user.username, password);
    await updateUserVersioned(tx, id, user.version, {
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
      passwordChangedAt: new Date(),
    });
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await audit({ fields: ['password'] });
    return { temporaryPassword };
  });
}
