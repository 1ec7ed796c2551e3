import { z } from 'zod';
import { pageOf, pageQuery } from '../../db/pagination.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { createServiceIn, listServicesQuery, serviceOut, updateServiceIn } from './schema.ts';
import { createService, getService, listServices, updateService } from './service.ts';

const idParams = z.object({ id: z.uuid() });
const one = z.object({ service: serviceOut });

/** The directory of services cases are referred to: read by everyone, kept by admins. */
export function serviceRoutes(app: App, deps: RouteDeps): void {
  const tags = ['services'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);
  app.get(
    '/services',
    {
      schema: {
        tags,
        description:
          'The service directory: by kind, region or district covered, organisation, text and whether active.',
        querystring: pageQuery.extend(listServicesQuery.shape),
        response: { 200: pageOf(serviceOut), ...errorResponses },
      },
    },
    (req) => listServices(ctx(req), req.query),
  );
  app.get(
    '/services/:id',
    {
      schema: {
        tags,
        description: 'One service of the directory.',
        params: idParams,
        response: { 200: one, ...errorResponses },
      },
    },
    async (req) => ({
      service: await getService(ctx(req), req.params.id),
    }),
  );
  app.post(
    '/services',
    {
      schema: {
        tags,
        description: 'Adds a service an organisation offers, which cases can then be referred to (admins).',
        body: createServiceIn,
        response: { 201: one, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ service: await createService(ctx(req), req.body) }),
  );
  app.patch(
    '/services/:id',
    {
      schema: {
        tags,
        description: 'Changes a service, or stops referrals to it (active: false) (admins); versioned.',
        params: idParams,
        body: updateServiceIn,
        response: { 200: one, ...errorResponses },
      },
    },
    async (req) => ({ service: await updateService(ctx(req), req.params.id, req.body) }),
  );
}
