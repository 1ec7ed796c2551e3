/**
 * The first-load budget: a caseworker on a weak connection must not download more than 300 KB of
 * gzipped JavaScript before the sign-in page. Reuses dist/web when it is newer than every web
 * source file (mtimes), else builds into a temporary folder (never under a running server's feet).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BUDGET_KB,
  firstLoadScripts,
  formatDetails,
  formatReport,
  localeChunkImports,
  measureFirstLoad,
} from './scripts/bundle-size.ts';

const web = import.meta.dirname;
const distWeb = join(web, '..', 'dist', 'web');

/** The newest mtime among the files a build reads from web/. */
function newestSource(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestSource(join(path, name))));
}

const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** dist/web if it is up to date, else a fresh build in a temporary folder. */
function builtApp(): string {
  const html = join(distWeb, 'index.html');
  const sources = ['src', 'scripts', 'index.html', 'vite.config.ts'].map((p) => newestSource(join(web, p)));
  if (existsSync(html) && statSync(html).mtimeMs > Math.max(...sources)) return distWeb;
  const out = mkdtempSync(join(tmpdir(), 'koldoo-web-'));
  temporary.push(out);
  const vite = join(web, '..', 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(
    process.execPath,
    [
      vite,
      'build',
      '--config',
      join(web, 'vite.config.ts'),
      '--outDir',
      out,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    // Vitest sets NODE_ENV=test, which would make Vite build React's development code.
    { stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } },
  );
  return out;
}

describe('first-load JavaScript budget', () => {
  it('finds the scripts index.html loads, whatever the attribute order', () => {
    const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/framework-b.js">
      <link href="/assets/mantine-c.js" rel="modulepreload">
      <link rel="stylesheet" href="/assets/index.css"><script src="/legacy.js"></script>`;
    expect(firstLoadScripts(html)).toEqual([
      '/assets/index-a.js',
      '/assets/framework-b.js',
      '/assets/mantine-c.js',
    ]);
  });

  it('finds the language chunks of one locale in the compiled glob map', () => {
    const js =
      'U=Object.assign({"./en/core.json":()=>V(()=>import(`./core-A.js`),[]),' +
      '"./en/partner.json":()=>V(()=>import(`./partner-B.js`),[]),' +
      '"./ru/core.json":()=>V(()=>import(`./core-C.js`),[])})';
    expect(localeChunkImports(js, 'en')).toEqual(['./core-A.js', './partner-B.js']);
    expect(localeChunkImports(js, 'ru')).toEqual(['./core-C.js']);
    expect(localeChunkImports(js, 'ky')).toEqual([]);
  });

  it(`stays within ${BUDGET_KB} KB gzipped`, () => {
    const report = measureFirstLoad(builtApp());
    console.log(`${formatReport(report)}\n${formatDetails(report)}`);
    expect(report.files.length).toBeGreaterThan(1);
    expect(report.gzipBytes).toBeLessThanOrEqual(BUDGET_KB * 1000);
  }, 120_000);
});
