/**
 * The household recorded at intake: a spouse, children (often left with grandparents while the
 * parents work abroad), parents, and for family-reunification cases a child still abroad.
 */
import { ageAt } from '../domain/dates.ts';
import type { Batch } from './batch.ts';
import type { Identity } from './identity.ts';
import { FEMALE_NAMES, MALE_NAMES } from './names.ts';
import { DESTINATION_CITIES } from './places.ts';
import { KIND, type Rng, type SeedKey, generatedId } from './prng.ts';
import type { Profile } from './story.ts';

type Member = Omit<Parameters<Batch['household']['push']>[0], 'id' | 'caseId' | 'createdAt' | 'updatedAt'>;

const nameOf = (rng: Rng, who: Identity, sex: 'male' | 'female') =>
  rng.pick((sex === 'male' ? MALE_NAMES : FEMALE_NAMES)[who.ethnicity]);

/** Adds the household members of a new case. */
export function addHousehold(
  b: Batch,
  rng: Rng,
  c: {
    caseId: string;
    key: SeedKey;
    index: number;
    sub: number;
    who: Identity;
    openedOn: string;
    profile: Profile;
    at: Date;
  },
): void {
  const age = ageAt(c.who.birthDate, c.openedOn);
  const members: Member[] = [];
  const base = {
    country: null,
    withWhom: null,
    caresForChildren: false,
    linkedPersonId: null,
    linkedCaseId: null,
  };
  if (age >= 21 && rng.chance(0.72)) {
    const sex = c.who.sex === 'male' ? 'female' : 'male';
    const abroad = rng.chance(0.25);
    members.push({
      ...base,
      name: `${nameOf(rng, c.who, sex)} ${c.who.familyName}`,
      relationship: 'spouse',
      sex,
      age: age + rng.int(-6, 4),
      whereNow: abroad ? 'abroad' : 'home',
      country: abroad ? 'RU' : null,
    });
  }
  const children = age >= 22 ? rng.int(0, Math.min(6, Math.floor((age - 18) / 3))) : 0;
  for (let k = 0; k < children; k++) {
    const sex = rng.chance(0.5) ? 'male' : 'female';
    const childAge = Math.max(0, Math.min(age - 18, rng.int(0, 20)));
    const abroad = c.profile === 'family' && k === 0;
    members.push({
      ...base,
      name: nameOf(rng, c.who, sex),
      relationship: 'child',
      sex,
      age: childAge,
      whereNow: abroad ? 'abroad' : 'home',
      country: abroad ? 'RU' : null,
      withWhom: abroad
        ? `${rng.pick(['Сестра', 'Брат', 'Тётя'])} ${nameOf(rng, c.who, 'female')}, ${rng.pick(Object.keys(DESTINATION_CITIES.RU))}`
        : null,
    });
  }
  if (rng.chance(0.3)) {
    const sex = rng.chance(0.6) ? 'female' : 'male';
    members.push({
      ...base,
      name: nameOf(rng, c.who, sex),
      relationship: 'parent',
      sex,
      age: Math.min(95, age + rng.int(20, 32)),
      whereNow: 'home',
      caresForChildren: children > 0,
    });
  }
  for (const [m, member] of members.entries()) {
    b.household.push({
      ...member,
      id: generatedId(c.key, KIND.household, c.index, c.sub, m),
      caseId: c.caseId,
      createdAt: c.at,
      updatedAt: c.at,
    });
  }
}
