import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/harness.ts';
import { newId } from './ids.ts';

const VERSION_7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('makes version 7 UUIDs that sort in the order they were made, as PostgreSQL compares them', async () => {
    const first = Array.from({ length: 1000 }, newId);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = newId();
    for (const id of [...first, later]) expect(id).toMatch(VERSION_7);
    expect(new Set(first).size).toBe(first.length);
    // uuid's byte order is its text's order in lower-case hex.
    expect([...first].sort()).toEqual(first);
    expect(later > first.at(-1)!).toBe(true);
  });
});

describeEachEngine('row ids', (h) => {
  it('gives a case, its new person, household and episode time-ordered ids', async () => {
    const cw = await h().as('caseworker');
    const opened = await cw.post('/api/v1/cases', {
      person: { givenName: 'Айгул', familyName: 'Сыдыкова', sex: 'female', estimatedAge: 30 },
      type: 'returnee_reintegration',
      intakeChannel: 'iom_office',
      household: [{ name: 'Айгерим', relationship: 'child', sex: 'female', age: 9, whereNow: 'home' }],
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const c = opened.body.case as { id: string; personId: string; household: { id: string }[] };
    const episode = await cw.post(`/api/v1/cases/${c.id}/episodes`, {
      destinationCountry: 'RU',
      returnedOn: '2025-11-28',
      facts: {},
    });
    expect(episode.status, JSON.stringify(episode.body)).toBe(201);
    for (const id of [c.id, c.personId, ...c.household.map((m) => m.id), episode.body.episode.id])
      expect(id).toMatch(VERSION_7);
  });
});
