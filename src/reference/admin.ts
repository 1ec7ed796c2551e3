import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A first-level unit (oblast or city of republican significance). */
export interface Region {
  iso: string;
  pcode: string;
  type: string;
  names: { en: string; ky: string; ru: string };
}

/** A district (rayon); `pcode` stays null until the official OCHA P-code is confirmed. */
export interface District {
  code: string;
  regionIso: string;
  pcode: string | null;
  names: { en: string; ky: string; ru: string };
}

const dir = new URL('../../reference/', import.meta.url);

// The shipped files are plain CSV without quoted fields; row 2 holds HXL hashtags.
function rows(file: string): Record<string, string>[] {
  const [header, , ...lines] = readFileSync(fileURLToPath(new URL(file, dir)), 'utf8')
    .trim()
    .split('\n');
  const cols = (header ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** The 9 regions of Kyrgyzstan from the shipped OCHA list. */
export const REGIONS: readonly Region[] = rows('kgz_adm1_codes.csv').map((r) => ({
  iso: r.iso3166_2!,
  pcode: r.adm1_pcode!,
  type: r.type!,
  names: { en: r.name_en!, ky: r.name_ky!, ru: r.name_ru! },
}));

/** The 40 districts, each under its region. */
export const DISTRICTS: readonly District[] = rows('kgz_adm2_districts.csv').map((r) => ({
  code: r.code!,
  regionIso: r.adm1_iso3166_2!,
  pcode: r.adm2_pcode || null,
  names: { en: r.name_en!, ky: r.name_ky!, ru: r.name_ru! },
}));

const regionIsos = new Set(REGIONS.map((r) => r.iso));
const districtCodes = new Map(DISTRICTS.map((d) => [d.code, d]));

/** Whether a code names a shipped region (ISO 3166-2:KG) or district (Koldoo code). */
export function isAdminCode(code: string): boolean {
  return regionIsos.has(code) || districtCodes.has(code);
}

/** Whether a district lies in a region: origins must be consistent. */
export function districtInRegion(districtCode: string, regionIso: string): boolean {
  return districtCodes.get(districtCode)?.regionIso === regionIso;
}

/** Whether a code is a shipped region. */
export function isRegion(code: string): boolean {
  return regionIsos.has(code);
}

let boundaries: string | undefined;

/**
 * The oblasts' boundaries as shipped (GeoJSON text, simplified, WGS 84), read once: served as
 * they are, since parsing and serialising 200 KB per request would cost more than the file.
 */
export function regionBoundaries(): string {
  boundaries ??= readFileSync(fileURLToPath(new URL('kgz_adm1_z5.geojson', dir)), 'utf8');
  return boundaries;
}
