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
    {
      schema: {
        tags,
        description:
          'The plan: goals, items with their allowed moves, and the budget (ceiling of the case type, committed, remaining).',
        params: idParams,
        response: { 200: planOut, ...errorResponses },
      },
    },
    (req) => getPlan(ctx(req), req.params.id),
  );
  app.put(
    '/cases/:id/plan',
    {
      schema: {
        tags,
        description:
          'Saves the plan’s goals: without version it creates the plan, with the version read it changes it (409 if stale).',
        params: idParams,
        body: putPlanIn,
        response: { 200: planOut, ...errorResponses },
      },
    },
    (req) => putPlan(ctx(req), req.params.id, req.body),
  );
  app.get(
    '/cases/:id/plan/items',
    {
      schema: {
        tags,
        description: 'The items of the plan, oldest first, each with its state and allowed moves.',
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
        description:
          'Proposes an item from the catalogue (state proposed), priced at the catalogue default unless unitCost is given; then proposed → approved | cancelled.',
        params: idParams,
        body: proposeItemIn,
        response: { 201: proposedOut, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await proposeItem(ctx(req), req.params.id, req.body)),
  );
  app.patch(
    '/cases/:id/plan/items/:itemId',
    {
      schema: {
        tags,
        description:
          'Changes a proposed item; whoever changes it becomes its proposer (and so cannot approve it).',
        params: itemParams,
        body: updateItemIn,
        response: { 200: one, ...errorResponses },
      },
    },
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
    'proposed → approved, by a supervisor of the case’s office who did not propose it; over the case type’s ceiling only with overrideReason.',
  );
  move(
    'procure',
    procureIn,
    procureItem,
    'approved → procured: records the purchase, and from which supplier.',
  );
  move(
    'deliver',
    deliverIn,
    deliverItem,
    'procured → delivered: records the handover on a day from the approval to today, acknowledged by the beneficiary.',
  );
  move(
    'cancel',
    cancelIn,
    cancelItem,
    'proposed | approved | procured → cancelled, with a reason; delivered items stay.',
  );
  app.get(
    '/me/approvals',
    {
      schema: {
        tags,
        description:
          'Proposed items waiting for your approval in the cases you may approve for, oldest first.',
        querystring: pageQuery,
        response: { 200: pageOf(approvalOut), ...errorResponses },
      },
    },
    (req) => listApprovals(ctx(req), req.query),
  );
}
