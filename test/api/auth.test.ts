import { eq } from 'drizzle-orm';
import { expect, it, vi } from 'vitest';
import { apiTokens, sessions, users } from '../../src/db/schema/index.ts';
import { REMEMBER_MS } from '../../src/modules/auth/remembered.ts';
import { Client, PASSWORD, describeEachEngine } from '../helpers/harness.ts';

describeEachEngine('auth', (h) => {
  it('signs in with an HTTP-only, SameSite=Strict cookie and returns the profile, CSRF token and abilities', async () => {
    const res = await h().anonymous.post('/api/v1/auth/login', {
      username: 'Supervisor.OSH',
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    const cookie = String([res.headers['set-cookie']].flat()[0]);
    expect(cookie).toMatch(/^koldoo_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(res.body.user).toMatchObject({
      username: 'supervisor.osh',
      role: 'supervisor',
      officeName: 'IOM Osh sub-office',
    });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    expect(res.body.csrfToken).toEqual(expect.any(String));
    expect(res.body.abilities).toContain('case:read');
    expect(res.body.abilities).not.toContain('audit:read');
    // The UI judges "today" in the offices' zone, as the server does (default Asia/Bishkek).
    expect(res.body.timeZone).toBe(process.env.KOLDOO_TIMEZONE ?? 'Asia/Bishkek');
  });

  it('answers 401 invalid_credentials for a wrong password or an unknown user, alike', async () => {
    const wrong = await h().anonymous.post('/api/v1/auth/login', {
      username: 'analyst',
      password: 'not-the-password',
    });
    const unknown = await h().anonymous.post('/api/v1/auth/login', {
      username: 'nobody',
      password: 'whatever-123',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(unknown.body).toEqual(wrong.body);
  });

  it('requires a session for the API and the CSRF token on unsafe requests', async () => {
    expect((await h().anonymous.get('/api/v1/auth/me')).status).toBe(401);
    const client = await h().login('caseworker.osh');
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    const noCsrf = new Client(h().app, { cookie: client.auth.cookie });
    const refused = await noCsrf.patch('/api/v1/auth/me', { locale: 'ky' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('csrf_failed');
    const wrongCsrf = new Client(h().app, { cookie: client.auth.cookie, csrf: 'x'.repeat(43) });
    expect((await wrongCsrf.patch('/api/v1/auth/me', { locale: 'ky' })).status).toBe(403);
    const ok = await client.patch('/api/v1/auth/me', { locale: 'ky' });
    expect(ok.status).toBe(200);
    expect(ok.body.user.locale).toBe('ky');
  });

  it('logs out: the cookie stops working', async () => {
    const client = await h().login('analyst');
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('ends sessions past their idle or absolute expiry', async () => {
    const { db } = h().database;
    const [auditor] = await db.select().from(users).where(eq(users.username, 'auditor'));
    const mine = eq(sessions.userId, auditor!.id);
    const idle = await h().login('auditor');
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - h().config.sessionIdleMs - 1000) })
      .where(mine);
    const idleRes = await idle.get('/api/v1/auth/me');
    expect(idleRes.status).toBe(401);
    expect(idleRes.body.error.message).toMatch(/expired/);
    const absolute = await h().login('auditor');
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(mine);
    expect((await absolute.get('/api/v1/auth/me')).status).toBe(401);
    // Expired sessions are deleted when presented, not merely refused.
    expect(await db.select().from(sessions).where(mine)).toHaveLength(0);
  });

  it('locks an account after repeated failures, even for the right password, and says for how long', async () => {
    const max = h().config.loginMaxFailures;
    for (let i = 1; i < max; i++) {
      const res = await h().anonymous.post('/api/v1/auth/login', {
        username: 'hotline',
        password: `wrong-${i}-xxxxx`,
      });
      expect(res.status).toBe(401);
    }
    const locking = await h().anonymous.post('/api/v1/auth/login', {
      username: 'hotline',
      password: 'wrong-last-xxxx',
    });
    expect(locking.status).toBe(429);
    expect(locking.body.error.code).toBe('account_locked');
    const right = await h().anonymous.post('/api/v1/auth/login', { username: 'hotline', password: PASSWORD });
    expect(right.status).toBe(429);
    expect(right.body.error.details.retryAfterSeconds).toBeGreaterThan(60);
    expect(right.headers['retry-after']).toBeDefined();
    // An admin's reset unlocks it.
    const admin = await h().as('admin');
    const [hotline] = await h().database.db.select().from(users).where(eq(users.username, 'hotline'));
    const reset = await admin.post(`/api/v1/users/${hotline!.id}/reset-password`, {
      password: 'brand-new-pass-1',
    });
    expect(reset.status).toBe(200);
    const after = await h().anonymous.post('/api/v1/auth/login', {
      username: 'hotline',
      password: 'brand-new-pass-1',
    });
    expect(after.status).toBe(200);
    expect(after.body.user.mustChangePassword).toBe(true);
    // With a temporary password, nothing but changing it (and seeing oneself) is allowed.
    const temp = await h().login('hotline', 'brand-new-pass-1');
    const blocked = await temp.get('/api/v1/offices');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('password_change_required');
    expect((await temp.get('/api/v1/auth/me')).status).toBe(200);
    expect(
      (
        await temp.post('/api/v1/auth/password', {
          currentPassword: 'brand-new-pass-1',
          newPassword: PASSWORD,
        })
      ).status,
    ).toBe(204);
    expect((await temp.get('/api/v1/offices')).status).toBe(200);
  });

  it('changes a password: checks the current one, validates the new one, ends other sessions', async () => {
    const a = await h().login('caseworker.batken');
    const b = await h().login('caseworker.batken');
    const wrong = await a.post('/api/v1/auth/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'another-good-one',
    });
    expect(wrong.status).toBe(401);
    const short = await a.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.details.issues[0].path).toEqual(['body', 'newPassword']);
    const ok = await a.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'another-good-one',
    });
    expect(ok.status).toBe(204);
    expect((await a.get('/api/v1/auth/me')).status).toBe(200);
    expect((await b.get('/api/v1/auth/me')).status).toBe(401);
    await expect(h().login('caseworker.batken')).rejects.toThrow(/401/);
    const back = await h().login('caseworker.batken', 'another-good-one');
    expect(
      (
        await back.post('/api/v1/auth/password', {
          currentPassword: 'another-good-one',
          newPassword: PASSWORD,
        })
      ).status,
    ).toBe(204);
  });

  it('issues personal access tokens shown once, stored hashed, usable without CSRF, revocable', async () => {
    const browser = await h().login('supervisor.osh');
    const created = await browser.post('/api/v1/auth/tokens', {
      name: 'reporting script',
      expiresInDays: 30,
    });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^kld_/);
    const list = await browser.get('/api/v1/auth/tokens');
    expect(JSON.stringify(list.body)).not.toContain(token);
    const api = new Client(h().app, { bearer: token });
    expect((await api.get('/api/v1/auth/me')).body.user.username).toBe('supervisor.osh');
    expect((await api.patch('/api/v1/auth/me', { displayName: 'Aigul M.' })).status).toBe(200);
    expect((await browser.delete(`/api/v1/auth/tokens/${created.body.id}`)).status).toBe(204);
    const revoked = await api.get('/api/v1/auth/me');
    expect(revoked.status).toBe(401);
    const bogus = await new Client(h().app, { bearer: 'kld_nonsense' }).get('/api/v1/auth/me');
    expect(bogus.status).toBe(401);
    // Someone else's token id answers 404, not 403.
    const other = await h().login('analyst');
    const mine = await other.post('/api/v1/auth/tokens', { name: 'x' });
    expect((await browser.delete(`/api/v1/auth/tokens/${mine.body.id}`)).status).toBe(404);
  });
  it('takes a sign-in on trust for a few seconds: a change made elsewhere applies within them', async () => {
    const browser = await h().login('supervisor.osh');
    const created = await browser.post('/api/v1/auth/tokens', { name: 'remembered' });
    const api = new Client(h().app, { bearer: created.body.token });
    expect((await api.get('/api/v1/auth/me')).status).toBe(200);
    // As another process (the CLI, a second server) would: not through this one's services.
    await h()
      .database.db.update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.id, created.body.id));
    expect((await api.get('/api/v1/auth/me')).status).toBe(200);
    const now = performance.now();
    const later = vi.spyOn(performance, 'now').mockImplementation(() => now + REMEMBER_MS + 1);
    try {
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect((await api.get('/api/v1/auth/me')).status).toBe(401);
    } finally {
      later.mockRestore();
    }
  });
});

describeEachEngine(
  'auth rate limit',
  (h) => {
    it('answers 429 rate_limited once a client address tries too many sign-ins', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push(
          (await h().anonymous.post('/api/v1/auth/login', { username: `u${i}`, password: 'whatever-xx' }))
            .status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const res = await h().anonymous.post('/api/v1/auth/login', { username: 'admin', password: PASSWORD });
      expect(res.body.error.code).toBe('rate_limited');
    });
  },
  { loginRatePerMinute: 3 },
);
