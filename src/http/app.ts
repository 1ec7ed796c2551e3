import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { AppError } from '../errors.ts';
import { registerRoutes } from '../modules/routes.ts';
import { authPlugin } from './auth.ts';
import { answerSerializer, requestValidator } from './compiled-schemas.ts';
import { registerErrorHandling } from './errors.ts';
import { registerHealth } from './health.ts';
import { registerOpenApi } from './openapi.ts';
import type { App } from './types.ts';
import { registerWeb, webBuilt } from './web.ts';

/** Builds the whole HTTP application over an open database; used by `serve` and by tests. */
export async function buildApp(database: Database, config: Config): Promise<App> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Query strings can hold names being searched: log the path only, never bodies or cookies.
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0],
        }),
      },
    },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1_048_576,
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  // The API speaks JSON only: without this, Fastify's built-in text/plain parser hands a string to
  // every JSON route, which then answers 400 instead of 415.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(requestValidator);
  app.setSerializerCompiler(answerSerializer);
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  registerErrorHandling(app);
  // Caseworkers in border towns work over weak mobile connections: lists and the web bundle
  // shrink several times under gzip. Brotli's better ratio is not worth its CPU on every answer.
  // Answers up to 64 KB (a list page is about 30) are compressed in one call: on two cores the
  // library would stream anything over 8 KB through a zlib stream on the thread pool, whose setup
  // and hand-offs cost more than compressing (0.2 ms for a list page).
  await app.register(compress, { threshold: 1024, syncThreshold: 65536, encodings: ['gzip', 'deflate'] });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError(429, 'rate_limited', 'Too many requests; try again shortly', {
        retryAfterSeconds: Math.ceil(ctx.ttl / 1000),
      }),
  });
  await registerOpenApi(app);
  await app.register(authPlugin, { db: database.db, config });
  registerHealth(app, database);
  await app.register(async (api) => registerRoutes(api as App, { db: database.db, config }), {
    prefix: '/api/v1',
  });
  await registerWeb(app);
  app.setNotFoundHandler((req, reply) => {
    if (!req.url.startsWith('/api') && req.method === 'GET' && webBuilt()) {
      return reply.sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}`, details: {} },
    });
  });
  return app;
}
