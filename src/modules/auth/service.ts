import { and, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import { type Actor, type Role, abilities } from '../../access/policy.ts';
import { writeAudit, type AuditSource } from '../../audit/writer.ts';
import type { Config } from '../../config.ts';
import type { Locale } from '../../domain/organisation.ts';
import type { Db } from '../../db/client.ts';
import { apiTokens, sessions, users } from '../../db/schema/index.ts';
import { AppError, Invalid, NotFound, TooMany } from '../../errors.ts';
import { type Ctx, transact } from '../shared/context.ts';
import { findCredentials, findUserById, updateUserVersioned } from '../users/queries.ts';
import { forgetSignIns, remembered } from './remembered.ts';
import { hashPassword, randomSecret, sha256, verifyAgainstNothing, verifyPassword } from './secrets.ts';

/** Who a request acts as, and how it proved it. */
export interface Authenticated {
  actor: Actor;
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
  /** A temporary password is in use: nothing but changing it is allowed. */
  mustChangePassword: boolean;
}

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'Wrong username or password');

// Touching last_seen_at on every request would make every read a write.
const TOUCH_AFTER_MS = 30_000;

/**
 * Checks a username and password. Failures count towards a lockout; the failure and its count
 * commit even though the caller receives an error. Success opens a browser session.
 */
export async function login(
  db: Db,
  config: Config,
  src: AuditSource,
  input: { username: string; password: string },
): Promise<{ sessionToken: string; csrfToken: string; userId: string }> {
  const now = new Date();
  const user = await findCredentials(db, input.username);
  const fail = (fields: string[]) =>
    writeAudit(
      db,
      { ...src, username: input.username },
      { action: 'auth.login', entityType: 'user', entityId: user?.id ?? null, outcome: 'failed', fields },
    );
  if (!user || !user.active) {
    await verifyAgainstNothing(input.password);
    await fail([]);
    throw invalidCredentials();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await fail(['locked']);
    throw lockedError(user.lockedUntil, now);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= config.loginMaxFailures;
    const lockedUntil = lock ? new Date(now.getTime() + config.lockoutMs) : null;
    await db
      .update(users)
      .set({ failedLogins: lock ? 0 : failures, lockedUntil })
      .where(eq(users.id, user.id));
    await fail(lock ? ['failed_logins', 'locked_until'] : ['failed_logins']);
    if (lockedUntil) throw lockedError(lockedUntil, now);
    throw invalidCredentials();
  }
  const sessionToken = randomSecret();
  const csrfToken = randomSecret();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({
      id: sha256(sessionToken),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + config.sessionMaxMs),
    });
    const actor = {
      userId: user.id,
      username: user.username,
      role: user.role as Role,
      officeId: user.officeId,
    };
    await writeAudit(tx, { ...src, actor }, { action: 'auth.login', entityType: 'user', entityId: user.id });
  });
  return { sessionToken, csrfToken, userId: user.id };
}

function lockedError(until: Date, now: Date) {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new TooMany(
    'account_locked',
    'Too many failed sign-ins; the account is locked for a while',
    seconds,
  );
}

const actorColumns = {
  userId: users.id,
  username: users.username,
  role: users.role,
  officeId: users.officeId,
  mustChangePassword: users.mustChangePassword,
};

/** Resolves a session cookie to its actor, ending sessions past their idle or absolute expiry. */
export async function authenticateSession(
  db: Db,
  config: Config,
  token: string,
): Promise<Authenticated | null> {
  const id = sha256(token);
  const memory = remembered(db);
  const known = memory.get(`session:${id}`);
  if (known) return known;
  const epoch = memory.current();
  const [row] = await db
    .select({
      ...actorColumns,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), eq(users.active, true)));
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now || now - row.lastSeenAt.getTime() > config.sessionIdleMs) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  const { csrfToken, userId, username, role, officeId, mustChangePassword } = row;
  const auth: Authenticated = {
    actor: { userId, username, role, officeId },
    via: 'session',
    sessionId: id,
    csrfToken,
    mustChangePassword,
  };
  // Remembered no longer than the session would live idle from now, or absolutely.
  memory.set(`session:${id}`, auth, epoch, Math.min(row.expiresAt.getTime(), now + config.sessionIdleMs));
  return auth;
}

