import { describe, expect, it } from 'vitest';
import { countFilters, readFilters, toApiQuery, writeFilters } from './caseFilters.ts';

const ID = '5b8e1f3c-2a7d-4c9e-8f16-0d3b7a5e9c21';

describe('case list filters in the address bar', () => {
  it('reads known values and ignores malformed ones', () => {
    const params = new URLSearchParams(
      `status=monitoring&type=nope&risk=high&likelihood=likely&region=KG-O-ARAVAN&assignedTo=${ID}&overdue=1&q=%20Sanobar%20`,
    );
    expect(readFilters(params)).toEqual({
      status: 'monitoring',
      risk: 'high',
      likelihood: 'likely',
      region: 'KG-O-ARAVAN',
      assignedTo: ID,
      overdue: true,
      q: 'Sanobar',
    });
    expect(readFilters(new URLSearchParams('assignedTo=1;drop&region=<x>&overdue=true'))).toEqual({});
  });

  it('round-trips through the URL in a stable order', () => {
    const filters = { q: 'KG-OSH', status: 'open' as const, overdue: true as const, region: 'KG-B' };
    const written = writeFilters(filters).toString();
    expect(written).toBe('q=KG-OSH&status=open&region=KG-B&overdue=1');
    expect(readFilters(new URLSearchParams(written))).toEqual(filters);
  });

  it('builds the API query and counts what is set', () => {
    expect(toApiQuery({ overdue: true, risk: 'low' })).toMatchObject({
      overdue: 'true',
      risk: 'low',
      status: undefined,
    });
    expect(toApiQuery({})).toMatchObject({ overdue: undefined });
    expect(countFilters({})).toBe(0);
    expect(countFilters({ q: 'a', overdue: true })).toBe(2);
  });
});
