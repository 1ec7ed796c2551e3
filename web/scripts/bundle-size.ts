/**
 * The first-load JavaScript budget: what a caseworker's phone must download (gzipped) before the
 * sign-in page can appear — the entry script, the chunks index.html preloads, and the language
 * files of one locale (the largest of them, to stay on the safe side).
 *
 * Why a script of our own: Vite reports every chunk, but not which of them the first visit needs.
 * Used by the `bundleBudget()` Vite plugin (prints the figure after every build) and by
 * web/bundle-size.test.ts (fails above the budget).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** The budget in KB (1 KB = 1000 bytes, as Vite reports sizes). */
export const BUDGET_KB = 300;

/** Locales whose language files are measured (one is loaded on a first visit). */
const LOCALES = ['en', 'ru', 'ky'] as const;

/** Attribute value of one HTML tag, e.g. `attr('<script src="/a.js">', 'src')`. */
function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
}

/** The JS files index.html makes the browser fetch at once: module scripts and modulepreload links. */
export function firstLoadScripts(html: string): string[] {
  const out: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, 'src');
    if (src && attr(tag, 'type') === 'module') out.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attr(tag, 'href');
    if (href && attr(tag, 'rel')?.split(/\s+/).includes('modulepreload')) out.push(href);
  }
  return [...new Set(out)];
}

/**
 * The chunks of one locale's language files, read from the `import.meta.glob` map that
 * web/src/i18n/index.ts compiles to (`"./ru/core.json":()=>…import("./core-abc.js")…`).
 * Paths are relative to the chunk that holds the map.
 */
export function localeChunkImports(js: string, locale: string): string[] {
  const re = new RegExp(
    `["'\`]\\./${locale}/[\\w.-]+\\.json["'\`]\\s*:[^,]{0,160}?\\bimport\\(\\s*["'\`]([^"'\`]+)["'\`]`,
    'g',
  );
  return [...js.matchAll(re)].map((m) => m[1]!);
}

/** One measured file. */
export interface MeasuredFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** What a first visit downloads, in the worst-case locale. */
export interface FirstLoadReport {
  outDir: string;
  locale: string;
  files: MeasuredFile[];
  gzipBytes: number;
}

function measure(outDir: string, path: string): MeasuredFile {
  const content = readFileSync(path);
  return {
    file: relative(outDir, path),
    bytes: content.length,
    gzipBytes: gzipSync(content, { level: 9 }).length,
  };
}

/** Measures the first-load JavaScript of a built app in `outDir` (with base `/`). */
export function measureFirstLoad(outDir: string): FirstLoadReport {
  const htmlPath = join(outDir, 'index.html');
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath} not found: build the web app first`);
  const scripts = firstLoadScripts(readFileSync(htmlPath, 'utf8')).map((src) =>
    join(outDir, src.replace(/^\//, '').split(/[?#]/)[0]!),
  );
  if (scripts.length === 0) throw new Error(`${htmlPath} loads no module script`);
  const entry = scripts.map((path) => measure(outDir, path));

  let worst: { locale: string; files: MeasuredFile[]; gzipBytes: number } | undefined;
  for (const locale of LOCALES) {
    const chunks = new Set<string>();
    for (const path of scripts) {
      for (const rel of localeChunkImports(readFileSync(path, 'utf8'), locale)) {
        chunks.add(resolve(dirname(path), rel));
      }
    }
    const files = [...chunks].filter((p) => !scripts.includes(p)).map((p) => measure(outDir, p));
    const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
    if (files.length > 0 && (!worst || gzipBytes > worst.gzipBytes)) worst = { locale, files, gzipBytes };
  }
  if (!worst) throw new Error('No language file chunk found in the first-load scripts');

  const files = [...entry, ...worst.files];
  return {
    outDir,
    locale: worst.locale,
    files,
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
  };
}

/** KB with one decimal, as printed. */
export const toKb = (bytes: number) => (bytes / 1000).toFixed(1);

/** The one line the build prints: "first-load JS: N KB gzipped (budget 300 KB)". */
export function formatReport(report: FirstLoadReport): string {
  const over = report.gzipBytes > BUDGET_KB * 1000 ? ' — OVER BUDGET' : '';
  return `first-load JS: ${toKb(report.gzipBytes)} KB gzipped (budget ${BUDGET_KB} KB)${over}`;
}

/** The per-file breakdown, for the test's log and for anyone chasing a regression. */
export function formatDetails(report: FirstLoadReport): string {
  return report.files
    .map((f) => `  ${f.file}: ${toKb(f.bytes)} KB, ${toKb(f.gzipBytes)} KB gzipped`)
    .concat(`  (language files measured for "${report.locale}", the largest locale)`)
    .join('\n');
}

/** Vite plugin: after a production build, prints the first-load JS size against the budget. */
export function bundleBudget(): Plugin {
  let outDir = '';
  return {
    name: 'koldoo-bundle-budget',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      order: 'post',
      handler(options) {
        // console, not Vite's logger: `npm run build:web` runs with --logLevel warn.
        console.log(formatReport(measureFirstLoad(options.dir ?? outDir)));
      },
    },
  };
}
