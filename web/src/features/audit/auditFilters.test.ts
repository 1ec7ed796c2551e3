import { describe, expect, it } from 'vitest';
import { filtersFromParams, filtersToParams, isRangeInvalid, toApiFilters } from './auditFilters.ts';

describe('audit filters', () => {
  it('round-trips through the URL, dropping empty values', () => {
    const values = { actorId: ' u1 ', entityType: '', action: 'user.create', from: '2026-03-01', to: '' };
    const params = filtersToParams(values);
    expect(params.toString()).toBe('actorId=u1&action=user.create&from=2026-03-01');
    expect(filtersFromParams(params)).toEqual({ ...values, actorId: 'u1' });
  });

  it('turns local days into an inclusive range of instants', () => {
    const api = toApiFilters({
      actorId: '',
      entityType: 'office',
      action: '',
      from: '2026-03-01',
      to: '2026-03-01',
    });
    expect(api.entityType).toBe('office');
    expect(new Date(api.from!).getTime()).toBe(new Date(2026, 2, 1).getTime());
    expect(new Date(api.to!).getTime()).toBe(new Date(2026, 2, 2).getTime());
  });

  it('ignores malformed dates and detects reversed ranges', () => {
    expect(toApiFilters({ actorId: '', entityType: '', action: '', from: 'yesterday', to: '' })).toEqual({});
    expect(
      isRangeInvalid({ actorId: '', entityType: '', action: '', from: '2026-03-02', to: '2026-03-01' }),
    ).toBe(true);
    expect(isRangeInvalid({ actorId: '', entityType: '', action: '', from: '2026-03-01', to: '' })).toBe(
      false,
    );
  });
});
