/**
 * The web app takes its code lists from the server's domain modules, so those modules are bundled
 * for the browser. One import of Node, drizzle or a service module there would either break the
 * build or quietly ship the server's libraries to every caseworker's phone: this walks every module
 * the web app loads from the server's tree, and what each of them loads in turn.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const web = import.meta.dirname;
const repo = resolve(web, '..');
const domain = join(repo, 'src', 'domain');

/** Libraries a domain module bundled for the browser may use. */
const BROWSER_SAFE = new Set(['zod']);

// Static imports and re-exports that stay in the output: `import type` and `export type` vanish.
const IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** The specifiers of what a module loads at run time. */
function runtimeImports(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1]!);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every server module the web app bundles, with what each one imports from outside itself. */
function serverModulesOfTheWeb(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const visit = (path: string) => {
    if (found.has(path)) return;
    const specifiers = runtimeImports(readFileSync(path, 'utf8'));
    found.set(path, specifiers);
    for (const s of specifiers) if (s.startsWith('.')) visit(resolve(dirname(path), s));
  };
  for (const file of sources(join(web, 'src'))) {
    for (const s of runtimeImports(readFileSync(file, 'utf8'))) {
      const target = s.startsWith('.') ? resolve(dirname(file), s) : null;
      if (target && !target.startsWith(web)) visit(target);
    }
  }
  return found;
}

describe('server modules in the web bundle', () => {
  it('finds imports, and not the ones erased from the output', () => {
    const source = [
      "import { z } from 'zod';",
      "import type { Tx } from '../db/client.ts';",
      "export { RSS_BANDS } from './rss.ts';",
      "export type { Sex } from './codes.ts';",
      'import {',
      '  CASE_TYPES,',
      "} from '../../../../src/domain/codes.ts';",
      "import './side-effect.ts';",
    ].join('\n');
    expect(runtimeImports(source)).toEqual([
      'zod',
      './rss.ts',
      '../../../../src/domain/codes.ts',
      './side-effect.ts',
    ]);
  });

  it('are pure domain modules that load nothing but zod and each other', () => {
    const modules = serverModulesOfTheWeb();
    expect(modules.size).toBeGreaterThan(0);
    const offending = [...modules].flatMap(([path, specifiers]) => [
      ...(path.startsWith(domain) ? [] : [`${relative(repo, path)} is outside src/domain`]),
      ...specifiers
        .filter((s) => !s.startsWith('.') && !BROWSER_SAFE.has(s))
        .map((s) => `${relative(repo, path)} imports ${s}`),
    ]);
    expect(offending).toEqual([]);
  });
});
