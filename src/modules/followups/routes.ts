import { z } from 'zod';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { followupIn, followupOut, followupPatch, followupRowOut, overdueQuery } from './schema.ts';
import { listFollowups, overdueFollowups, scheduleFollowup, updateFollowup } from './service.ts';

const idParams = z.object({ id: z.uuid() });
const one = z.object({ followup: followupOut });

/** Follow-ups: visits and calls scheduled in a case, and the overdue lists that keep them from slipping. */
export function followupRoutes(app: App, deps: RouteDeps): void {
  const tags = ['followups'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);
  app.post(
    '/cases/:id/followups',
    {
      schema: {
        tags,
        description: 'Schedules a home visit or a call, by default for whoever works the case.',
        params: idParams,
        body: followupIn,
        response: { 201: one, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ followup: await scheduleFollowup(ctx(req), req.params.id, req.body) }),
  );
  app.get(
    '/cases/:id/followups',
    {
      schema: {
        tags,
        description: 'The follow-ups of the case by due date, each flagged when overdue.',
        params: idParams,
        response: { 200: z.object({ items: z.array(followupOut) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listFollowups(ctx(req), req.params.id) }),
  );
  app.patch(
    '/cases/:id/followups/:followupId',
    {
      schema: {
        tags,
        description:
          'Records the outcome (done with the day, or missed), reschedules or cancels a follow-up. Versioned.',
        params: idParams.extend({ followupId: z.uuid() }),
        body: followupPatch,
        response: { 200: one, ...errorResponses },
      },
    },
    async (req) => ({
      followup: await updateFollowup(ctx(req), req.params.id, req.params.followupId, req.body),
    }),
  );
  app.get(
    '/followups/overdue',
    {
      schema: {
        tags,
        description:
          'Scheduled follow-ups past their due date, oldest first: yours, or (for those who assign the office’s cases) the office’s.',
        querystring: overdueQuery,
        response: {
          200: z.object({ items: z.array(followupRowOut), total: z.number().int() }),
          ...errorResponses,
        },
      },
    },
    (req) => overdueFollowups(ctx(req), req.query),
  );
}
