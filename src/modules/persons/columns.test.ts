import { expect, it } from 'vitest';
import { shownPersonColumns } from './columns.ts';
import { personOut } from './schema.ts';

it('selects exactly the fields a person is shown with, no more (the match keys stay in the database)', () => {
  expect(Object.keys(shownPersonColumns).sort()).toEqual(Object.keys(personOut.shape).sort());
});
