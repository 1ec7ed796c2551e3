/** Test helpers for the tests that register persons through cases (persons, duplicates). */
import { expect } from 'vitest';
import type { Client } from '../../../test/helpers/harness.ts';

/** A case as the tests keep it. */
export interface Opened {
  id: string;
  personId: string;
  number: string;
  version: number;
}

/** Opens a case for a new person (any person fields), expecting 201. */
export async function openCase(
  client: Client,
  person: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<Opened> {
  const res = await client.post('/api/v1/cases', {
    person,
    type: 'trafficking_survivor',
    intakeChannel: 'hotline',
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.case as Opened;
}

/** A man of Osh oblast with any further fields (`sex: 'female'` among them makes a woman). */
export const man = (givenName: string, familyName: string, rest: Record<string, unknown> = {}) => ({
  givenName,
  familyName,
  sex: 'male',
  originRegion: 'KG-O',
  ...rest,
});
