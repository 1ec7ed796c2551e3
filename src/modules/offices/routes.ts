import { z } from 'zod';
import { pageOf, pageQuery } from '../../db/pagination.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { createOfficeIn, listOfficesQuery, officeOut, updateOfficeIn } from './schema.ts';
import { createOffice, getOffice, listOffices, updateOffice } from './service.ts';

const idParams = z.object({ id: z.uuid() });
const one = z.object({ office: officeOut });

/** The directory of offices and organisations. */
export function officeRoutes(app: App, deps: RouteDeps): void {
  const tags = ['offices'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);
  app.get(
    '/offices',
    {
      schema: {
        tags,
        description:
          'Offices and organisations (IOM offices, Single Window Centres, consulates, NGOs, the hotline), filtered and paged.',
        querystring: pageQuery.extend(listOfficesQuery.shape),
        response: { 200: pageOf(officeOut), ...errorResponses },
      },
    },
    (req) => listOffices(ctx(req), req.query),
  );
  app.get(
    '/offices/:id',
    {
      schema: {
        tags,
        description: 'One office.',
        params: idParams,
        response: { 200: one, ...errorResponses },
      },
    },
    async (req) => ({ office: await getOffice(ctx(req), req.params.id) }),
  );
  app.post(
    '/offices',
    {
      schema: {
        tags,
        description: 'Adds an office or partner organisation (admins).',
        body: createOfficeIn,
        response: { 201: one, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ office: await createOffice(ctx(req), req.body) }),
  );
  app.patch(
    '/offices/:id',
    {
      schema: {
        tags,
        description: 'Changes an office, or deactivates it (admins); versioned.',
        params: idParams,
        body: updateOfficeIn,
        response: { 200: one, ...errorResponses },
      },
    },
    async (req) => ({ office: await updateOffice(ctx(req), req.params.id, req.body) }),
  );
}
