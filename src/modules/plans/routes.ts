import { z } from 'zod';
import { pageOf, pageQuery } from '../../db/pagination.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import type { Ctx } from '../shared/context.ts';
import {
  approvalOut,
  approveIn,
  cancelIn,
  deliverIn,
  planItemOut,
  planOut,
  procureIn,
  proposedOut,
  proposeItemIn,
  putPlanIn,
  updateItemIn,
} from './schema.ts';
import { getPlan, listApprovals, listItems, proposeItem, putPlan, updateItem } from './service.ts';
import { approveItem, cancelItem, deliverItem, procureItem } from './transitions.ts';

const idParams = z.object({ id: z.uuid() }).strict();
const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() }).strict();
const one = z.object({ item: planItemOut });

/** The reintegration plan of a case, its items and their approval path, and a supervisor's approval queue. */
export function planRoutes(app: App, deps: RouteDeps): void {
  const tags = ['plans'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);
  app.get(
    '/cases/:id/plan',
    { schema: { tags, params: idParams, response: { 200: planOut, ...errorResponses } } },
    (req) => getPlan(ctx(req), req.params.id),
  );
  app.put(
    '/cases/:id/plan',
    { schema: { tags, params: idParams, body: putPlanIn, response: { 200: planOut, ...errorResponses } } },
    (req) => putPlan(ctx(req), req.params.id, req.body),
  );
  app.get(
    '/cases/:id/plan/items',
    {
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ items: z.array(planItemOut) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listItems(ctx(req), req.params.id) }),
  );
  app.post(
    '/cases/:id/plan/items',
    {
      schema: {
        tags,
        params: idParams,
        body: proposeItemIn,
        response: { 201: proposedOut, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await proposeItem(ctx(req), req.params.id, req.body)),
  );
  app.patch(
    '/cases/:id/plan/items/:itemId',
    { schema: { tags, params: itemParams, body: updateItemIn, response: { 200: one, ...errorResponses } } },
    async (req) => ({ item: await updateItem(ctx(req), req.params.id, req.params.itemId, req.body) }),
  );
  // The moves of an item: each a POST with its own body and the same answer.
  const move = <B extends z.ZodType>(
    verb: string,
    body: B,
    run: (c: Ctx, caseId: string, itemId: string, input: z.output<B>) => Promise<z.infer<typeof planItemOut>>,
    description: string,
  ) =>
    app.post(
      `/cases/:id/plan/items/:itemId/${verb}`,
      { schema: { tags, description, params: itemParams, body, response: { 200: one, ...errorResponses } } },
      // `body` validated req.body; the type provider just cannot carry the generic B through.
      async (req) => ({
        item: await run(ctx(req), req.params.id, req.params.itemId, req.body as z.output<B>),
      }),
    );
  move(
    'approve',
    approveIn,
    approveItem,
    'Supervisors of the case’s office, not the proposer; over the ceiling only with overrideReason.',
  );
  move('procure', procureIn, procureItem, 'Records the purchase of an approved item.');
  move(
    'deliver',
    deliverIn,
    deliverItem,
    'Records the handover, which the beneficiary must have acknowledged.',
  );
  move('cancel', cancelIn, cancelItem, 'Cancels an item not yet delivered, with a reason.');
  app.get(
    '/me/approvals',
    { schema: { tags, querystring: pageQuery, response: { 200: pageOf(approvalOut), ...errorResponses } } },
    (req) => listApprovals(ctx(req), req.query),
  );
}
