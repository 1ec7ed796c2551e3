import { z } from 'zod';
import { pageOf, pageQuery } from '../../db/pagination.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { createUserIn, listUsersQuery, newPassword, updateUserIn, userOut } from './schema.ts';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './service.ts';

const idParams = z.object({ id: z.uuid() });
const withTemporary = z.object({ user: userOut, temporaryPassword: z.string().nullable() });

/** Accounts: list, read, create, update (versioned) and password reset. */
export function userRoutes(app: App, deps: RouteDeps): void {
  const tags = ['users'];
  app.get(
    '/users',
    {
      schema: { tags, querystring: pageQuery.extend(listUsersQuery.shape), response: { 200: pageOf(userOut), ...errorResponses } },
    },
    (req) => listUsers(contextOf(req, deps.db, deps.config), req.query),
  );
  app.get(
    '/users/:id',
    { schema: { tags, params: idParams, response: { 200: z.object({ user: userOut }), ...errorResponses } } },
    async (req) => ({ user: await getUser(contextOf(req, deps.db, deps.config), req.params.id) }),
  );
  app.post(
    '/users',
    { schema: { tags, body: createUserIn, response: { 201: withTemporary, ...errorResponses } } },
    async (req, reply) => reply.status(201).send(await createUser(contextOf(req, deps.db, deps.config), req.body)),
  );
  app.patch(
    '/users/:id',
    {
      schema: { tags, params: idParams, body: updateUserIn, response: { 200: z.object({ user: userOut }), ...errorResponses } },
    },
    async (req) => ({ user: await updateUser(contextOf(req, deps.db, deps.config), req.params.id, req.body) }),
  );
  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags,
        params: idParams,
        body: z.object({ password: newPassword.optional() }).strict(),
        response: { 200: z.object({ temporaryPassword: z.string().nullable() }), ...errorResponses },
      },
    },
    (req) => resetPassword(contextOf(req, deps.db, deps.config), req.params.id, req.body),
  );
}
