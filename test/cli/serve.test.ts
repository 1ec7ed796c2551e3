import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase, postgresUrl } from '../helpers/db.ts';

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGTERM');
  child = undefined;
});

/**
 * Starts `koldoo serve` as a user would (from the sources, or from the bundle `npm start` runs) and
 * resolves once it prints where it listens.
 */
function serve(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ url: string; output: string }> {
  return serveFrom('bin/koldoo.js', env, ...args);
}

function serveFrom(
  entry: string,
  env: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<{ url: string; output: string }> {
  return new Promise((resolve, reject) => {
    child = spawn('node', [entry, 'serve', '--port', '0', ...args], {
      env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /listening on (http:\/\/localhost:\d+)/.exec(output);
      if (m) resolve({ url: m[1]!, output });
    });
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
}

describe('koldoo serve', () => {
  it('runs from the bundle `npm start` builds: migrations, reference data and the API found', async () => {
    await promisify(execFile)('npm', ['run', 'build:server', '--silent'], { timeout: 60_000 });
    const dataDir = mkdtempSync(join(tmpdir(), 'koldoo-bundle-'));
    try {
      const password = 'bundle-test-password';
      const env = { KOLDOO_DATA_DIR: dataDir, DATABASE_URL: undefined, KOLDOO_ADMIN_PASSWORD: password };
      const { url } = await serveFrom('dist/server/main.js', env, '--demo');
      const ready = await fetch(`${url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', engine: 'pglite' });
      const openapi = await fetch(`${url}/api/v1/openapi.json`);
      expect(openapi.status).toBe(200);
      // Files are found relative to the code: the bundle must find the shipped reference data too.
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const boundaries = await fetch(`${url}/api/v1/regions.geojson`, { headers: { cookie } });
      expect(boundaries.status).toBe(200);
      expect(((await boundaries.json()) as { features: unknown[] }).features).toHaveLength(9);
      // The generator's building thread and the scan's scoring threads load their own entries,
      // built beside the bundle.
      const server = child!;
      server.kill('SIGTERM');
      await once(server, 'exit');
      const bundled = (...args: string[]) =>
        promisify(execFile)('node', ['dist/server/main.js', ...args], {
          env: { ...process.env, ...env },
          timeout: 60_000,
        });
      await bundled('generate', '--persons', '200', '--seed', 'bundle', '--threads', '1');
      const scan = await bundled('duplicates', 'scan', '--threads', '2');
      expect(scan.stdout).toMatch(/done in .* [1-9]\d* candidate pairs, [1-9]\d* likely duplicates/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('starts on an empty PGlite data dir, creates the admin, loads the demo with --demo and is ready', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'koldoo-serve-'));
    try {
      const env = { KOLDOO_DATA_DIR: dataDir, DATABASE_URL: undefined, KOLDOO_ADMIN_PASSWORD: undefined };
      const { url, output } = await serve(env, '--demo');
      expect(output).toMatch(/Created the first account: admin \/ \S+/);
      expect(output).toMatch(/caseworker\.osh\s+caseworker/);
      expect(output).toContain(`PGlite in ${dataDir}`);
      const ready = await fetch(`${url}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', engine: 'pglite' });
      const password = /admin \/ (\S+)/.exec(output)![1];
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
      expect(login.status).toBe(200);
      expect((await login.json()).user.mustChangePassword).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it.skipIf(!postgresUrl)(
    'runs the same code on PostgreSQL with DATABASE_URL',
    async () => {
      const database = await freshDatabase('postgres');
      try {
        const dbUrl = database.url;
        expect(dbUrl).toBeDefined();
        const { url, output } = await serve({
          DATABASE_URL: dbUrl,
          KOLDOO_ADMIN_PASSWORD: 'pg-admin-password',
        });
        expect(output).toMatch(/PostgreSQL at 127\.0\.0\.1:5432\/koldoo_test_/);
        expect(await (await fetch(`${url}/readyz`)).json()).toEqual({ status: 'ready', engine: 'postgres' });
      } finally {
        child?.kill('SIGTERM');
        await new Promise((r) => setTimeout(r, 500));
        await database.close();
      }
    },
    60_000,
  );
});
