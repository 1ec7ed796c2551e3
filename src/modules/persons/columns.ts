import { persons } from '../../db/schema/index.ts';

/**
 * The columns a person is shown with (personOut). Reads that only show persons select these, so
 * the match keys, derived from names and document numbers, and the merge bookkeeping stay in the
 * database, and a page of persons is a third fewer values to carry, parse and strip.
 */
export const shownPersonColumns = {
  id: persons.id,
  givenName: persons.givenName,
  familyName: persons.familyName,
  patronymic: persons.patronymic,
  latinName: persons.latinName,
  pseudonym: persons.pseudonym,
  sex: persons.sex,
  birthDate: persons.birthDate,
  estimatedAge: persons.estimatedAge,
  ageRecordedOn: persons.ageRecordedOn,
  citizenship: persons.citizenship,
  phone: persons.phone,
  originRegion: persons.originRegion,
  originDistrict: persons.originDistrict,
  originSettlement: persons.originSettlement,
  languages: persons.languages,
  documentsHeld: persons.documentsHeld,
  documentsRetained: persons.documentsRetained,
  officeId: persons.officeId,
  version: persons.version,
  createdAt: persons.createdAt,
  updatedAt: persons.updatedAt,
};
