import { z } from 'zod';
import { pageOf, pageQuery } from '../../db/pagination.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses, noContent, versionIn } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import {
  caseDetailOut,
  caseListItem,
  createCaseIn,
  householdMemberIn,
  householdMemberOut,
  listCasesQuery,
  transitionIn,
  updateCaseIn,
} from './schema.ts';
import {
  addHouseholdMember,
  caseTimeline,
  createCase,
  getCase,
  listCases,
  listHousehold,
  removeHouseholdMember,
  transitionCase,
  updateCase,
  updateHouseholdMember,
} from './service.ts';

const idParams = z.object({ id: z.uuid() });
const memberParams = idParams.extend({ memberId: z.uuid() });
const detail = z.object({ case: caseDetailOut });
const timelineOut = z.object({
  items: z.array(z.object({ seq: z.number(), at: z.date(), actorId: z.string().nullable(), kind: z.string(), data: z.record(z.string(), z.unknown()) })),
});

/** Cases: open, list, read, update, move along the workflow, household and timeline. */
export function caseRoutes(app: App, deps: RouteDeps): void {
  const tags = ['cases'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);
  app.get(
    '/cases',
    { schema: { tags, querystring: pageQuery.extend(listCasesQuery.shape), response: { 200: pageOf(caseListItem), ...errorResponses } } },
    (req) => listCases(ctx(req), req.query),
  );
  app.post('/cases', { schema: { tags, body: createCaseIn, response: { 201: detail, ...errorResponses } } }, async (req, reply) => {
    const c = await createCase(ctx(req), req.body);
    return reply.status(201).send({ case: await getCase(ctx(req), c.id) });
  });
  app.get('/cases/:id', { schema: { tags, params: idParams, response: { 200: detail, ...errorResponses } } }, async (req) => ({
    case: await getCase(ctx(req), req.params.id),
  }));
  app.patch('/cases/:id', { schema: { tags, params: idParams, body: updateCaseIn, response: { 200: detail, ...errorResponses } } }, async (req) => ({
    case: await updateCase(ctx(req), req.params.id, req.body),
  }));
  app.post(
    '/cases/:id/transitions',
    {
      schema: {
        tags,
        description: 'Moves the case: open → assessment → planning → assistance → monitoring → closed (with a reason), back one step with a note, or reopen.',
        params: idParams,
        body: transitionIn,
        response: { 200: detail, ...errorResponses },
      },
    },
    async (req) => ({ case: await transitionCase(ctx(req), req.params.id, req.body) }),
  );
  app.get('/cases/:id/timeline', { schema: { tags, params: idParams, response: { 200: timelineOut, ...errorResponses } } }, async (req) => ({
    items: await caseTimeline(ctx(req), req.params.id),
  }));
  app.get(
    '/cases/:id/household',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(householdMemberOut) }), ...errorResponses } } },
    async (req) => ({ items: await listHousehold(ctx(req), req.params.id) }),
  );
  app.post(
    '/cases/:id/household',
    { schema: { tags, params: idParams, body: householdMemberIn, response: { 201: z.object({ member: householdMemberOut }), ...errorResponses } } },
    async (req, reply) => reply.status(201).send({ member: await addHouseholdMember(ctx(req), req.params.id, req.body) }),
  );
  app.patch(
    '/cases/:id/household/:memberId',
    {
      schema: {
        tags,
        params: memberParams,
        body: householdMemberIn.partial().extend({ version: versionIn }).strict(),
        response: { 200: z.object({ member: householdMemberOut }), ...errorResponses },
      },
    },
    async (req) => ({ member: await updateHouseholdMember(ctx(req), req.params.id, req.params.memberId, req.body) }),
  );
  app.delete(
    '/cases/:id/household/:memberId',
    { schema: { tags, params: memberParams, response: { 204: noContent, ...errorResponses } } },
    async (req, reply) => {
      await removeHouseholdMember(ctx(req), req.params.id, req.params.memberId);
      return reply.status(204).send(null);
    },
  );
}
