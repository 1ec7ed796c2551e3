import { describe, expect, it } from 'vitest';
import { formatKgs, kgsToInput, parseKgsInput } from './money.ts';

describe('KGS amounts typed in the admin forms', () => {
  it('reads Russian and Kyrgyz writing: spaces between thousands, comma or dot before tyiyn', () => {
    for (const lng of ['ru', 'ky']) {
      expect(parseKgsInput('150 000', lng)).toBe('150000.00');
      expect(parseKgsInput('150\u00a0000,5', lng)).toBe('150000.50');
      expect(parseKgsInput('150\u202f000,50', lng)).toBe('150000.50');
      expect(parseKgsInput('19500.25', lng)).toBe('19500.25');
      expect(parseKgsInput(' 0 ', lng)).toBe('0.00');
    }
  });

  it('reads English writing: commas between thousands, dot before tyiyn', () => {
    expect(parseKgsInput('150,000.50', 'en')).toBe('150000.50');
    expect(parseKgsInput('150000', 'en')).toBe('150000.00');
    expect(parseKgsInput('007', 'en')).toBe('7.00');
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', '-5', '12.345', '1e5', 'abc', '1 50 000', '12,5.0', '1234567890123']) {
      expect(parseKgsInput(bad, 'ru'), bad).toBeNull();
    }
    expect(parseKgsInput('150,5', 'en')).toBeNull();
    expect(parseKgsInput('150 000', 'en')).toBeNull();
  });

  it('round-trips an API amount through the edit field in every language', () => {
    for (const lng of ['en', 'ru', 'ky']) {
      expect(parseKgsInput(kgsToInput('250000.00', lng), lng)).toBe('250000.00');
      expect(parseKgsInput(formatKgs('250000.05', lng), lng)).toBe('250000.05');
    }
  });

  it('formats exactly, with the locale grouping', () => {
    expect(formatKgs('1234567.50', 'en')).toBe('1,234,567.50');
    expect(formatKgs('90071992547409.91', 'en')).toBe('90,071,992,547,409.91');
    expect(formatKgs('30000.00', 'ru').replace(/\s/g, ' ')).toBe('30 000,00');
  });
});
