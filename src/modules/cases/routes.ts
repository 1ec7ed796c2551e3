import { z } from 'zod';
import { pageOf, pageQuery } from '../../db/pagination.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses, noContent } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import {
  caseDetailOut,
  caseListItem,
  createCaseIn,
  householdMemberIn,
  householdMemberOut,
  householdMemberPatch,
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
  items: z.array(
    z.object({
      seq: z.number(),
      at: z.date(),
      actorId: z.string().nullable(),
      kind: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});

/** Cases: open, list, read, update, move along the workflow, household and timeline. */
export function caseRoutes(app: App, deps: RouteDeps): void {
  const tags = ['cases'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);
  app.get(
    '/cases',
    {
      schema: {
        tags,
        description:
          'Cases in your scope with filters (status, type, risk, screening, overdue follow-ups, region, text); pseudonym first.',
        querystring: pageQuery.extend(listCasesQuery.shape),
        response: { 200: pageOf(caseListItem), ...errorResponses },
      },
    },
    (req) => listCases(ctx(req), req.query),
  );
  app.post(
    '/cases',
    {
      schema: {
        tags,
        description:
          'Opens a case (status open) for an existing person (personId) or a new one (person), numbered by region and year.',
        body: createCaseIn,
        response: { 201: detail, ...errorResponses },
      },
    },
    async (req, reply) => {
      const c = await createCase(ctx(req), req.body);
      return reply.status(201).send({ case: await getCase(ctx(req), c.id) });
    },
  );
  app.get(
    '/cases/:id',
    {
      schema: {
        tags,
        description:
          'A case with its person, household, screening with reasons, RSS trend, allowed moves and your abilities. Audited.',
        params: idParams,
        response: { 200: detail, ...errorResponses },
      },
    },
    async (req) => ({ case: await getCase(ctx(req), req.params.id) }),
  );
  app.patch(
    '/cases/:id',
    {
      schema: {
        tags,
        description:
          'Changes case fields, consent and the caseworker’s own trafficking determination; reassigning needs case:assign. Versioned.',
        params: idParams,
        body: updateCaseIn,
        response: { 200: detail, ...errorResponses },
      },
    },
    async (req) => ({ case: await updateCase(ctx(req), req.params.id, req.body) }),
  );
  app.post(
    '/cases/:id/transitions',
    {
      schema: {
        tags,
        description:
          'Moves the case forward one step: open → assessment → planning → assistance → monitoring; back one step with a note; to closed from any status with a reason (sustainably_reintegrated only from monitoring); closed → open with a note.',
        params: idParams,
        body: transitionIn,
        response: { 200: detail, ...errorResponses },
      },
    },
    async (req) => ({ case: await transitionCase(ctx(req), req.params.id, req.body) }),
  );
  app.get(
    '/cases/:id/timeline',
    {
      schema: {
        tags,
        description: 'Every event of the case, oldest first.',
        params: idParams,
        response: { 200: timelineOut, ...errorResponses },
      },
    },
    async (req) => ({ items: await caseTimeline(ctx(req), req.params.id) }),
  );
  app.get(
    '/cases/:id/household',
    {
      schema: {
        tags,
        description: 'The household of the case, including members abroad or elsewhere.',
        params: idParams,
        response: { 200: z.object({ items: z.array(householdMemberOut) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listHousehold(ctx(req), req.params.id) }),
  );
  app.post(
    '/cases/:id/household',
    {
      schema: {
        tags,
        description:
          'Adds a household member; a link to another case (family reunification) must be one you can read.',
        params: idParams,
        body: householdMemberIn,
        response: { 201: z.object({ member: householdMemberOut }), ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ member: await addHouseholdMember(ctx(req), req.params.id, req.body) }),
  );
  app.patch(
    '/cases/:id/household/:memberId',
    {
      schema: {
        tags,
        description: 'Changes a household member; versioned.',
        params: memberParams,
        body: householdMemberPatch,
        response: { 200: z.object({ member: householdMemberOut }), ...errorResponses },
      },
    },
    async (req) => ({
      member: await updateHouseholdMember(ctx(req), req.params.id, req.params.memberId, req.body),
    }),
  );
  app.delete(
    '/cases/:id/household/:memberId',
    {
      schema: {
        tags,
        description: 'Removes a household member entered by mistake or no longer in the household.',
        params: memberParams,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await removeHouseholdMember(ctx(req), req.params.id, req.params.memberId);
      return reply.status(204).send(null);
    },
  );
}
