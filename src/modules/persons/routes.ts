import { z } from 'zod';
import { pageOf, pageQuery } from '../../db/pagination.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { matchPersons } from './match.ts';
import {
  personIn,
  personMatchIn,
  personMatchOut,
  personMatchQuery,
  personOut,
  personPatch,
} from './schema.ts';
import { createPerson, getPerson, listPersons, updatePerson } from './service.ts';

const idParams = z.object({ id: z.uuid() });
const one = z.object({ person: personOut });

/** Beneficiaries: registered, read and corrected through the cases that give access to them. */
export function personRoutes(app: App, deps: RouteDeps): void {
  const tags = ['persons'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);
  app.get(
    '/persons',
    {
      schema: {
        tags,
        description:
          'Beneficiaries in your scope, newest first; with q, a search over names in any script and spelling (Асанбай / Asanbaj), pseudonym, phone and document number, best match first. Merged persons are left out. Audited.',
        querystring: pageQuery.extend({ q: z.string().trim().min(1).max(100).optional() }),
        response: { 200: pageOf(personOut), ...errorResponses },
      },
    },
    (req) => listPersons(ctx(req), req.query),
  );
  app.post(
    '/persons',
    {
      schema: {
        tags,
        description:
          'Registers a beneficiary for your office before a case is opened (then POST /cases with personId).',
        body: personIn,
        response: { 201: one, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ person: await createPerson(ctx(req), req.body) }),
  );
  app.post(
    '/persons/match',
    {
      schema: {
        tags,
        description:
          'Likely existing records of a person about to be registered, in your scope, best first, with score, per-field components, evidence codes and the cases you may see. Creates nothing; audited.',
        querystring: personMatchQuery,
        body: personMatchIn,
        response: { 200: personMatchOut, ...errorResponses },
      },
    },
    (req) => matchPersons(ctx(req), req.body, req.query),
  );
  app.get(
    '/persons/:id',
    {
      schema: {
        tags,
        description: 'One beneficiary you may see; the read is audited.',
        params: idParams,
        response: { 200: one, ...errorResponses },
      },
    },
    async (req) => ({ person: await getPerson(ctx(req), req.params.id) }),
  );
  app.patch(
    '/persons/:id',
    {
      schema: {
        tags,
        description:
          'Corrects a beneficiary’s details; versioned, and noted on the timeline of each of their cases.',
        params: idParams,
        body: personPatch,
        response: { 200: one, ...errorResponses },
      },
    },
    async (req) => ({ person: await updatePerson(ctx(req), req.params.id, req.body) }),
  );
}
