// Vite config for the web app. Run from the repository root:
//   npm run build:web                       → dist/web (served by the Fastify process)
//   npx vite --config web/vite.config.ts    → dev server, /api proxied to the API on :8080
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { bundleBudget } from './scripts/bundle-size.ts';

const root = import.meta.dirname;

/** Build and dev-server settings for the web app (root web/, output dist/web). */
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), bundleBudget()],
  build: {
    outDir: resolve(root, '../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    // Report gzip sizes in the build output; we watch the first-load budget.
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // A few long-lived chunks instead of dozens of tiny ones: on a 3G link each extra request
        // costs a round trip, and vendor code changes far less often than ours (better caching).
        codeSplitting: {
          groups: [
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|use-sync-external-store)[\\/]/,
              priority: 3,
            },
            // The code lists come from the server's domain modules, which build zod schemas beside
            // them: zod in a chunk of its own is loaded with the screens that use code lists, not
            // with the sign-in page as part of the catch-all chunk below.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 3 },
            { name: 'mantine', test: /node_modules[\\/]/, priority: 2 },
            {
              name: 'shared',
              test: /web[\\/]src[\\/](api|auth|components|hooks|i18n[\\/](index|format|messages))/,
              minShareCount: 2,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
