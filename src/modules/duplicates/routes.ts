import { z } from 'zod';
import { pageOf, pageQuery } from '../../db/pagination.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { listMerges, mergePersons, undoMerge } from './merge.ts';
import {
  decideIn,
  listMergesQuery,
  listPairsQuery,
  mergeIn,
  mergeRecordOut,
  mergeResultOut,
  pairOut,
  scanOut,
  undoIn,
} from './schema.ts';
import { decidePair, getScan, listPairs, startScan } from './service.ts';

const idParams = z.object({ id: z.uuid() });
const onePair = z.object({ pair: pairOut });
const oneScan = z.object({ scan: scanOut });

/** Duplicate review: the registry scan, the pairs it proposes, their decisions, and merging persons. */
export function duplicateRoutes(app: App, deps: RouteDeps): void {
  const tags = ['duplicates'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);
  app.post(
    '/duplicates/scan',
    {
      schema: {
        tags,
        description:
          'Starts the registry-wide duplicate scan in the background (202 with its id; 409 while one runs). Follow it at GET /duplicates/scans/:id.',
        response: { 202: oneScan, ...errorResponses },
      },
    },
    async (req, reply) => {
      const scan = await startScan(ctx(req), (err) => req.log.error({ err }, 'duplicate scan failed'));
      return reply.status(202).send({ scan });
    },
  );
  app.get(
    '/duplicates/scans/:id',
    {
      schema: {
        tags,
        description: 'A scan’s phase and progress (counts only).',
        params: idParams,
        response: { 200: oneScan, ...errorResponses },
      },
    },
    async (req) => ({ scan: await getScan(ctx(req), req.params.id) }),
  );
  app.get(
    '/duplicates',
    {
      schema: {
        tags,
        description:
          'Candidate pairs whose two persons are both in your scope, highest score first, with the matcher’s components and evidence (default status=pending). Audited.',
        querystring: pageQuery.extend(listPairsQuery.shape),
        response: { 200: pageOf(pairOut), ...errorResponses },
      },
    },
    (req) => listPairs(ctx(req), req.query),
  );
  for (const [verb, status] of [
    ['confirm', 'confirmed'],
    ['reject', 'rejected'],
  ] as const) {
    app.post(
      `/duplicates/:id/${verb}`,
      {
        schema: {
          tags,
          description: `Marks a pending pair as ${status}, with a reason; versioned. Confirming does not merge (POST /persons/:id/merge does).`,
          params: idParams,
          body: decideIn,
          response: { 200: onePair, ...errorResponses },
        },
      },
      async (req) => ({ pair: await decidePair(ctx(req), req.params.id, status, req.body) }),
    );
  }
  app.get(
    '/persons/merges',
    {
      schema: {
        tags,
        description:
          'Merges whose moved cases are now held by a person in your review scope, newest first (status=active or undone; both by default): both persons, the merged one as their record stands, who merged and why, how many rows moved, who undid it and why, and whether you may undo it now (undoable, or undoBlocker: what changed since). Audited.',
        querystring: pageQuery.extend(listMergesQuery.shape),
        response: { 200: pageOf(mergeRecordOut), ...errorResponses },
      },
    },
    (req) => listMerges(ctx(req), req.query),
  );
  app.post(
    '/persons/:id/merge',
    {
      schema: {
        tags,
        description:
          'Merges this person into intoPersonId: cases, episodes and household links move, this person is marked merged (not deleted), screening is recomputed, every touched case gets a timeline event. Undo with POST /persons/merges/:mergeId/undo; merges are listed at GET /persons/merges.',
        params: idParams,
        body: mergeIn,
        response: { 200: mergeResultOut, ...errorResponses },
      },
    },
    (req) => mergePersons(ctx(req), req.params.id, req.body),
  );
  app.post(
    '/persons/merges/:mergeId/undo',
    {
      schema: {
        tags,
        description:
          'Undoes a merge: exactly the moved rows go back and the merged person returns. 409 merge_not_undoable when records changed since in a way that makes it unsafe.',
        params: z.object({ mergeId: z.uuid() }),
        body: undoIn,
        response: { 200: mergeResultOut, ...errorResponses },
      },
    },
    (req) => undoMerge(ctx(req), req.params.mergeId, req.body),
  );
}
