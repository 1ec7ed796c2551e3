import { describe, expect, it } from 'vitest';
import { countryName, countryOptions, districtOptions, regionOptions } from './places.ts';

const names = (en: string, ru: string, ky: string) => ({ en, ru, ky });
const regions = [
  { iso: 'KG-O', pcode: 'KG06', type: 'oblast', names: names('Osh', 'Ошская', 'Ош') },
  { iso: 'KG-B', pcode: 'KG05', type: 'oblast', names: names('Batken', 'Баткенская', 'Баткен') },
];
const districts = [
  { code: 'KG-O-ARAVAN', regionIso: 'KG-O', pcode: null, names: names('Aravan', 'Араванский', 'Араван') },
  { code: 'KG-B-BATKEN', regionIso: 'KG-B', pcode: null, names: names('Batken', 'Баткенский', 'Баткен') },
];

describe('place options', () => {
  it('labels regions in the UI language, sorted, findable in any language', () => {
    const opts = regionOptions(regions, 'ru');
    expect(opts.map((o) => o.label)).toEqual(['Баткенская', 'Ошская']);
    expect(opts[1]?.keywords).toContain('osh');
    expect(opts[1]?.keywords).toContain('kg-o');
  });

  it('offers only the districts of the chosen region', () => {
    expect(districtOptions(districts, 'KG-O', 'en').map((o) => o.value)).toEqual(['KG-O-ARAVAN']);
    expect(districtOptions(districts, '', 'en')).toEqual([]);
  });

  it('lists the usual destinations first and names countries through Intl', () => {
    const opts = countryOptions('en');
    expect(opts.slice(0, 3).map((o) => o.value)).toEqual(['KG', 'RU', 'KZ']);
    expect(new Set(opts.map((o) => o.value)).size).toBe(opts.length);
    expect(countryName('RU', 'en')).toBe('Russia');
  });
});

describe('type-to-filter', () => {
  it('keeps labels that start with the text first, then other matches by label or keyword', async () => {
    const { filterOptions } = await import('./SearchSelect.tsx');
    const opts = [
      { value: 'KG-GO', label: 'Osh (city)', keywords: 'ош ш. г.ош kg-go' },
      { value: 'KG-J', label: 'Jalal-Abad', keywords: 'джалал-абадская kg-j' },
      { value: 'KG-O', label: 'Osh', keywords: 'ошская kg-o' },
    ];
    expect(filterOptions(opts, 'osh').map((o) => o.value)).toEqual(['KG-GO', 'KG-O']);
    expect(filterOptions(opts, 'ОШСК').map((o) => o.value)).toEqual(['KG-O']);
    expect(filterOptions(opts, ' ')).toHaveLength(3);
    expect(filterOptions(opts, 'zzz')).toEqual([]);
  });
});
