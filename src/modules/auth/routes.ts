import { timeZone } from '../../clock.ts';
import { z } from 'zod';
import { ACTIONS } from '../../access/policy.ts';
import { CSRF_HEADER, SESSION_COOKIE, contextOf } from '../../http/auth.ts';
import { errorResponses, noContent } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { userOut } from '../users/schema.ts';
import { loginIn, passwordIn, profileIn, tokenIn } from './schema.ts';
import {
  changePassword,
  createToken,
  listTokens,
  login,
  logout,
  profileOf,
  revokeToken,
  updateProfile,
} from './service.ts';

const meOut = z.object({
  user: userOut,
  csrfToken: z.string().nullable(),
  abilities: z.array(z.enum(ACTIONS)),
  /** The offices' time zone, in which the UI's "today" must be judged as the server judges it. */
  timeZone: z.string(),
});
const tokenOut = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

/** Sign-in, sign-out, the current user, password change and personal access tokens. */
export function authRoutes(app: App, deps: RouteDeps): void {
  const tags = ['auth'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);

  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: deps.config.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        description: `Opens a browser session (HTTP-only cookie). Send the returned csrfToken as ${CSRF_HEADER} on unsafe requests.`,
        body: loginIn,
        response: { 200: meOut, ...errorResponses },
      },
    },
    async (req, reply) => {
      const src = { actor: null, requestId: req.id, ip: req.ip };
      const session = await login(deps.db, deps.config, src, req.body);
      void reply.setCookie(SESSION_COOKIE, session.sessionToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.secureCookies,
        path: '/',
        maxAge: Math.floor(deps.config.sessionMaxMs / 1000),
      });
      return { ...(await profileOf(deps.db, session.userId)), csrfToken: session.csrfToken, timeZone };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags,
        description: 'Ends the browser session and clears its cookie.',
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      if (req.auth?.sessionId) await logout(ctx(req), req.auth.sessionId);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags,
        description:
          'The signed-in user, the CSRF token of the session and the actions the user may perform (for the UI to offer).',
        response: { 200: meOut, ...errorResponses },
      },
    },
    async (req) => ({
      ...(await profileOf(deps.db, ctx(req).actor.userId)),
      csrfToken: req.auth?.csrfToken ?? null,
      timeZone,
    }),
  );

  app.patch(
    '/auth/me',
    {
      schema: {
        tags,
        description: 'Changes your own display name or interface language.',
        body: profileIn,
        response: { 200: z.object({ user: userOut }), ...errorResponses },
      },
    },
    async (req) => ({ user: await updateProfile(ctx(req), req.body) }),
  );

  app.post(
    '/auth/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags,
        description:
          'Changes your password (the current one is required); other sessions of the account are signed out.',
        body: passwordIn,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await changePassword(ctx(req), req.auth?.sessionId ?? null, req.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/tokens',
    {
      schema: {
        tags,
        description: 'Your personal access tokens (never the secrets).',
        response: { 200: z.object({ items: z.array(tokenOut) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listTokens(ctx(req)) }),
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        tags,
        description:
          'Issues a personal access token for API clients; the token is shown only in this response.',
        body: tokenIn,
        response: { 201: tokenOut.extend({ token: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createToken(ctx(req), req.body)),
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags,
        description: 'Revokes one of your tokens at once.',
        params: z.object({ id: z.uuid() }),
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await revokeToken(ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
