import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { App } from './types.ts';

const webRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Whether the web UI has been built (npm start builds it). */
export const webBuilt = (): boolean => existsSync(`${webRoot}/index.html`);

/**
 * Serves the built web UI at `/`. Unknown non-API paths get index.html so that the client-side
 * router can take deep links; unknown API paths stay JSON 404s.
 */
export async function registerWeb(app: App): Promise<void> {
  if (!webBuilt()) return;
  await app.register(fastifyStatic, {
    root: webRoot,
    // Look files up per request, so a rebuilt UI is served without restarting the server.
    wildcard: true,
    // Hashed asset names never change content: cache them for good. index.html names the
    // current assets, so it must be revalidated or a release would not reach the browser.
    setHeaders: (res, path) => {
      res.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}
