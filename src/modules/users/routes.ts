import { z } from 'zod';
import { pageOf, pageQuery } from '../../db/pagination.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { createUserIn, listUsersQuery, resetPasswordIn, updateUserIn, userOut } from './schema.ts';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './service.ts';

const idParams = z.object({ id: z.uuid() });
const withTemporary = z.object({ user: userOut, temporaryPassword: z.string().nullable() });

/** Accounts: list, read, create, update (versioned) and password reset. */
export function userRoutes(app: App, deps: RouteDeps): void {
  const tags = ['users'];
  app.get(
    '/users',
    {
      schema: {
        tags,
        description:
          'Accounts in your scope (your office’s for office staff, all for admins and auditors), filtered and paged.',
        querystring: pageQuery.extend(listUsersQuery.shape),
        response: { 200: pageOf(userOut), ...errorResponses },
      },
    },
    (req) => listUsers(contextOf(req, deps.db, deps.config), req.query),
  );
  app.get(
    '/users/:id',
    {
      schema: {
        tags,
        description: 'One account in your scope.',
        params: idParams,
        response: { 200: z.object({ user: userOut }), ...errorResponses },
      },
    },
    async (req) => ({ user: await getUser(contextOf(req, deps.db, deps.config), req.params.id) }),
  );
  app.post(
    '/users',
    {
      schema: {
        tags,
        description:
          'Creates an account with a role you may give; without a password a temporary one is generated and shown once.',
        body: createUserIn,
        response: { 201: withTemporary, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createUser(contextOf(req, deps.db, deps.config), req.body)),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        description: 'Changes an account (role, office, language, active); versioned.',
        params: idParams,
        body: updateUserIn,
        response: { 200: z.object({ user: userOut }), ...errorResponses },
      },
    },
    async (req) => ({
      user: await updateUser(contextOf(req, deps.db, deps.config), req.params.id, req.body),
    }),
  );
  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags,
        description:
          'Sets a new password that must be changed at next sign-in, and ends the account’s sessions.',
        params: idParams,
        body: resetPasswordIn,
        response: { 200: z.object({ temporaryPassword: z.string().nullable() }), ...errorResponses },
      },
    },
    (req) => resetPassword(contextOf(req, deps.db, deps.config), req.params.id, req.body),
  );
}
