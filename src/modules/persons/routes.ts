import { z } from 'zod';
import { pageOf, pageQuery } from '../../db/pagination.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { personIn, personOut, personPatch } from './schema.ts';
import { createPerson, getPerson, listPersons, updatePerson } from './service.ts';

const idParams = z.object({ id: z.uuid() });
const one = z.object({ person: personOut });

/** Beneficiaries: registered, read and corrected through the cases that give access to them. */
export function personRoutes(app: App, deps: RouteDeps): void {
  const tags = ['persons'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);
  app.get(
    '/persons',
    { schema: { tags, querystring: pageQuery.extend({ q: z.string().trim().min(1).max(100).optional() }), response: { 200: pageOf(personOut), ...errorResponses } } },
    (req) => listPersons(ctx(req), req.query),
  );
  app.post('/persons', { schema: { tags, body: personIn, response: { 201: one, ...errorResponses } } }, async (req, reply) =>
    reply.status(201).send({ person: await createPerson(ctx(req), req.body) }),
  );
  app.get('/persons/:id', { schema: { tags, params: idParams, response: { 200: one, ...errorResponses } } }, async (req) => ({
    person: await getPerson(ctx(req), req.params.id),
  }));
  app.patch('/persons/:id', { schema: { tags, params: idParams, body: personPatch, response: { 200: one, ...errorResponses } } }, async (req) => ({
    person: await updatePerson(ctx(req), req.params.id, req.body),
  }));
}
