import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { z } from 'zod';
import { personMatchOut } from '../../../../src/modules/persons/schema.ts';
import { ApiError } from '../../api/client.ts';
import type { PersonMatchResponse } from '../duplicates/types.ts';
import { findPossibleDuplicates, matchBody, matchKey, type MatchQuery } from './duplicates.ts';

/** An answer of POST /persons/match as the server sends it (checked against its schema below). */
const answer: PersonMatchResponse = {
  items: [
    {
      person: {
        id: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
        pseudonym: 'Санобар-3',
        name: 'Санобар Эргешова',
        givenName: 'Санобар',
        familyName: 'Эргешова',
        latinName: 'Sanobar Ergeshova',
        sex: 'female',
        birthDate: null,
        estimatedAge: 51,
        originRegion: 'KG-O',
        originDistrict: 'KG-O-ARAVAN',
      },
      cases: [{ id: '0b7e4d2c-9a1f-4c3e-8d5b-6a7f8e9d0c1b', number: 'KG-OSH-2026-00003' }],
      score: 0.93,
      components: {
        name: { score: 0.95, evidence: 'name:phonetic', logOdds: 3 },
        birthDate: { score: 0.6, evidence: 'birth:estimates_agree', logOdds: 1 },
        sex: { score: 1, evidence: 'sex:same', logOdds: 0.4 },
        origin: { score: 0.7, evidence: 'origin:same_region', logOdds: 0.5 },
        phone: { score: null, evidence: 'phone:unknown', logOdds: 0 },
        document: { score: null, evidence: 'document:unknown', logOdds: 0 },
        household: { score: 0.7, evidence: 'household:1_common', logOdds: 1 },
      },
      evidence: [
        'name:phonetic',
        'birth:estimates_agree',
        'sex:same',
        'origin:same_region',
        'household:1_common',
      ],
    },
  ],
  threshold: 0.5,
  weightsVersion: 'koldoo-match-2',
};

const typed: MatchQuery = {
  givenName: ' Sanobar ',
  familyName: 'Ergeshova',
  sex: 'female',
  estimatedAge: 51,
  originRegion: 'KG-O',
  languages: ['ky'],
  documentsHeld: [],
  documentsRetained: [],
  householdNames: ['Асанбай', '  '],
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the answer of POST /persons/match', () => {
  it('is typed as the server declares it', () => {
    expectTypeOf<PersonMatchResponse>().toEqualTypeOf<z.infer<typeof personMatchOut>>();
    expect(personMatchOut.parse(answer)).toEqual(answer);
  });
});

describe('findPossibleDuplicates', () => {
  it('sends the person as typed with the household named so far, and returns the matches as answered', async () => {
    const fetchMock = vi.fn(async (..._args: unknown[]) => json(200, answer));
    vi.stubGlobal('fetch', fetchMock);
    const found = await findPossibleDuplicates(typed);
    expect(found).toEqual(answer.items);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/persons/match');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ ...typed, householdNames: ['Асанбай'] });
  });

  it('fails as any call does, without trying another route (the wizard goes on and says so)', async () => {
    const fetchMock = vi.fn(async () =>
      json(404, { error: { code: 'not_found', message: 'x', details: {} } }),
    );
    vi.stubGlobal('fetch', fetchMock);
    await expect(findPossibleDuplicates(typed)).rejects.toBeInstanceOf(ApiError);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('matchBody and matchKey', () => {
  it('leaves out household names that are blank, and the list itself when none is left', () => {
    expect(matchBody(typed).householdNames).toEqual(['Асанбай']);
    expect('householdNames' in matchBody({ ...typed, householdNames: [' '] })).toBe(false);
  });

  it('changes with what the matcher compares, not with anything else', () => {
    const key = matchKey(typed);
    expect(matchKey({ ...typed, languages: ['ru'], pseudonym: 'С-1', originSettlement: 'Ош' })).toBe(key);
    expect(matchKey({ ...typed, givenName: 'sanobar' })).toBe(key);
    expect(matchKey({ ...typed, phone: '+996555111222' })).not.toBe(key);
    expect(matchKey({ ...typed, householdNames: ['Асанбай', 'Эмир'] })).not.toBe(key);
    expect(matchKey({ ...typed, documentsHeld: [{ type: 'passport', number: 'AC1' }] })).not.toBe(key);
  });
});
