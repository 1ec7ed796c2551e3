import { afterEach, describe, expect, it, vi } from 'vitest';
import { findPossibleDuplicates, matchesFrom, resetMatchDetection, toPossibleMatch } from './duplicates.ts';

const person = {
  id: 'p1',
  givenName: 'Санобар',
  familyName: 'Эргешова',
  patronymic: null,
  latinName: 'Sanobar Ergeshova',
  pseudonym: 'Санобар-3',
  birthDate: null,
  estimatedAge: 51,
  originRegion: 'KG-O',
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  resetMatchDetection();
});

describe('possible matches', () => {
  it('reads a person, and a `{ person, score, reasons }` match', () => {
    expect(toPossibleMatch(person)).toEqual({
      id: 'p1',
      pseudonym: 'Санобар-3',
      name: 'Эргешова Санобар',
      familyName: 'Эргешова',
      birthDate: null,
      estimatedAge: 51,
      originRegion: 'KG-O',
      reasons: [],
    });
    expect(
      toPossibleMatch({ person, score: 0.9, reasons: ['same family name', { code: 'phone' }] })?.reasons,
    ).toEqual(['same family name', 'phone']);
    expect(toPossibleMatch({ nope: true })).toBeNull();
  });

  it('accepts items, matches, candidates or a bare array, without duplicates', () => {
    expect(matchesFrom({ items: [person, person] })).toHaveLength(1);
    expect(matchesFrom({ matches: [{ person }] })).toHaveLength(1);
    expect(matchesFrom({ candidates: [person] })).toHaveLength(1);
    expect(matchesFrom([person])).toHaveLength(1);
    expect(matchesFrom(undefined)).toEqual([]);
  });
});

describe('findPossibleDuplicates', () => {
  it('uses POST /persons/match when the server has it', async () => {
    const fetchMock = vi.fn(async (..._args: unknown[]) => json(200, { matches: [{ person, score: 0.8 }] }));
    vi.stubGlobal('fetch', fetchMock);
    const found = await findPossibleDuplicates({
      givenName: 'Санобар',
      familyName: 'Эргешова',
      birthDate: '',
    });
    expect(found.map((m) => m.id)).toEqual(['p1']);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/persons/match');
    expect(JSON.parse(String(init.body))).toEqual({ givenName: 'Санобар', familyName: 'Эргешова' });
  });

  it('falls back to the search on 404, and remembers that the route is missing', async () => {
    const fetchMock = vi.fn(async (url: unknown) =>
      String(url).includes('/persons/match')
        ? json(404, { error: { code: 'not_found', message: 'No route' } })
        : json(200, { items: [person], nextCursor: null }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const q = { givenName: 'Санобар', familyName: ' Эргешова ' };
    expect((await findPossibleDuplicates(q)).map((m) => m.id)).toEqual(['p1']);
    expect(String(fetchMock.mock.calls[1]?.[0])).toBe(
      `/api/v1/persons?q=${encodeURIComponent('Эргешова')}&limit=10`,
    );
    await findPossibleDuplicates(q);
    expect(fetchMock.mock.calls.filter(([u]) => String(u).includes('/persons/match'))).toHaveLength(1);
  });

  it('lets other failures through (the wizard offers to retry)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(500, { error: { code: 'internal', message: 'x' } })),
    );
    await expect(findPossibleDuplicates({ givenName: 'a', familyName: 'b' })).rejects.toMatchObject({
      status: 500,
    });
  });
});
