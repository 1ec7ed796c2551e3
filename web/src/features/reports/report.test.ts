import { describe, expect, it } from 'vitest';
import {
  cellLabel,
  colourScale,
  fillMonths,
  parseMonth,
  projectRegions,
  SCALE_COLOURS,
  type RegionCollection,
} from './report.ts';

const props = (iso: string) => ({
  iso3166_2: iso,
  adm1_pcode: 'KG',
  name_en: iso,
  name_ky: iso,
  name_ru: iso,
});

describe('projectRegions', () => {
  const collection: RegionCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: props('KG-A'),
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [70, 40],
              [72, 40],
              [72, 42],
              [70, 40],
            ],
          ],
        },
      },
      {
        type: 'Feature',
        properties: props('KG-B'),
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [72, 40],
                [74, 40],
                [74, 42],
                [72, 40],
              ],
            ],
            [
              [
                [73, 41],
                [73.5, 41],
                [73, 41.5],
                [73, 41],
              ],
            ],
          ],
        },
      },
    ],
  };
  const map = projectRegions(collection, 100, 0);

  it('fits the width, keeps north up and shrinks longitudes by the latitude', () => {
    expect(map.width).toBe(100);
    // 4° of longitude at 41° N are about 3° of latitude long.
    expect(map.height).toBe(Math.round((2 / (4 * Math.cos((41 * Math.PI) / 180))) * 100));
    expect(map.shapes[0]!.iso).toBe('KG-A');
    expect(map.shapes[0]!.d).toMatch(/^M0 (\d+\.\d)L50 \1L50 0L0 \1Z$/);
  });

  it('draws every polygon of a multipolygon as its own ring', () => {
    expect(map.shapes[1]!.d.match(/M/g)).toHaveLength(2);
    expect(map.shapes[1]!.d.match(/Z/g)).toHaveLength(2);
  });

  it('draws nothing without features', () => {
    expect(projectRegions({ type: 'FeatureCollection', features: [] }, 100).shapes).toEqual([]);
  });
});

describe('colourScale', () => {
  it('splits 1..max into five equal classes, darkest for the largest', () => {
    const s = colourScale([0, 12, 50, 7]);
    expect(s.classes.map((c) => [c.from, c.to])).toEqual([
      [1, 10],
      [11, 20],
      [21, 30],
      [31, 40],
      [41, 50],
    ]);
    expect(s.colourOf(50)).toBe(SCALE_COLOURS[4]);
    expect(s.colourOf(5)).toBe(SCALE_COLOURS[0]);
    expect(s.colourOf(0)).toBeNull();
  });

  it('uses fewer classes for small counts and none without counts', () => {
    expect(colourScale([2]).classes).toHaveLength(2);
    expect(colourScale([7]).colourOf(7)).toBe(SCALE_COLOURS[4]);
    expect(colourScale([0, 0]).classes).toEqual([]);
  });
});

describe('fillMonths', () => {
  const row = (key: string, count: number | null) => ({ key, count, suppressed: count === null });

  it('adds the months without cases as zero, across the year end', () => {
    expect(fillMonths([row('2025-11', 9), row('2026-02', null)])).toEqual([
      row('2025-11', 9),
      { key: '2025-12', count: 0, suppressed: false },
      { key: '2026-01', count: 0, suppressed: false },
      row('2026-02', null),
    ]);
  });

  it('covers the chosen range, or nothing for an empty or reversed one', () => {
    expect(fillMonths([row('2026-02', 6)], '2026-01', '2026-03').map((r) => r.key)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(fillMonths([])).toEqual([]);
    expect(fillMonths([], '2026-03', '2026-01')).toEqual([]);
  });
});

describe('cellLabel', () => {
  const t = (_key: string, o: { n: string }) => `fewer than ${o.n}`;
  const number = (n: number) => `#${n}`;

  it('says "fewer than" the threshold for a withheld cell, the count otherwise', () => {
    expect(cellLabel({ count: null, suppressed: true }, 5, t, number)).toBe('fewer than #5');
    expect(cellLabel({ count: 12, suppressed: false }, 5, t, number)).toBe('#12');
    expect(cellLabel({ count: 0, suppressed: false }, 5, t, number)).toBe('#0');
  });
});

describe('parseMonth', () => {
  it('keeps only YYYY-MM months from the address', () => {
    expect(parseMonth('2026-03')).toBe('2026-03');
    expect(parseMonth('2026-13')).toBeUndefined();
    expect(parseMonth(null)).toBeUndefined();
  });
});
