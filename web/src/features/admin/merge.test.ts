import { describe, expect, it } from 'vitest';
import { mergeLatest } from './merge.ts';

describe('merging a stale form with the latest version', () => {
  const base = { name: 'Legal aid', phone: '', regions: ['KG-O'], active: true };

  it('keeps my edits and takes the fields only they changed', () => {
    const mine = { ...base, name: 'Legal aid for migrants' };
    const theirs = { ...base, phone: '+996555123456', regions: ['KG-O', 'KG-J'] };
    expect(mergeLatest(base, mine, theirs)).toEqual({
      values: {
        name: 'Legal aid for migrants',
        phone: '+996555123456',
        regions: ['KG-O', 'KG-J'],
        active: true,
      },
      theirChanges: ['phone', 'regions'],
      clashes: [],
    });
  });

  it('reports a clash when both changed a field differently, and keeps mine', () => {
    const mine = { ...base, active: false, name: 'Mine' };
    const theirs = { ...base, active: false, name: 'Theirs' };
    const merged = mergeLatest(base, mine, theirs);
    expect(merged.values.name).toBe('Mine');
    expect(merged.theirChanges).toEqual(['name', 'active']);
    expect(merged.clashes).toEqual(['name']);
  });

  it('changes nothing when the other save touched nothing the form shows', () => {
    expect(mergeLatest(base, base, { ...base })).toEqual({ values: base, theirChanges: [], clashes: [] });
  });
});
