import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Role } from '../../src/access/policy.ts';
import { sessions, users } from '../../src/db/schema/index.ts';
import { Client, PASSWORD, USERNAMES, describeEachEngine } from '../helpers/harness.ts';

const OSH = 'IOM Osh sub-office';
const TEMPORARY_PASSWORD = /^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/;

describeEachEngine('users', (h) => {
  const idOf = async (username: string): Promise<string> => {
    const [row] = await h()
      .database.db.select({ id: users.id })
      .from(users)
      .where(eq(users.username, username));
    if (!row) throw new Error(`no user ${username}`);
    return row.id;
  };

  /** Every account a client can list, following nextCursor. */
  const listAll = async (
    client: Client,
    query = '',
  ): Promise<{ username: string; officeName: string | null }[]> => {
    const seen: { username: string; officeName: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `limit=3${query}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await client.get(`/api/v1/users?${qs}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return seen;
  };

  let counter = 0;
  /** Creates an account as admin and returns it. */
  const createUser = async (fields: { role?: Role; officeName?: string; password?: string } = {}) => {
    const admin = await h().as('admin');
    counter += 1;
    const res = await admin.post('/api/v1/users', {
      username: `made.${counter}.${h().engine}`,
      displayName: `Made ${counter}`,
      role: fields.role ?? 'caseworker',
      officeId: await h().officeId(fields.officeName ?? OSH),
      password: fields.password ?? PASSWORD,
    });
    expect(res.status).toBe(201);
    return res.body.user as { id: string; username: string; version: number; displayName: string };
  };

  it('lists every account, all offices, to an admin and an auditor', async () => {
    for (const role of ['admin', 'auditor'] as const) {
      const names = (await listAll(await h().as(role))).map((u) => u.username);
      expect(names).toEqual(expect.arrayContaining(Object.values(USERNAMES).concat('caseworker.batken')));
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('lists only the accounts of their own office to a supervisor and to a caseworker', async () => {
    for (const role of ['supervisor', 'caseworker'] as const) {
      const seen = await listAll(await h().as(role));
      expect(seen.map((u) => u.username).sort()).toEqual(['caseworker.osh', 'supervisor.osh']);
      expect(seen.every((u) => u.officeName === OSH)).toBe(true);
    }
    // Filtering by another office cannot widen the scope.
    const supervisor = await h().as('supervisor');
    const batken = await h().officeId('Batken');
    const res = await supervisor.get(`/api/v1/users?officeId=${batken}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('refuses the list with 403 forbidden to partner, analyst and hotline operator, and 401 to anonymous', async () => {
    for (const role of ['partner', 'analyst', 'hotline_operator'] as const) {
      const res = await (await h().as(role)).get('/api/v1/users');
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await h().anonymous.get('/api/v1/users')).status).toBe(401);
  });

  it('answers 404 to a supervisor reading an account of another office, exactly as for one that does not exist; 200 to an admin', async () => {
    const supervisor = await h().as('supervisor');
    const batkenId = await idOf('caseworker.batken');
    const other = await supervisor.get(`/api/v1/users/${batkenId}`);
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
    const missingId = randomUUID();
    const missing = await supervisor.get(`/api/v1/users/${missingId}`);
    expect(missing.status).toBe(404);
    // Same answer but for the id echoed back: nothing tells the two apart.
    expect(JSON.stringify(other.body).replace(batkenId, 'ID')).toBe(
      JSON.stringify(missing.body).replace(missingId, 'ID'),
    );
    const own = await supervisor.get(`/api/v1/users/${await idOf('caseworker.osh')}`);
    expect(own.status).toBe(200);
    expect(own.body.user.username).toBe('caseworker.osh');
    const admin = await (await h().as('admin')).get(`/api/v1/users/${batkenId}`);
    expect(admin.status).toBe(200);
    expect(admin.body.user).toMatchObject({
      username: 'caseworker.batken',
      officeName: 'Single Window Centre, Batken',
    });
    expect(admin.body.user).not.toHaveProperty('passwordHash');
  });

  it('creates an account as admin (201) with a one-time temporary password that works once and must then be changed', async () => {
    const admin = await h().as('admin');
    const res = await admin.post('/api/v1/users', {
      username: 'New.Caseworker',
      displayName: 'Zarina Toktosunova',
      role: 'caseworker',
      officeId: await h().officeId('Batken'),
    });
    expect(res.status).toBe(201);
    expect(res.body.temporaryPassword).toMatch(TEMPORARY_PASSWORD);
    expect(res.body.user).toMatchObject({
      username: 'New.Caseworker',
      displayName: 'Zarina Toktosunova',
      role: 'caseworker',
      officeName: 'Single Window Centre, Batken',
      locale: 'en',
      active: true,
      mustChangePassword: true,
      version: 1,
    });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const signIn = await h().anonymous.post('/api/v1/auth/login', {
      username: 'new.caseworker',
      password: res.body.temporaryPassword,
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.mustChangePassword).toBe(true);
  });

  it('creates an account with a given password: no temporary password, no forced change', async () => {
    const admin = await h().as('admin');
    const res = await admin.post('/api/v1/users', {
      username: 'analyst.two',
      displayName: 'Second analyst',
      role: 'analyst',
      officeId: null,
      password: 'a-chosen-password-1',
    });
    expect(res.status).toBe(201);
    expect(res.body.temporaryPassword).toBeNull();
    expect(res.body.user).toMatchObject({ mustChangePassword: false, officeId: null, officeName: null });
    const client = await h().login('analyst.two', 'a-chosen-password-1');
    expect((await client.get('/api/v1/auth/me')).body.user.mustChangePassword).toBe(false);
  });

  it('lets a supervisor create a caseworker and a hotline operator in their own office', async () => {
    const supervisor = await h().as('supervisor');
    const osh = await h().officeId(OSH);
    for (const role of ['caseworker', 'hotline_operator'] as const) {
      const res = await supervisor.post('/api/v1/users', {
        username: `osh.${role}`,
        displayName: 'Osh staff',
        role,
        officeId: osh,
      });
      expect(res.status, role).toBe(201);
      expect(res.body.user).toMatchObject({ role, officeName: OSH });
    }
  });

  it('refuses a supervisor (403) any role that is not below theirs or that sees more than they do', async () => {
    const supervisor = await h().as('supervisor');
    const osh = await h().officeId(OSH);
    for (const role of ['admin', 'supervisor', 'auditor', 'analyst', 'partner'] as const) {
      const username = `osh.denied.${role}`;
      const res = await supervisor.post('/api/v1/users', {
        username,
        displayName: 'Nope',
        role,
        officeId: osh,
      });
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(await h().database.db.select().from(users).where(eq(users.username, username))).toHaveLength(0);
    }
  });

  it('refuses a supervisor an office not their own with 403 (offices are public, so not 404) and no office at all with 403', async () => {
    const supervisor = await h().as('supervisor');
    const batken = await h().officeId('Batken');
    const other = await supervisor.post('/api/v1/users', {
      username: 'osh.elsewhere',
      displayName: 'X',
      role: 'caseworker',
      officeId: batken,
    });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('forbidden');
    const none = await supervisor.post('/api/v1/users', {
      username: 'osh.nowhere',
      displayName: 'X',
      role: 'caseworker',
      officeId: null,
    });
    expect(none.status).toBe(403);
    // And a caseworker may not create accounts at all.
    const caseworker = await h().as('caseworker');
    const osh = await h().officeId(OSH);
    const byCaseworker = await caseworker.post('/api/v1/users', {
      username: 'osh.bycw',
      displayName: 'X',
      role: 'caseworker',
      officeId: osh,
    });
    expect(byCaseworker.status).toBe(403);
  });

  it('answers 409 username_taken for an existing username in any letter case', async () => {
    const admin = await h().as('admin');
    const osh = await h().officeId(OSH);
    const res = await admin.post('/api/v1/users', {
      username: 'CaseWorker.OSH',
      displayName: 'Dup',
      role: 'caseworker',
      officeId: osh,
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'username_taken', details: { field: 'username' } });
  });

  it('answers 400 validation_failed naming the path of every invalid field', async () => {
    const admin = await h().as('admin');
    const osh = await h().officeId(OSH);
    const bad = await admin.post('/api/v1/users', {
      username: 'has space',
      displayName: '   ',
      role: 'root',
      officeId: osh,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const paths = bad.body.error.details.issues.map((i: { path: string[] }) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['body', 'username'],
        ['body', 'displayName'],
        ['body', 'role'],
      ]),
    );
    const unknownKey = await admin.post('/api/v1/users', {
      username: 'ok.name',
      displayName: 'Ok',
      role: 'caseworker',
      officeId: osh,
      isAdmin: true,
    });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.body.error.details.issues[0]).toMatchObject({
      path: ['body'],
      code: 'unrecognized_keys',
    });
    const shortPassword = await admin.post('/api/v1/users', {
      username: 'ok.name',
      displayName: 'Ok',
      role: 'caseworker',
      officeId: osh,
      password: 'short',
    });
    expect(shortPassword.body.error.details.issues[0]).toMatchObject({
      path: ['body', 'password'],
      code: 'too_small',
    });
    const badId = await admin.get('/api/v1/users/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.error.details.issues[0].path).toEqual(['params', 'id']);
  });

  it('answers 422 weak_password when the password contains the username', async () => {
    const admin = await h().as('admin');
    const res = await admin.post('/api/v1/users', {
      username: 'aibek',
      displayName: 'Aibek',
      role: 'analyst',
      officeId: null,
      password: 'my-name-is-AIBEK-ok',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('weak_password');
  });

  it('answers 422 unknown_office for an office id that does not exist', async () => {
    const admin = await h().as('admin');
    const res = await admin.post('/api/v1/users', {
      username: 'lost.one',
      displayName: 'Lost',
      role: 'caseworker',
      officeId: randomUUID(),
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'unknown_office', details: { field: 'officeId' } });
  });

  it('updates with the current version (200, version + 1) and answers 409 version_conflict to a stale one, changing nothing', async () => {
    const admin = await h().as('admin');
    const user = await createUser();
    const first = await admin.patch(`/api/v1/users/${user.id}`, {
      displayName: 'First edit',
      locale: 'ru',
      version: user.version,
    });
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({
      displayName: 'First edit',
      locale: 'ru',
      version: user.version + 1,
    });
    const stale = await admin.patch(`/api/v1/users/${user.id}`, {
      displayName: 'Stale edit',
      locale: 'ky',
      version: user.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'version_conflict',
      details: { currentVersion: user.version + 1 },
    });
    const after = await admin.get(`/api/v1/users/${user.id}`);
    expect(after.body.user).toEqual(first.body.user);
  });

  it('answers 400 to a version beyond the range of the stored integer (not a database error)', async () => {
    const user = await createUser();
    const res = await (
      await h().as('admin')
    ).patch(`/api/v1/users/${user.id}`, { displayName: 'Big', version: Number.MAX_SAFE_INTEGER });
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0]).toMatchObject({ path: ['body', 'version'], code: 'too_big' });
  });

  it('answers 404 to a supervisor changing or resetting an account of another office, and 403 to raising a role', async () => {
    const supervisor = await h().as('supervisor');
    const batken = await createUser({ officeName: 'Batken' });
    expect(
      (await supervisor.patch(`/api/v1/users/${batken.id}`, { displayName: 'X', version: 1 })).status,
    ).toBe(404);
    expect((await supervisor.post(`/api/v1/users/${batken.id}/reset-password`, {})).status).toBe(404);
    const osh = await createUser();
    const promote = await supervisor.patch(`/api/v1/users/${osh.id}`, {
      role: 'supervisor',
      version: osh.version,
    });
    expect(promote.status).toBe(403);
    const move = await supervisor.patch(`/api/v1/users/${osh.id}`, {
      officeId: await h().officeId('Batken'),
      version: osh.version,
    });
    expect(move.status).toBe(403);
    const [row] = await h().database.db.select().from(users).where(eq(users.id, osh.id));
    expect(row).toMatchObject({ role: 'caseworker', version: osh.version });
    const rename = await supervisor.patch(`/api/v1/users/${osh.id}`, {
      displayName: 'Renamed by supervisor',
      version: osh.version,
    });
    expect(rename.status).toBe(200);
  });

  it('deactivating an account ends its sessions at once: its client gets 401 and it can no longer sign in', async () => {
    const admin = await h().as('admin');
    const user = await createUser();
    const client = await h().login(user.username);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    const res = await admin.patch(`/api/v1/users/${user.id}`, { active: false, version: user.version });
    expect(res.status).toBe(200);
    expect(res.body.user.active).toBe(false);
    expect(await h().database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
    const again = await h().anonymous.post('/api/v1/auth/login', {
      username: user.username,
      password: PASSWORD,
    });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('invalid_credentials');
  });

  it('applies a changed role to the account’s very next request, through a session or a token', async () => {
    const admin = await h().as('admin');
    const user = await createUser({ role: 'hotline_operator' });
    const browser = await h().login(user.username);
    const created = await browser.post('/api/v1/auth/tokens', { name: 'script' });
    const script = new Client(h().app, { bearer: created.body.token });
    for (const client of [browser, script]) expect((await client.get('/api/v1/users')).status).toBe(403);
    const res = await admin.patch(`/api/v1/users/${user.id}`, { role: 'caseworker', version: user.version });
    expect(res.status).toBe(200);
    for (const client of [browser, script]) expect((await client.get('/api/v1/users')).status).toBe(200);
  });

  it('refuses to let an admin deactivate themselves or change their own role (422 self_lockout)', async () => {
    const admin = await h().as('admin');
    const me = (await admin.get('/api/v1/auth/me')).body.user;
    const off = await admin.patch(`/api/v1/users/${me.id}`, { active: false, version: me.version });
    expect(off.status).toBe(422);
    expect(off.body.error.code).toBe('self_lockout');
    const demote = await admin.patch(`/api/v1/users/${me.id}`, { role: 'analyst', version: me.version });
    expect(demote.status).toBe(422);
    const after = await admin.get('/api/v1/auth/me');
    expect(after.status).toBe(200);
    expect(after.body.user).toMatchObject({ active: true, role: 'admin', version: me.version });
  });

  it('resets a password as admin: a temporary one is returned once, sessions end, the old password stops working', async () => {
    const admin = await h().as('admin');
    const user = await createUser();
    const client = await h().login(user.username);
    const created = await client.post('/api/v1/auth/tokens', { name: 'script' });
    const script = new Client(h().app, { bearer: created.body.token });
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    expect((await script.get('/api/v1/cases')).status).toBe(200);
    const res = await admin.post(`/api/v1/users/${user.id}/reset-password`, {});
    expect(res.status).toBe(200);
    expect(res.body.temporaryPassword).toMatch(TEMPORARY_PASSWORD);
    // At once, though both signed in a moment ago: the session ends, the token may only see its owner.
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
    const limited = await script.get('/api/v1/cases');
    expect(limited.status).toBe(403);
    expect(limited.body.error.code).toBe('password_change_required');
    expect(
      (await h().anonymous.post('/api/v1/auth/login', { username: user.username, password: PASSWORD }))
        .status,
    ).toBe(401);
    const signIn = await h().anonymous.post('/api/v1/auth/login', {
      username: user.username,
      password: res.body.temporaryPassword,
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.mustChangePassword).toBe(true);
    const given = await admin.post(`/api/v1/users/${user.id}/reset-password`, {
      password: 'chosen-by-admin-9',
    });
    expect(given.status).toBe(200);
    expect(given.body.temporaryPassword).toBeNull();
    await h().login(user.username, 'chosen-by-admin-9');
    const missing = await admin.post(`/api/v1/users/${randomUUID()}/reset-password`, {});
    expect(missing.status).toBe(404);
  });
});
