import { z } from 'zod';
import { contextOf } from '../../http/auth.ts';
import { errorResponses, noContent } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { createEpisodeIn, episodeOut, screeningOut, updateEpisodeIn } from './schema.ts';
import { createEpisode, listEpisodes, removeEpisode, updateEpisode } from './service.ts';

const caseParams = z.object({ id: z.uuid() });
const episodeParams = caseParams.extend({ episodeId: z.uuid() });
const changed = z.object({ episode: episodeOut, screening: screeningOut });

/** Migration episodes of a case: each change screens the person again for trafficking indicators. */
export function episodeRoutes(app: App, deps: RouteDeps): void {
  const tags = ['episodes'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);
  app.get(
    '/cases/:id/episodes',
    {
      schema: {
        tags,
        description:
          'The migration episodes of the case: where, when, how recruited, the facts screened, unpaid wages.',
        params: caseParams,
        response: { 200: z.object({ items: z.array(episodeOut) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listEpisodes(ctx(req), req.params.id) }),
  );
  app.post(
    '/cases/:id/episodes',
    {
      schema: {
        tags,
        description:
          'Records a migration episode and screens the person again (ILO indicators → likely, possible or unlikely, with reasons).',
        params: caseParams,
        body: createEpisodeIn,
        response: { 201: changed, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createEpisode(ctx(req), req.params.id, req.body)),
  );
  app.patch(
    '/cases/:id/episodes/:episodeId',
    {
      schema: {
        tags,
        description:
          'Changes an episode (facts replace the stored facts as a whole) and screens the person again. Versioned.',
        params: episodeParams,
        body: updateEpisodeIn,
        response: { 200: changed, ...errorResponses },
      },
    },
    (req) => updateEpisode(ctx(req), req.params.id, req.params.episodeId, req.body),
  );
  app.delete(
    '/cases/:id/episodes/:episodeId',
    {
      schema: {
        tags,
        description: 'Removes an episode entered by mistake and screens the person again.',
        params: episodeParams,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (req, reply) => {
      await removeEpisode(ctx(req), req.params.id, req.params.episodeId);
      return reply.status(204).send(null);
    },
  );
}
