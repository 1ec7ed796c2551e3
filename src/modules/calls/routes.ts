import { z } from 'zod';
import { pageOf, pageQuery } from '../../db/pagination.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { callOut, convertCallIn, convertOut, createCallIn, listCallsQuery, updateCallIn } from './schema.ts';
import { callConfig, convertCall, createCall, getCall, listCalls, updateCall } from './service.ts';

const idParams = z.object({ id: z.uuid() });
const one = z.object({ call: callOut });

/** Hotline calls: logged, listed, corrected, and turned into cases; plus the hotline's configuration. */
export function callRoutes(app: App, deps: RouteDeps): void {
  const tags = ['calls'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);
  app.get(
    '/calls/config',
    {
      schema: {
        tags,
        description: 'The hotline’s number as configured (KOLDOO_HOTLINE_NUMBER), for the UI to show.',
        response: { 200: z.object({ hotlineNumber: z.string() }), ...errorResponses },
      },
    },
    (req) => callConfig(ctx(req)),
  );
  app.get(
    '/calls',
    {
      schema: {
        tags,
        description:
          'Calls in your scope, newest first, by topic, urgency, outcome, period and whether they became cases.',
        querystring: pageQuery.extend(listCallsQuery.shape),
        response: { 200: pageOf(callOut), ...errorResponses },
      },
    },
    (req) => listCalls(ctx(req), req.query),
  );
  app.post(
    '/calls',
    {
      schema: {
        tags,
        description:
          'Logs a call for you and your office; an anonymous caller has no name or phone on record.',
        body: createCallIn,
        response: { 201: one, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ call: await createCall(ctx(req), req.body) }),
  );
  app.get(
    '/calls/:id',
    {
      schema: {
        tags,
        description: 'One call in your scope.',
        params: idParams,
        response: { 200: one, ...errorResponses },
      },
    },
    async (req) => ({
      call: await getCall(ctx(req), req.params.id),
    }),
  );
  app.patch(
    '/calls/:id',
    {
      schema: {
        tags,
        description:
          'Corrects a call (its operator, or a supervisor of the office); null clears an optional field. Versioned.',
        params: idParams,
        body: updateCallIn,
        response: { 200: one, ...errorResponses },
      },
    },
    async (req) => ({
      call: await updateCall(ctx(req), req.params.id, req.body),
    }),
  );
  app.post(
    '/calls/:id/convert',
    {
      schema: {
        tags,
        description:
          'Opens a case from the call in one step (body as POST /cases; intakeChannel defaults to hotline; a new person’s phone and region default to the caller’s). A call converts once: again answers 409.',
        params: idParams,
        body: convertCallIn,
        response: { 201: convertOut, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await convertCall(ctx(req), req.params.id, req.body)),
  );
}
