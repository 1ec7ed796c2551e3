import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  CATALOGUE_DEFAULT_ITEM_CODES,
  ILO_INDICATOR_CODES,
  ILO_INDICATOR_WEIGHT,
  INTAKE_CHANNELS,
  RECRUITER_RELATIONSHIPS,
  SERVICE_KINDS,
  caseStatusSchema,
  iloIndicatorCodeSchema,
  sexSchema,
} from './codes.ts';

describe('ILO indicators', () => {
  it('has the 11 indicators, each weighted', () => {
    expect(ILO_INDICATOR_CODES).toHaveLength(11);
    expect(Object.keys(ILO_INDICATOR_WEIGHT).sort()).toEqual([...ILO_INDICATOR_CODES].sort());
  });

  it('weights five indicators strong and six medium, as DOMAIN.md does', () => {
    const strong = ILO_INDICATOR_CODES.filter((c) => ILO_INDICATOR_WEIGHT[c] === 'strong');
    expect(strong).toEqual([
      'restriction_of_movement',
      'physical_sexual_violence',
      'intimidation_threats',
      'retention_of_documents',
      'debt_bondage',
    ]);
  });
});

describe('code lists', () => {
  it.each([
    ['case statuses', CASE_STATUSES, 6],
    ['intake channels', INTAKE_CHANNELS, 7],
    ['recruiter relationships', RECRUITER_RELATIONSHIPS, 10],
    ['service kinds', SERVICE_KINDS, 8],
    ['catalogue items', CATALOGUE_DEFAULT_ITEM_CODES, 13],
  ])('%s are distinct', (_name, list, length) => {
    expect(new Set(list).size).toBe(length);
  });

  it('schemas accept listed codes and reject others', () => {
    expect(caseStatusSchema.parse('monitoring')).toBe('monitoring');
    expect(caseStatusSchema.safeParse('Monitoring').success).toBe(false);
    expect(iloIndicatorCodeSchema.safeParse('debt_bondage').success).toBe(true);
    expect(sexSchema.safeParse('').success).toBe(false);
  });
});
