/**
 * The pure parts of the reports screen, tested without a browser: the map projection and its SVG
 * paths, the sequential colour scale, the months of a range with the empty ones filled in, and how
 * a withheld cell is labelled.
 */

/** A row of GET /reports/cases. */
export interface ReportRow {
  key: string | null;
  count: number | null;
  suppressed: boolean;
}

/** GET /reports/cases. */
export interface CaseReport {
  by: 'region' | 'status' | 'type' | 'month';
  rows: ReportRow[];
  total: number | null;
  suppressedCells: number;
  threshold: number;
}

type Position = readonly number[];
/** The geometry types of the shipped boundaries. */
export type Geometry =
  { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** A region of GET /regions.geojson. */
export interface RegionFeature {
  type: 'Feature';
  properties: { iso3166_2: string; adm1_pcode: string; name_en: string; name_ky: string; name_ru: string };
  geometry: Geometry;
}

/** GET /regions.geojson. */
export interface RegionCollection {
  type: 'FeatureCollection';
  features: RegionFeature[];
}

const polygons = (g: Geometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** One region drawn: its code and its SVG path. */
export interface RegionShape {
  iso: string;
  d: string;
}

/**
 * Projects the regions into a box `width` wide (the height follows the shape). An equirectangular
 * projection with longitudes shrunk by the cosine of the middle latitude: over a country the size
 * of Kyrgyzstan it is indistinguishable from a conformal one and needs no library.
 */
export function projectRegions(
  collection: RegionCollection,
  width: number,
  pad = 4,
): { width: number; height: number; shapes: RegionShape[] } {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const f of collection.features) {
    for (const poly of polygons(f.geometry)) {
      for (const ring of poly) {
        for (const [lon = 0, lat = 0] of ring) {
          minX = Math.min(minX, lon);
          maxX = Math.max(maxX, lon);
          minY = Math.min(minY, lat);
          maxY = Math.max(maxY, lat);
        }
      }
    }
  }
  if (!Number.isFinite(minX)) return { width, height: 0, shapes: [] };
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * k, 1e-9);
  const scale = (width - 2 * pad) / spanX;
  const height = Math.round((maxY - minY) * scale + 2 * pad);
  const round = (v: number) => Math.round(v * 10) / 10;
  const shapes = collection.features.map((f) => ({
    iso: f.properties.iso3166_2,
    d: polygons(f.geometry)
      .flatMap((poly) =>
        poly.map(
          (ring) =>
            ring
              .map(([lon = 0, lat = 0], i) => {
                const x = round(pad + (lon - minX) * k * scale);
                const y = round(pad + (maxY - lat) * scale);
                return `${i === 0 ? 'M' : 'L'}${x} ${y}`;
              })
              .join('') + 'Z',
        ),
      )
      .join(''),
  }));
  return { width, height, shapes };
}

/** Light to dark blue, readable on white and distinct in greyscale. */
export const SCALE_COLOURS = ['#d0ebff', '#74c0fc', '#339af0', '#1971c2', '#0b3f7a'] as const;

/** One class of the colour scale: counts from `from` to `to`, both included. */
export interface ScaleClass {
  from: number;
  to: number;
  colour: string;
}

/**
 * A sequential scale of equal steps from 1 to the largest count, at most five classes (fewer when
 * the counts are small, so no class is empty of possible values).
 */
export function colourScale(counts: readonly number[]): {
  classes: ScaleClass[];
  colourOf: (count: number) => string | null;
} {
  const max = Math.max(0, ...counts);
  if (max === 0) return { classes: [], colourOf: () => null };
  const n = Math.min(SCALE_COLOURS.length, max);
  const step = Math.ceil(max / n);
  const classes: ScaleClass[] = [];
  for (let i = 0; i < n && i * step + 1 <= max; i++) {
    classes.push({ from: i * step + 1, to: Math.min((i + 1) * step, max), colour: '' });
  }
  // Spread the colours over the classes there are, keeping the darkest for the largest counts.
  const last = SCALE_COLOURS.length - 1;
  classes.forEach((c, i) => {
    c.colour = SCALE_COLOURS[classes.length === 1 ? last : Math.round((i * last) / (classes.length - 1))]!;
  });
  const colourOf = (count: number) =>
    count <= 0 ? null : (classes.find((c) => count <= c.to) ?? classes.at(-1)!).colour;
  return { classes, colourOf };
}

/** The month after a YYYY-MM month. */
export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * The report by month as one row per month of the range: the server lists only months with
 * cases, so the others are added as zero. Without `from` or `to` the range is that of the rows.
 */
export function fillMonths(rows: readonly ReportRow[], from?: string, to?: string): ReportRow[] {
  const byMonth = new Map(rows.filter((r) => r.key !== null).map((r) => [r.key!, r]));
  const keys = [...byMonth.keys()].sort();
  const start = from ?? keys[0];
  const end = to ?? keys.at(-1);
  if (!start || !end || start > end) return [];
  const out: ReportRow[] = [];
  // Bounded by the server's range limit; the guard only protects against a malformed key.
  for (let m = start; m <= end && out.length < 1200; m = nextMonth(m)) {
    out.push(byMonth.get(m) ?? { key: m, count: 0, suppressed: false });
  }
  return out;
}

/** The text of a cell: its count, or "fewer than N" when withheld. */
export function cellLabel(
  row: Pick<ReportRow, 'count' | 'suppressed'>,
  threshold: number,
  t: (key: 'reports.fewerThan', options: { n: string }) => string,
  number: (n: number) => string,
): string {
  return row.suppressed || row.count === null
    ? t('reports.fewerThan', { n: number(threshold) })
    : number(row.count);
}

/** A YYYY-MM month, or undefined for anything else in the address. */
export function parseMonth(value: string | null): string | undefined {
  return value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : undefined;
}
