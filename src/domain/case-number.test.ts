import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGION_TAGS, formatCaseNumber, parseCaseNumber } from './case-number.ts';

describe('formatCaseNumber', () => {
  it.each([
    ['KG-O', 2026, 42, 'KG-OSH-2026-00042'],
    ['KG-GO', 2026, 1, 'KG-OSC-2026-00001'],
    ['KG-GB', 2025, 99_999, 'KG-BIS-2025-99999'],
    ['KG-J', 2026, 100_000, 'KG-JAL-2026-100000'], // grows past five digits
    ['KG-B', 2020, 7, 'KG-BAT-2020-00007'],
    ['KG-C', 2026, 7, 'KG-CHU-2026-00007'],
    ['KG-Y', 2026, 7, 'KG-ISK-2026-00007'],
    ['KG-N', 2026, 7, 'KG-NAR-2026-00007'],
    ['KG-T', 2026, 7, 'KG-TAL-2026-00007'],
    ['RU-MOW', 2026, 42, 'KG-2026-00042'], // an office abroad: national form
    ['constructor', 2026, 42, 'KG-2026-00042'],
    [null, 2026, 42, 'KG-2026-00042'],
  ])('%s, %i, %i → %s', (region, year, seq, expected) => {
    expect(formatCaseNumber(region, year, seq)).toBe(expected);
  });

  it.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [2026, 2 ** 53],
    [999, 1],
    [10_000, 1],
    [2026.5, 1],
  ])('rejects year %d, sequence %d', (year, seq) => {
    expect(() => formatCaseNumber('KG-O', year, seq)).toThrow(RangeError);
  });
});

describe('parseCaseNumber', () => {
  it.each([
    ['KG-OSH-2026-00042', { regionIso: 'KG-O', year: 2026, seq: 42 }],
    ['  kg-osh-2026-00042 ', { regionIso: 'KG-O', year: 2026, seq: 42 }],
    ['KG-OSC-2026-00042', { regionIso: 'KG-GO', year: 2026, seq: 42 }],
    ['KG-JAL-2026-123456', { regionIso: 'KG-J', year: 2026, seq: 123_456 }],
    ['KG-2026-00042', { regionIso: null, year: 2026, seq: 42 }],
  ])('%j → %o', (text, parts) => {
    expect(parseCaseNumber(text)).toEqual(parts);
  });

  it.each([
    'KG-OSH-2026-0042', // too few digits
    'KG-OSH-2026-000042', // extra padding: not the canonical spelling
    'KG-OSH-2026-00000', // sequences start at 1
    'KG-XYZ-2026-00042', // unknown tag
    'KG-KG-2026-00042',
    'KZ-OSH-2026-00042',
    'KG-OSH-26-00042',
    'KG-OSH-0999-00042',
    'KG-OSH-2026-00042-1',
    'KG OSH 2026 00042',
    '',
  ])('rejects %j', (text) => {
    expect(parseCaseNumber(text)).toBeNull();
  });

  it('round-trips every formatted number', () => {
    const regionArb = fc.constantFrom<string | null>(null, 'KG-XX', ...Object.keys(REGION_TAGS));
    fc.assert(
      fc.property(
        regionArb,
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (region, year, seq) => {
          const parsed = parseCaseNumber(formatCaseNumber(region, year, seq));
          expect(parsed).toEqual({
            regionIso: region !== null && region in REGION_TAGS ? region : null,
            year,
            seq,
          });
        },
      ),
    );
  });
});
