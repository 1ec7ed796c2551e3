import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { AppError, Unauthenticated } from '../errors.ts';
import { type Authenticated, authenticateSession, authenticateToken } from '../modules/auth/service.ts';
import { sameSecret } from '../modules/auth/secrets.ts';
import type { Ctx } from '../modules/shared/context.ts';

/** The name of the browser session cookie. */
export const SESSION_COOKIE = 'koldoo_session';
/** The header that carries the CSRF token on unsafe browser requests. */
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
  interface FastifyContextConfig {
    /** The route answers without a signed-in user. */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// What someone signed in with a temporary password may still do: see who they are, change it, leave.
const WHILE_PASSWORD_TEMPORARY = new Set([
  'GET /api/v1/auth/me',
  'PATCH /api/v1/auth/me',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/logout',
]);

/**
 * Resolves every API request to an actor (session cookie or bearer token), refuses anonymous
 * requests to non-public routes, and checks the CSRF token on unsafe requests made with a cookie.
 * Bearer requests need no CSRF token: a browser never attaches them on its own.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db; config: Config }) => {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      req.auth = await authenticateToken(opts.db, header.slice(7).trim());
      if (!req.auth) throw new Unauthenticated('The token is invalid, expired or revoked');
    } else {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) req.auth = await authenticateSession(opts.db, opts.config, cookie);
    }
    if (req.routeOptions.config.public) return;
    if (!req.auth)
      throw new Unauthenticated(cookie(req) ? 'The session has expired; sign in again' : undefined);
    if (req.auth.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !req.auth.csrfToken || !sameSecret(sent, req.auth.csrfToken)) {
        throw new AppError(403, 'csrf_failed', `Missing or wrong ${CSRF_HEADER} header`);
      }
    }
    if (
      req.auth.mustChangePassword &&
      !WHILE_PASSWORD_TEMPORARY.has(`${req.method} ${req.routeOptions.url}`)
    ) {
      throw new AppError(403, 'password_change_required', 'Change the temporary password first');
    }
  });
});

const cookie = (req: FastifyRequest) => Boolean(req.cookies[SESSION_COOKIE]);

/** Builds the use-case context of an authenticated request; routes call this, never the policy. */
export function contextOf(req: FastifyRequest, db: Db, config: Config): Ctx {
  if (!req.auth) throw new Unauthenticated();
  return { db, config, actor: req.auth.actor, requestId: req.id, ip: req.ip };
}