/** Resolves a bearer token to its actor when it exists, is not revoked and has not expired. */
export async function authenticateToken(db: Db, token: string): Promise<Authenticated | null> {
  const hash = sha256(token);
  const memory = remembered(db);
  const known = memory.get(`token:${hash}`);
  if (known) return known;
  const epoch = memory.current();
  const now = new Date();
  const [row] = await db
    .select({
      ...actorColumns,
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        eq(users.active, true),
      ),
    );
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  const { userId, username, role, officeId, mustChangePassword } = row;
  const auth: Authenticated = {
    actor: { userId, username, role, officeId },
    via: 'token',
    sessionId: null,
    csrfToken: null,
    mustChangePassword,
  };
  memory.set(`token:${hash}`, auth, epoch, row.expiresAt?.getTime() ?? null);
  return auth;
}

/** Ends a browser session. */
export async function logout(ctx: Ctx, sessionId: string): Promise<void> {
  await transact(
    ctx,
    { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId },
    async (tx, audit) => {
      await tx.delete(sessions).where(eq(sessions.id, sessionId));
      await audit();
    },
  );
  forgetSignIns(ctx.db);
}

/** A user's own profile and the actions the UI may offer them (it hides the rest). */
export async function profileOf(db: Db, userId: string) {
  const user = await findUserById(db, userId);
  if (!user) throw new NotFound('user', userId);
  return { user, abilities: abilities(user.role as Role) };
}

/** Lets a user change their own display name or language. */
export function updateProfile(
  ctx: Ctx,
  input: { locale?: Locale | undefined; displayName?: string | undefined },
) {
  const id = ctx.actor.userId;
  return transact(ctx, { action: 'user.update', entityType: 'user', entityId: id }, async (tx, audit) => {
    const [current] = await tx.select({ version: users.version }).from(users).where(eq(users.id, id));
    if (!current) throw new NotFound('user', id);
    await updateUserVersioned(tx, id, current.version, input);
    await audit({ fields: Object.keys(input) });
    return (await findUserById(tx, id))!;
  });
}

/** Rules every new password must meet, wherever it is set. */
export function checkNewPassword(username: string, password: string): void {
  if (password.toLowerCase().includes(username.toLowerCase())) {
    throw new Invalid('weak_password', 'The password must not contain the username', {
      field: 'newPassword',
    });
  }
}

/** Changes one's own password after proving the current one; other sessions are ended. */
export async function changePassword(
  ctx: Ctx,
  currentSessionId: string | null,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const id = ctx.actor.userId;
  await transact(
    ctx,
    { action: 'auth.password_change', entityType: 'user', entityId: id },
    async (tx, audit) => {
      const [user] = await tx.select().from(users).where(eq(users.id, id));
      if (!user) throw new NotFound('user', id);
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw invalidCredentials();
      checkNewPassword(user.username, input.newPassword);
      await tx
        .update(users)
        .set({
          passwordHash: await hashPassword(input.newPassword),
          mustChangePassword: false,
          passwordChangedAt: new Date(),
          version: sql`${users.version} + 1`,
        })
        .where(eq(users.id, id));
      await tx
        .delete(sessions)
        .where(
          and(eq(sessions.userId, id), currentSessionId ? ne(sessions.id, currentSessionId) : undefined),
        );
      await audit({ fields: ['password'] });
    },
  );
  forgetSignIns(ctx.db);
}

/** Issues a personal access token; its secret is returned this once and stored only hashed. */
export function createToken(ctx: Ctx, input: { name: string; expiresInDays?: number | undefined }) {
  return transact(ctx, { action: 'token.create', entityType: 'api_token' }, async (tx, audit) => {
    const token = `kld_${randomSecret()}`;
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: ctx.actor.userId,
        name: input.name,
        tokenHash: sha256(token),
        prefix: token.slice(0, 8),
        expiresAt,
      })
      .returning(tokenColumns);
    await audit({ entityId: row!.id, fields: ['name', 'expires_at'] });
    return { ...row!, token };
  });
}

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
};

/** The actor's own tokens, without their secrets. */
export function listTokens(ctx: Ctx) {
  return ctx.db
    .select(tokenColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, ctx.actor.userId))
    .orderBy(apiTokens.createdAt);
}

/** Revokes one of the actor's own tokens; someone else's answers 404. */
export async function revokeToken(ctx: Ctx, id: string): Promise<void> {
  await transact(
    ctx,
    { action: 'token.revoke', entityType: 'api_token', entityId: id },
    async (tx, audit) => {
      const rows = await tx
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, ctx.actor.userId), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      if (rows.length === 0) throw new NotFound('api_token', id);
      await audit({ fields: ['revoked_at'] });
    },
  );
  forgetSignIns(ctx.db);
}
