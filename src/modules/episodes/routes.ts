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
        params: episodeParams,
        body: updateEpisodeIn,
        response: { 200: changed, ...errorResponses },
      },
    },
    (req) => updateEpisode(ctx(req), req.params.id, req.params.episodeId, req.body),
  );
  app.delete(
    '/cases/:id/episodes/:episodeId',
    { schema: { tags, params: episodeParams, response: { 204: noContent, ...errorResponses } } },
    async (req, reply) => {
      await removeEpisode(ctx(req), req.params.id, req.params.episodeId);
      return reply.status(204).send(null);
    },
  );
}
