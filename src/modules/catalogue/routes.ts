import { z } from 'zod';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import {
  caseTypeParams,
  catalogueCode,
  catalogueItemOut,
  ceilingOut,
  createCatalogueItemIn,
  listCatalogueQuery,
  updateCatalogueItemIn,
  updateCeilingIn,
} from './schema.ts';
import {
  createCatalogueItem,
  listCatalogue,
  listCeilings,
  updateCatalogueItem,
  updateCeiling,
} from './service.ts';

const codeParams = z.object({ code: catalogueCode }).strict();
const one = z.object({ item: catalogueItemOut });

/** The assistance catalogue and the budget ceilings per case type: read by all, changed by admins. */
export function catalogueRoutes(app: App, deps: RouteDeps): void {
  const tags = ['catalogue'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);
  app.get(
    '/catalogue',
    {
      schema: {
        tags,
        description:
          'The assistance catalogue (names in en, ru, ky, unit, default unit cost in KGS); active=true for what can still be proposed.',
        querystring: listCatalogueQuery,
        response: { 200: z.object({ items: z.array(catalogueItemOut) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listCatalogue(ctx(req), req.query) }),
  );
  app.post(
    '/catalogue',
    {
      schema: {
        tags,
        description: 'Adds an item of assistance to the catalogue (admins); its code is fixed once created.',
        body: createCatalogueItemIn,
        response: { 201: one, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ item: await createCatalogueItem(ctx(req), req.body) }),
  );
  app.patch(
    '/catalogue/:code',
    {
      schema: {
        tags,
        description:
          'Changes names, unit or default cost, or retires an item (active: false) (admins); versioned.',
        params: codeParams,
        body: updateCatalogueItemIn,
        response: { 200: one, ...errorResponses },
      },
    },
    async (req) => ({ item: await updateCatalogueItem(ctx(req), req.params.code, req.body) }),
  );
  app.get(
    '/catalogue/ceilings',
    {
      schema: {
        tags,
        description: 'The budget ceiling of each case type, in KGS.',
        response: { 200: z.object({ items: z.array(ceilingOut) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listCeilings(ctx(req)) }),
  );
  app.put(
    '/catalogue/ceilings/:caseType',
    {
      schema: {
        tags,
        description:
          'Sets the most a case of this type may receive in approved assistance before approval needs a supervisor’s override reason.',
        params: caseTypeParams,
        body: updateCeilingIn,
        response: { 200: z.object({ ceiling: ceilingOut }), ...errorResponses },
      },
    },
    async (req) => ({ ceiling: await updateCeiling(ctx(req), req.params.caseType, req.body) }),
  );
}
