import { describe, expect, it } from 'vitest';
import { detectLocale } from './index.ts';
import { formatDate, formatNumber } from './format.ts';

describe('detectLocale', () => {
  it('prefers the stored choice, then the browser, then English', () => {
    expect(detectLocale('ky', ['ru-RU'])).toBe('ky');
    expect(detectLocale(null, ['de-DE', 'ru-KG'])).toBe('ru');
    expect(detectLocale('xx', ['KY'])).toBe('ky');
    expect(detectLocale(null, ['fr'])).toBe('en');
  });
});

describe('Intl formatting', () => {
  it('formats numbers per locale', () => {
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(1234567, 'ru').replace(/\s/g, ' ')).toBe('1 234 567');
  });

  it('formats dates per locale and passes invalid input through', () => {
    const d = new Date(2026, 2, 12);
    expect(formatDate(d, 'en')).toContain('2026');
    expect(formatDate(d, 'ru')).toMatch(/мар/);
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});
