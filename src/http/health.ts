import { z } from 'zod';
import { type Database, isReady } from '../db/client.ts';
import type { App } from './types.ts';

/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: database and migrations). */
export function registerHealth(app: App, database: Database): void {
  const status = z.object({ status: z.string(), engine: z.string().optional() });
  app.get(
    '/healthz',
    { schema: { hide: true, response: { 200: status } }, config: { public: true } },
    () => ({
      status: 'ok',
    }),
  );
  app.get(
    '/readyz',
    { schema: { hide: true, response: { 200: status, 503: status } }, config: { public: true } },
    async (_req, reply) => {
      const ready = await isReady(database.db);
      return reply
        .status(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'not_ready', engine: database.engine });
    },
  );
}
