import { describe, expect, it } from 'vitest';
import { budgetPercent, formatKgs, toCanonicalAmount } from './money.ts';

describe('amounts', () => {
  it('accepts what people type in each language and gives the API form', () => {
    expect(toCanonicalAmount('18000')).toBe('18000');
    expect(toCanonicalAmount('18 000,5')).toBe('18000.50');
    expect(toCanonicalAmount('18\u00a0000.25')).toBe('18000.25');
    expect(toCanonicalAmount('007')).toBe('7');
    expect(toCanonicalAmount('1.234')).toBeNull();
    expect(toCanonicalAmount('-5')).toBeNull();
    expect(toCanonicalAmount('12e3')).toBeNull();
    expect(toCanonicalAmount('')).toBeNull();
  });

  it('formats som in the UI language', () => {
    expect(formatKgs('1500.50', 'en')).toMatch(/1,500\.50/);
    expect(formatKgs('1500.50', 'ru')).toMatch(/1\s500,50/);
  });

  it('reports the share of the ceiling used', () => {
    expect(budgetPercent(5_000_000, 25_000_000)).toBe(20);
    expect(budgetPercent(30_000_000, 25_000_000)).toBe(120);
    expect(budgetPercent(100, null)).toBeNull();
  });
});
