import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatKgs, kgsAmountSchema, parseKgs, sumTyiyn, tyiynSchema } from './money.ts';

const NBSP = '\u00a0';

describe('parseKgs, canonical form', () => {
  it.each([
    ['1500.50', 150_050],
    ['1500.5', 150_050],
    ['1500', 150_000],
    ['0.01', 1],
    ['0', 0],
    ['007', 700],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%s → %i tyiyn', (text, tyiyn) => {
    expect(parseKgs(text)).toBe(tyiyn);
  });

  it.each([
    '1500.505', // more than two decimals
    '-1',
    '+1',
    '1 500.50', // grouping only with a locale
    '1,500.50',
    '1500,50',
    '1500.',
    '.50',
    '',
    ' 1500',
    '1e3',
    '0x10',
    'Infinity',
    '١٥٠٠', // Arabic-Indic digits
    '90071992547409.92', // one tyiyn past the largest exact amount
  ])('rejects %j', (text) => {
    expect(() => parseKgs(text)).toThrow(RangeError);
  });

  it('refuses numbers, which are already floats', () => {
    expect(() => parseKgs(1500.5 as unknown as string)).toThrow(TypeError);
  });
});

describe('parseKgs with a locale', () => {
  it.each([
    ['ru', `1${NBSP}500,50`, 150_050],
    ['ru', '1 500,5', 150_050], // typed with an ordinary space
    ['ru', '1 500.50', 150_050], // a dot is understood where dots do not group
    ['ru', ' 1500,50 ', 150_050],
    ['ky', `12${NBSP}345${NBSP}678,09`, 1_234_567_809],
    ['en', '1,500.50', 150_050],
    ['en', '1500.50', 150_050],
    ['de', '1.500,50', 150_050],
  ])('%s: %j → %i', (locale, text, tyiyn) => {
    expect(parseKgs(text, locale)).toBe(tyiyn);
  });

  it.each([
    ['en', '1,5'], // a European decimal comma must not become fifteen som
    ['en', '1,50,000.00'], // groups of three only
    ['ru', '1,500'], // three decimals
    ['de', '1.5'], // in German the dot groups
    ['ru', '-1 500,00'],
  ])('%s: rejects %j', (locale, text) => {
    expect(() => parseKgs(text, locale)).toThrow(RangeError);
  });
});

describe('formatKgs', () => {
  it.each([
    [150_050, 'ru', `1${NBSP}500,50`],
    [150_050, 'en', '1,500.50'],
    [0, 'ru', '0,00'],
    [5, 'en', '0.05'],
    [Number.MAX_SAFE_INTEGER, 'en', '90,071,992,547,409.91'],
  ])('%i tyiyn in %s → %j', (tyiyn, locale, text) => {
    expect(formatKgs(tyiyn, locale)).toBe(text);
  });

  it.each([1.5, -1, Number.NaN, 2 ** 53])('rejects %d', (tyiyn) => {
    expect(() => formatKgs(tyiyn, 'ru')).toThrow(RangeError);
  });

  it.each(['ru', 'ky', 'en', 'de', 'fr', 'es', 'de-CH'])('parse(format(x)) = x in %s', (locale) => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (tyiyn) => {
        expect(parseKgs(formatKgs(tyiyn, locale), locale)).toBe(tyiyn);
      }),
    );
  });
});

describe('kgsAmountSchema', () => {
  it('turns a canonical amount into tyiyn', () => {
    expect(kgsAmountSchema.parse('1500.50')).toBe(150_050);
  });

  it.each([1500.5, '1500.505', '-3', '90071992547409.92'])('rejects %j', (value) => {
    expect(kgsAmountSchema.safeParse(value).success).toBe(false);
  });

  it('agrees with parseKgs on every canonical string', () => {
    const canonical = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom('', '.0', '.5', '.05', '.99'))
      .map(([whole, fraction]) => `${whole}${fraction}`);
    fc.assert(
      fc.property(canonical, (text) => {
        const result = kgsAmountSchema.safeParse(text);
        let parsed: number | undefined;
        try {
          parsed = parseKgs(text);
        } catch {
          parsed = undefined;
        }
        expect(result.success ? result.data : undefined).toBe(parsed);
      }),
    );
  });
});

describe('sumTyiyn', () => {
  it('adds exactly', () => {
    expect(sumTyiyn([])).toBe(0);
    expect(sumTyiyn([10, 20, 30])).toBe(60);
    expect(sumTyiyn([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a total past the largest exact amount', () => {
    expect(() => sumTyiyn([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });

  it.each([[[1.5]], [[-1]], [[Number.NaN]]])('refuses %j', (amounts) => {
    expect(() => sumTyiyn(amounts)).toThrow(RangeError);
  });
});

describe('tyiynSchema', () => {
  it('accepts non-negative safe integers only', () => {
    expect(tyiynSchema.safeParse(150_050).success).toBe(true);
    expect(tyiynSchema.safeParse(0.5).success).toBe(false);
    expect(tyiynSchema.safeParse(-1).success).toBe(false);
    expect(tyiynSchema.safeParse(2 ** 53).success).toBe(false);
  });
});
