import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CALL_CHANNELS,
  CALL_OUTCOMES,
  CALL_TOPICS,
  CASE_STATUSES,
  CASE_TYPES,
  CONSENT_SCOPES,
  DOCUMENT_TYPES,
  EPISODE_FACTS,
  FOLLOWUP_KINDS,
  HOUSEHOLD_RELATIONSHIPS,
  INTAKE_CHANNELS,
  RECRUITER_RELATIONSHIPS,
  RISK_LEVELS,
  SECTORS,
  SEXES,
  URGENCIES,
  WHEREABOUTS,
} from '../cases/codes.ts';
import { daysBetween } from './WorkPanel.tsx';

const i18nDir = join(import.meta.dirname, '..', '..', 'i18n');

describe('worklist dates', () => {
  it('counts whole days between two calendar days', () => {
    expect(daysBetween('2026-03-01', '2026-03-15')).toBe(14);
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
    expect(daysBetween('2026-03-29', '2026-03-28')).toBe(-1);
  });
});

describe('labels of the intake, hotline and work code lists', () => {
  const lists: [string, string, readonly string[]][] = [
    ['intake', 'caseTypes', CASE_TYPES],
    ['intake', 'channels', INTAKE_CHANNELS],
    ['intake', 'sexes', SEXES],
    ['intake', 'relationships', HOUSEHOLD_RELATIONSHIPS],
    ['intake', 'whereabouts', WHEREABOUTS],
    ['intake', 'sectors', SECTORS],
    ['intake', 'recruiters', RECRUITER_RELATIONSHIPS],
    ['intake', 'facts', EPISODE_FACTS],
    ['intake', 'consentScopes', CONSENT_SCOPES],
    ['intake', 'documentTypes', DOCUMENT_TYPES],
    ['intake', 'steps', ['person', 'household', 'episode', 'consent']],
    ['hotline', 'channels', CALL_CHANNELS],
    ['hotline', 'topics', CALL_TOPICS],
    ['hotline', 'urgencies', URGENCIES],
    ['hotline', 'outcomes', CALL_OUTCOMES],
    ['work', 'statuses', CASE_STATUSES],
    ['work', 'risks', RISK_LEVELS],
    ['work', 'followupKinds', FOLLOWUP_KINDS],
  ];
  it.each(['en', 'ru', 'ky'])('%s has a label for every code', (lng) => {
    const missing: string[] = [];
    for (const [area, group, codes] of lists) {
      const file = JSON.parse(readFileSync(join(i18nDir, lng, `${area}.json`), 'utf8')) as Record<
        string,
        Record<string, Record<string, string>>
      >;
      for (const code of codes) if (!file[area]?.[group]?.[code]) missing.push(`${area}.${group}.${code}`);
    }
    expect(missing).toEqual([]);
  });
});
