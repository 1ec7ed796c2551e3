/**
 * Keeps the three languages in step: same keys, no empty strings, and every literal key the code
 * passes to t() exists. Dynamic keys (`roles.${role}`) are covered by checking the code lists.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, OFFICE_KINDS, ROLES } from '../api/types.ts';

type Tree = { [key: string]: string | Tree };

const here = import.meta.dirname;
const srcDir = join(here, '..');
/** A language's area files merged, refusing two files that claim the same top-level key. */
function load(lng: string): Tree {
  const merged: Tree = {};
  for (const file of readdirSync(join(here, lng)).filter((f) => f.endsWith('.json'))) {
    const part = JSON.parse(readFileSync(join(here, lng, file), 'utf8')) as Tree;
    for (const key of Object.keys(part)) {
      if (key in merged) throw new Error(`${lng}/${file}: top-level key "${key}" is defined twice`);
    }
    Object.assign(merged, part);
  }
  return merged;
}

/** Flatten nested JSON to dotted keys → values. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    } else {
      out.set(key, v);
    }
  }
  return out;
}

/** Every .ts/.tsx file under web/src except tests. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The {{placeholders}} used in a message, sorted, so translations keep the same variables. */
const placeholders = (value: unknown) =>
  [...String(value).matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const catalogs = Object.fromEntries(LOCALES.map((lng) => [lng, flatten(load(lng))]));
const enKeys = [...catalogs.en!.keys()].sort();

describe('translation files', () => {
  it.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the keys of en', (lng) => {
    expect([...catalogs[lng]!.keys()].sort()).toEqual(enKeys);
  });

  it.each(LOCALES)('%s has only non-empty string values', (lng) => {
    const bad = [...catalogs[lng]!]
      .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
      .map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s uses the same {{placeholders}} as en', (lng) => {
    const bad = enKeys.filter(
      (k) =>
        JSON.stringify(placeholders(catalogs[lng]!.get(k))) !==
        JSON.stringify(placeholders(catalogs.en!.get(k))),
    );
    expect(bad).toEqual([]);
  });

  it('has no plural-suffixed keys (they would differ between ru and en/ky)', () => {
    expect(enKeys.filter((k) => /_(zero|one|two|few|many|other)$/.test(k))).toEqual([]);
  });

  it('Kyrgyz and Russian are written in Cyrillic', () => {
    for (const lng of ['ru', 'ky'] as const) {
      const latinOnly = [...catalogs[lng]!]
        .filter(([k]) => !k.startsWith('language.'))
        .filter(([, v]) => /[A-Za-z]{4,}/.test(String(v)) && !/[А-Яа-яЁёӨөҮүҢң]/.test(String(v)))
        .map(([k]) => k);
      expect(latinOnly, lng).toEqual([]);
    }
  });
});

describe('keys used in the source', () => {
  const files = sourceFiles(srcDir);
  // t('a.b'), t("a.b"), i18n.t('a.b'), and typed key literals like 'password.tooShort' in unions.
  const callRe = /\bt\(\s*['"`]([A-Za-z0-9_.]+)['"`]/g;
  const used = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(callRe)) used.set(m[1]!, relative(srcDir, file));
  }

  it('finds the t() calls (sanity check of the scanner)', () => {
    expect(used.size).toBeGreaterThan(50);
  });

  it('every literal t() key exists in en (and so in ru and ky)', () => {
    const missing = [...used].filter(([key]) => !catalogs.en!.has(key)).map(([k, f]) => `${k} (${f})`);
    expect(missing).toEqual([]);
  });

  it('every key built from a code list exists', () => {
    const dynamic = [
      ...ROLES.map((r) => `roles.${r}`),
      ...OFFICE_KINDS.map((k) => `officeKinds.${k}`),
      ...LOCALES.map((l) => `language.${l}`),
      ...['success', 'failure', 'denied'].map((o) => `outcomes.${o}`),
    ];
    expect(dynamic.filter((k) => !catalogs.en!.has(k))).toEqual([]);
  });

  it('no component renders a bare English sentence in JSX', () => {
    // Heuristic: text between tags that contains a letter, e.g. `>Sign in<`.
    const offenders: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.tsx'))) {
      const text = readFileSync(file, 'utf8').replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
      for (const m of text.matchAll(/(?<![=-])>\s*([^<>{}\n]*[A-Za-zА-Яа-я][^<>{}\n]*?)\s*</g)) {
        const s = m[1]!.trim();
        if (s && !/^[=&|)(:;,.]/.test(s) && !/=>|&&|\?\?|\|\|/.test(s))
          offenders.push(`${relative(srcDir, file)}: ${s}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
