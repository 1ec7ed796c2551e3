import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEXES } from './codes.ts';
import {
  DEFAULT_MATCH_WEIGHTS,
  DEFAULT_THRESHOLD,
  curveValue,
  documentKey,
  isProbableDuplicate,
  jaroWinkler,
  matchScore,
  matchWeightsSchema,
  nameSimilarity,
  personMatchKeys,
  phoneKey,
  type MatchComponent,
  type MatchPerson,
} from './matching.ts';

const man = (givenName: string, familyName: string, rest: Partial<MatchPerson> = {}): MatchPerson => ({
  givenName,
  familyName,
  sex: 'male',
  ...rest,
});
const woman = (givenName: string, familyName: string, rest: Partial<MatchPerson> = {}): MatchPerson => ({
  givenName,
  familyName,
  sex: 'female',
  ...rest,
});
const component = (a: MatchPerson, b: MatchPerson, c: MatchComponent) => matchScore(a, b).components[c];

describe('jaroWinkler', () => {
  it.each([
    ['martha', 'marhta', 0.9611],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.8133],
    ['asanbay', 'asanbay', 1],
    ['abc', 'xyz', 0],
    ['', 'abc', 0],
  ])('%s / %s = %d (the published examples)', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 4);
    expect(jaroWinkler(b, a)).toBe(jaroWinkler(a, b));
  });
});

describe('nameSimilarity', () => {
  it.each([
    ['Асанбай Токтогулов', 'Toktogulov Asanbaj', 1],
    // One token of two present: 1 × √(1/2).
    ['Asanbai Toktogulov', 'Асанбай', Math.SQRT1_2],
    // Equal phonetic keys, different canonical spellings.
    ['Үмөт', 'Umut', 0.95],
    // A one-letter typo in a 10-letter token: 1 − 1/11, averaged with an exact token.
    ['Asanbai Toktogulov', 'Asanbai Toktogunov', (1 + 10 / 11) / 2],
    // Soviet-style surname and uulu form share the stem: 0.92, averaged with an exact token.
    ['Бакыт Нурлан уулу', 'Bakyt Nurlanov', (1 + 0.92) / 2],
  ])('%s / %s = %d', (a, b, expected) => {
    expect(nameSimilarity(a, b)).toBeCloseTo(expected, 6);
    expect(nameSimilarity(b, a)).toBe(nameSimilarity(a, b));
  });

  it('keeps siblings and namesakes with a shared prefix apart', () => {
    expect(nameSimilarity('Асанбай Токтогулов', 'Асылбек Токтогулов')).toBeLessThan(0.86);
    expect(nameSimilarity('Айгүл Асанова', 'Айжан Асанова')).toBeLessThan(0.86);
    // Jaro–Winkler alone gives Toktogulov/Toktosunov 0.92; the edit cap brings it to 1 − 2/11.
    expect(nameSimilarity('Токтогулов', 'Токтосунов')).toBeCloseTo(9 / 11, 6);
  });

  it('is 0 when a side has no name', () => {
    expect(nameSimilarity('', 'Asanbai')).toBe(0);
  });
});

describe('components (hand-computed)', () => {
  const asanbai = man('Асанбай', 'Токтогулов');

  it('name: exact canonical, phonetic, token subset and father conflict', () => {
    expect(component(asanbai, man('Asanbaj', 'Toktogulov'), 'name')).toMatchObject({
      score: 1,
      evidence: 'name:exact_canonical',
      logOdds: 5,
    });
    expect(component(man('Үмөт', 'Абдыкадыров'), man('Umut', 'Abdykadyrov'), 'name')).toMatchObject({
      score: 0.975,
      evidence: 'name:phonetic',
    });
    expect(component(asanbai, man('Асанбай', 'Токтогулов Асанбай уулу'), 'name')).toMatchObject({
      evidence: 'name:token_subset',
    });
    const son = man('Бакыт', 'Нурлан уулу');
    const grandson = man('Нурлан', 'Бакыт уулу');
    const result = component(son, grandson, 'name');
    expect(result).toMatchObject({ score: 0.5, evidence: 'name:father_conflict' });
    expect(matchScore(son, grandson).evidence).toContain('name:exact_canonical');
  });

  it('name: the patronymic field supplies the father when the name has no uulu', () => {
    const a = man('Бакыт', 'Нурлан уулу');
    expect(matchScore(a, man('Bakyt', 'Nurlanov', { patronymic: 'Nurlanovich' })).evidence).toContain(
      'name:father_same',
    );
    expect(component(a, man('Bakyt', 'Nurlanov', { patronymic: 'Асанович' }), 'name').evidence).toBe(
      'name:father_conflict',
    );
  });

  it('name: a Latin name is an alternative spelling, and the best one counts', () => {
    const a = man('Асанбай', 'Токтогулов', { latinName: 'Asanbay Toktogulov' });
    const b = man('Asanbek', 'Toktogulov', { latinName: 'Asanbai Toktogulov' });
    expect(component(a, b, 'name').evidence).toBe('name:exact_canonical');
  });

  it('birth date: exact against exact', () => {
    const born = (birthDate: string) => man('A', 'B', { birthDate });
    const cases: [string, string, number, string][] = [
      ['1971-05-10', '1971-05-10', 1, 'birth:same_date'],
      ['1971-05-10', '1971-10-05', 0.85, 'birth:day_month_swapped'],
      ['1971-05-10', '1977-05-10', 0.75, 'birth:one_digit_differs'],
      ['1971-01-01', '1971-08-22', 0.7, 'birth:same_year_placeholder'],
      ['1971-03-14', '1971-08-22', 0.2, 'birth:same_year'],
      ['1971-03-14', '1972-08-22', 0.1, 'birth:different_date'],
      ['1971-03-14', '1985-08-22', 0, 'birth:far_apart'],
    ];
    for (const [x, y, score, evidence] of cases) {
      expect(component(born(x), born(y), 'birthDate'), `${x} / ${y}`).toMatchObject({ score, evidence });
    }
  });

  it('birth date: an estimated age becomes a range of birth dates', () => {
    // Aged 52 on 2024-03-01: born 1971-03-02 … 1972-03-01; tolerance max(2, 5.2) years.
    const estimated = man('A', 'B', { estimatedAge: 52, ageRecordedOn: '2024-03-01' });
    const born = (birthDate: string) => man('A', 'B', { birthDate });
    expect(component(estimated, born('1971-05-10'), 'birthDate').evidence).toBe(
      'birth:within_one_year_of_estimate',
    );
    expect(component(estimated, born('1970-06-01'), 'birthDate').evidence).toBe(
      'birth:within_one_year_of_estimate',
    );
    expect(component(estimated, born('1968-01-01'), 'birthDate').evidence).toBe('birth:near_estimate');
    expect(component(estimated, born('1963-01-01'), 'birthDate').evidence).toBe('birth:apart_from_estimate');
    expect(component(estimated, born('1955-01-01'), 'birthDate')).toMatchObject({
      score: 0,
      evidence: 'birth:far_from_estimate',
      logOdds: -5.5,
    });
    const later = man('A', 'B', { estimatedAge: 55, ageRecordedOn: '2026-06-01' });
    expect(component(estimated, later, 'birthDate').evidence).toBe('birth:estimates_agree');
    expect(component(estimated, man('A', 'B', { estimatedAge: 52 }), 'birthDate')).toMatchObject({
      score: null,
      evidence: 'birth:estimate_undated',
      logOdds: 0,
    });
  });

  it('sex, origin and phone', () => {
    expect(component(asanbai, woman('A', 'B'), 'sex')).toMatchObject({
      score: 0,
      evidence: 'sex:conflict',
      logOdds: -6,
    });
    expect(component(asanbai, { ...asanbai, sex: 'unknown' }, 'sex').score).toBeNull();
    const from = (originRegion?: string, originDistrict?: string) =>
      man('A', 'B', { originRegion, originDistrict });
    expect(component(from('KG-O', 'KG-O-ARAVAN'), from(undefined, 'KG-O-ARAVAN'), 'origin').evidence).toBe(
      'origin:same_district',
    );
    expect(component(from('KG-O'), from(undefined, 'KG-O-ARAVAN'), 'origin').evidence).toBe(
      'origin:same_region',
    );
    expect(component(from('KG-O', 'KG-O-UZGEN'), from('KG-O', 'KG-O-ARAVAN'), 'origin').evidence).toBe(
      'origin:different_district',
    );
    expect(component(from('KG-GO'), from('KG-O'), 'origin').evidence).toBe('origin:city_and_region');
    expect(component(from('KG-B'), from('KG-O'), 'origin')).toMatchObject({ score: 0, logOdds: -2.5 });
    expect(phoneKey('+996 555 123 456')).toBe('555123456');
    expect(phoneKey('0555-12-34-56')).toBe('555123456');
    expect(phoneKey('12')).toBeNull();
    const phone = (p: string) => man('A', 'B', { phone: p });
    expect(component(phone('+996555123456'), phone('0555 123 456'), 'phone')).toMatchObject({
      evidence: 'phone:same',
      logOdds: 4.5,
    });
    expect(component(phone('+996555123456'), phone('+79161234567'), 'phone').evidence).toBe(
      'phone:different',
    );
  });

  it('documents: Cyrillic look-alike series, missing series, placeholders', () => {
    expect(documentKey('АС 1234567')).toBe('AC1234567');
    expect(documentKey('нет')).toBeNull();
    const docs = (...documentNumbers: string[]) => man('A', 'B', { documentNumbers });
    expect(component(docs('AC1234567'), docs('ас-1234567'), 'document')).toMatchObject({
      score: 1,
      evidence: 'document:same_number',
      logOdds: 9,
    });
    expect(component(docs('AC1234567'), docs('1234567'), 'document').evidence).toBe('document:same_digits');
    expect(component(docs('AC1234567'), docs('AN7654321'), 'document').evidence).toBe('document:none_common');
    expect(component(docs('нет'), docs('AN7654321'), 'document').score).toBeNull();
  });

  it('household: members in common, by given name alone, and relatives listing each other', () => {
    const sanobar = woman('Санобар', 'Эргешова', {
      householdNames: ['Асанбай Токтогулов', 'Гүлзат', 'Бекзат'],
    });
    const same = woman('Sanobar', 'Ergeshova', {
      householdNames: ['Asanbai Toktogulov', 'Gulzat Asanbaeva'],
    });
    expect(component(sanobar, same, 'household')).toMatchObject({
      score: 0.85,
      evidence: 'household:2_common',
    });
    const husband = man('Asanbaj', 'Toktogulov', { householdNames: ['Санобар Эргешова'] });
    expect(component(sanobar, husband, 'household')).toMatchObject({
      score: 0,
      evidence: 'household:lists_other',
    });
    const stranger = woman('Sanobar', 'Ergeshova', { householdNames: ['Tamara'] });
    expect(component(sanobar, stranger, 'household').evidence).toBe('household:none_common');
  });

  it('combines components as log-odds: name and sex alone give logistic(−3.5 + 5 + 0.4)', () => {
    const result = matchScore(asanbai, man('Asanbai', 'Toktogulov'));
    expect(result.score).toBeCloseTo(1 / (1 + Math.exp(-1.9)), 10);
    expect(result.evidence).toEqual(['name:exact_canonical', 'sex:same']);
  });
});

describe('decisive and vetoing evidence', () => {
  const base = man('Асанбай', 'Токтогулов', { originRegion: 'KG-O' });

  it('a same phone or document number carries a plausible name over the threshold', () => {
    const typo = man('Asanbai', 'Toktogunov');
    expect(matchScore(man('Асанбай', 'Токтогулов'), typo).score).toBeLessThan(0.9);
    expect(
      matchScore({ ...base, phone: '+996555123456' }, { ...typo, phone: '0555123456' }).score,
    ).toBeGreaterThan(0.97);
    expect(
      matchScore({ ...base, documentNumbers: ['AC1234567'] }, { ...typo, documentNumbers: ['AC 1234567'] })
        .score,
    ).toBeGreaterThan(0.99);
  });

  it('a name match alone does not pass with a sex conflict or birth dates far apart', () => {
    expect(isProbableDuplicate(base, { ...base, sex: 'female' })).toBe(false);
    expect(
      isProbableDuplicate({ ...base, birthDate: '1971-05-10' }, { ...base, birthDate: '1990-05-10' }),
    ).toBe(false);
    expect(
      isProbableDuplicate(
        { ...base, estimatedAge: 52, ageRecordedOn: '2024-03-01' },
        { ...base, estimatedAge: 25, ageRecordedOn: '2024-06-01' },
      ),
    ).toBe(false);
    expect(isProbableDuplicate(base, { ...base, givenName: 'Asanbaj' })).toBe(true);
  });

  it('a shared phone does not merge relatives with different names', () => {
    const phone = '+996555123456';
    expect(
      isProbableDuplicate(woman('Айгүл', 'Токтогулова', { phone }), woman('Айжан', 'Токтогулова', { phone })),
    ).toBe(false);
  });
});

describe('weights are data', () => {
  it('the defaults validate and survive a JSON round trip', () => {
    expect(matchWeightsSchema.parse(JSON.parse(JSON.stringify(DEFAULT_MATCH_WEIGHTS)))).toEqual(
      DEFAULT_MATCH_WEIGHTS,
    );
    expect(DEFAULT_THRESHOLD).toBe(0.5);
  });

  it('rejects curves that do not span 0..1 or go backwards', () => {
    const bad = (curve: [number, number][]) =>
      matchWeightsSchema.safeParse({
        ...DEFAULT_MATCH_WEIGHTS,
        curves: { ...DEFAULT_MATCH_WEIGHTS.curves, sex: curve },
      }).success;
    expect(
      bad([
        [0, -6],
        [0.9, 0.4],
      ]),
    ).toBe(false);
    expect(
      bad([
        [0, -6],
        [0.5, 0],
        [0.4, 1],
        [1, 2],
      ]),
    ).toBe(false);
    expect(
      bad([
        [0, -6],
        [1, 0.4],
      ]),
    ).toBe(true);
  });

  it('interpolates curves linearly', () => {
    expect(
      curveValue(
        [
          [0, -6],
          [1, 0.4],
        ],
        0.5,
      ),
    ).toBeCloseTo(-2.8, 10);
    expect(curveValue(DEFAULT_MATCH_WEIGHTS.curves.name, 0.925)).toBeCloseTo(1.5, 10);
    expect(curveValue(DEFAULT_MATCH_WEIGHTS.curves.name, 2)).toBe(5);
  });

  it('another weight set changes the score without code changes', () => {
    const strict = { ...DEFAULT_MATCH_WEIGHTS, version: 'strict', prior: -8 };
    const a = man('Асанбай', 'Токтогулов');
    expect(matchScore(a, a, strict).score).toBeLessThan(DEFAULT_THRESHOLD);
  });
});

describe('personMatchKeys (what the database stores)', () => {
  it('derives the canonical name, tokens, phonetic keys and ranges', () => {
    expect(
      personMatchKeys({
        givenName: 'Бакыт',
        familyName: 'Нурлан уулу',
        latinName: 'Bakit Nurlan uulu',
        sex: 'male',
        estimatedAge: 30,
        ageRecordedOn: '2024-06-01',
        phone: '+996 555 123 456',
        documentNumbers: ['АС 1234567', 'нет'],
      }),
    ).toEqual({
      canonicalName: 'bakit nurlan',
      nameTokens: ['bakit', 'nurlan'],
      phoneticKeys: ['NURLAN', 'PAKIT'],
      fatherStem: 'nurlan',
      phoneKey: '555123456',
      documentKeys: ['AC1234567'],
      // Aged 30 on 2024-06-01: born 1993-06-02 … 1994-06-01, widened by max(2, 30/10) = 3 years.
      birthYears: [1990, 1997],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const NAMES = [
  'Асанбай',
  'Asanbaj',
  'Санобар',
  'Жылдыз',
  'Zhyldyz',
  'Айгүл',
  'Бакыт',
  'Нурлан уулу',
  'Ümöt',
  'Tamara',
];
const FAMILIES = [
  'Токтогулов',
  'Toktogulova',
  'Эргешова',
  'Nurlan uulu',
  'Маматова кызы',
  'Khasanov',
  'Ёкубов',
  '',
];
const isoDate = fc
  .integer({ min: Date.UTC(1940, 0, 1) / 86_400_000, max: Date.UTC(2026, 0, 1) / 86_400_000 })
  .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const personArb: fc.Arbitrary<MatchPerson> = fc.record({
  givenName: fc.constantFrom(...NAMES),
  familyName: fc.constantFrom(...FAMILIES),
  patronymic: opt(fc.constantFrom('Асанбаевич', 'Nurlan uulu', 'Бакытовна')),
  latinName: opt(fc.constantFrom('Asanbai Toktogulov', 'Sanobar Ergeshova', 'Bakyt Nurlan uulu')),
  sex: fc.constantFrom(...SEXES),
  birthDate: opt(isoDate),
  estimatedAge: opt(fc.integer({ min: 0, max: 90 })),
  ageRecordedOn: opt(isoDate),
  phone: opt(fc.constantFrom('+996555123456', '0555 123 456', '+79161234567', '12')),
  originRegion: opt(fc.constantFrom('KG-O', 'KG-J', 'KG-B', 'KG-GO')),
  originDistrict: opt(fc.constantFrom('KG-O-ARAVAN', 'KG-O-UZGEN', 'KG-B-KADAMJAY')),
  documentNumbers: opt(
    fc.array(fc.constantFrom('AC1234567', 'АС 1234567', 'AN7654321', 'нет'), { maxLength: 2 }),
  ),
  householdNames: opt(
    fc.array(fc.constantFrom('Гүлзат', 'Бекзат Асанбаев', 'Tamara', 'Асанбай Токтогулов'), { maxLength: 3 }),
  ),
});

// Any text at all in the names: the matcher must stay total and bounded on garbage too.
const wildPersonArb: fc.Arbitrary<MatchPerson> = fc.record({
  givenName: fc.string({ maxLength: 12 }),
  familyName: fc.string({ maxLength: 12 }),
  sex: fc.constantFrom(...SEXES),
  latinName: opt(fc.string({ maxLength: 12 })),
  householdNames: opt(fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 })),
  birthDate: opt(fc.oneof(isoDate, fc.string({ maxLength: 10 }))),
  estimatedAge: opt(fc.integer({ min: -5, max: 200 })),
  ageRecordedOn: opt(fc.oneof(isoDate, fc.string({ maxLength: 10 }))),
});

describe('properties', () => {
  it('is symmetric: matchScore(a, b) equals matchScore(b, a), explanation included', () => {
    fc.assert(
      fc.property(personArb, personArb, (a, b) => {
        expect(matchScore(a, b)).toEqual(matchScore(b, a));
      }),
      { numRuns: 500 },
    );
  });

  it('scores within [0, 1], also for arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(personArb, wildPersonArb), fc.oneof(personArb, wildPersonArb), (a, b) => {
        const { score } = matchScore(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(matchScore(b, a).score).toBe(score);
      }),
      { numRuns: 500 },
    );
  });

  it('scores a record against itself at or above the threshold', () => {
    fc.assert(
      fc.property(personArb, (a) => {
        expect(matchScore(a, a).score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
        expect(matchScore(a, structuredClone(a)).score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Labelled pairs: realistic registrations of the same person by different offices, and hard
// non-duplicates (relatives, namesakes). Scenarios follow DOMAIN.md's stories.

type Labelled = [label: string, a: MatchPerson, b: MatchPerson, duplicate: boolean];

const est = (estimatedAge: number, ageRecordedOn: string) => ({ estimatedAge, ageRecordedOn });
const osh = { originRegion: 'KG-O' } as const;
const aravan = { originRegion: 'KG-O', originDistrict: 'KG-O-ARAVAN' } as const;
const uzgen = { originRegion: 'KG-O', originDistrict: 'KG-O-UZGEN' } as const;
const jalalAbad = { originRegion: 'KG-J' } as const;
const batken = { originRegion: 'KG-B', originDistrict: 'KG-B-KADAMJAY' } as const;

const DUPLICATES: Labelled[] = [
  [
    'hotline Cyrillic / SWC Latin, estimate vs date, same phone',
    man('Асанбай', 'Токтогулов', { ...aravan, ...est(52, '2024-03-01'), phone: '+996555111222' }),
    man('Asanbai', 'Toktogulov', { ...osh, birthDate: '1971-05-10', phone: '0555 111 222' }),
    true,
  ],
  [
    'consulate Asanbaj with passport typed in Cyrillic',
    man('Asanbaj', 'Toktogulov', { documentNumbers: ['AC1234567'] }),
    man('Асанбай', 'Токтогулов', { ...aravan, documentNumbers: ['АС 1234567'] }),
    true,
  ],
  [
    'Sanobar, estimated age vs date of birth, same district',
    woman('Санобар', 'Эргешова', { ...aravan, ...est(51, '2024-03-01') }),
    woman('Sanobar', 'Ergeshova', { ...aravan, birthDate: '1973-02-14' }),
    true,
  ],
  [
    'Zhyldyz / Жылдыз, same date',
    woman('Жылдыз', 'Асанова', { birthDate: '1988-07-19', ...osh }),
    woman('Zhyldyz', 'Asanova', { birthDate: '1988-07-19' }),
    true,
  ],
  [
    'Djyldyz with a patronymic on one side',
    woman('Djyldyz', 'Asanova', { birthDate: '1988-07-19' }),
    woman('Жылдыз', 'Асанова', { patronymic: 'Бакытовна', birthDate: '1988-07-19', ...osh }),
    true,
  ],
  [
    'Nurlan uulu Bakyt, order swapped, estimate vs date',
    man('Бакыт', 'Нурлан уулу', { ...osh, ...est(30, '2023-06-01') }),
    man('Nurlan uulu', 'Bakyt', { ...osh, birthDate: '1993-02-02' }),
    true,
  ],
  [
    'Aigul Mamatova kyzy / Aigul Mamatova',
    woman('Айгүл', 'Маматова кызы', { birthDate: '1990-11-03' }),
    woman('Aigul', 'Mamatova', { birthDate: '1990-11-03', ...jalalAbad }),
    true,
  ],
  [
    'Ümöt / Umut with day and month swapped',
    man('Үмөт', 'Абдыкадыров', { birthDate: '1984-04-09' }),
    man('Umut', 'Abdykadyrov', { birthDate: '1984-09-04' }),
    true,
  ],
  [
    'Cholpon, same phone, no dates',
    woman('Чолпон', 'Осмонова', { phone: '+996700123456', ...batken }),
    woman('Čolpon', 'Osmonova', { phone: '+996 700 123 456' }),
    true,
  ],
  [
    'Yulduz / Iulduz, two estimates two years apart',
    woman('Юлдуз', 'Каримова', { ...est(30, '2022-04-01'), ...uzgen }),
    woman('Iulduz', 'Karimova', { ...est(32, '2024-05-01'), ...uzgen }),
    true,
  ],
  [
    'Khasanov Sherzod, family name first',
    man('Хасанов', 'Шерзод', { birthDate: '1979-12-01' }),
    man('Sherzod', 'Khasanov', { birthDate: '1979-12-01', ...osh }),
    true,
  ],
  [
    'Jokubov Rakhimjon, birth year typed one digit off',
    man('Ёкубов', 'Рахимжон', { birthDate: '1985-03-12', ...uzgen }),
    man('Rakhimjon', 'Jokubov', { birthDate: '1986-03-12', ...uzgen }),
    true,
  ],
  [
    'Sirojiddin with a Russian patronymic in the name',
    man('Сирожиддин Абдуллаевич', 'Юсупов', { birthDate: '1990-06-30' }),
    man('Sirozhiddin', 'Yusupov', { birthDate: '1990-06-30' }),
    true,
  ],
  [
    'Tamara, hotline estimate vs passport date',
    woman('Тамара', 'Осмонова', { ...jalalAbad, ...est(29, '2020-05-01') }),
    woman('Tamara', 'Osmonova', { ...jalalAbad, birthDate: '1991-01-01' }),
    true,
  ],
  [
    'Alima, household members in common',
    woman('Алима', 'Ташиева', {
      ...osh,
      ...est(32, '2020-04-01'),
      householdNames: ['Бекзат', 'Гүлзат Ташиева'],
    }),
    woman('Alima', 'Tashieva', { householdNames: ['Bekzat Tashiev', 'Gulzat'], ...osh }),
    true,
  ],
  [
    'Astra, Jalal-Abad, estimate vs date',
    woman('Астра', 'Жумабаева', { ...jalalAbad, ...est(47, '2020-09-01') }),
    woman('Astra', 'Jumabaeva', { ...jalalAbad, birthDate: '1973-05-05' }),
    true,
  ],
  [
    'one-letter typo in the family name, same date',
    man('Asanbai', 'Toktogulov', { birthDate: '1971-05-10' }),
    man('Асанбай', 'Токтогунов', { birthDate: '1971-05-10' }),
    true,
  ],
  [
    'inserted letter, estimates, same district',
    woman('Нургүл', 'Абдраимова', { ...aravan, ...est(40, '2021-01-10') }),
    woman('Nurgul', 'Abdyraimova', { ...aravan, ...est(41, '2022-02-01') }),
    true,
  ],
  [
    'Gulnara, dropped patronymic, new phone',
    woman('Гүлнара', 'Токтосунова', {
      patronymic: 'Асанбаевна',
      birthDate: '1982-08-08',
      phone: '+996555000111',
    }),
    woman('Gulnara', 'Toktosunova', { birthDate: '1982-08-08', phone: '+79031112233' }),
    true,
  ],
  [
    'Kairat, estimate two years off, same district',
    man('Кайрат', 'Бейшенбеков', { ...uzgen, ...est(35, '2024-01-15') }),
    man('Kairat', 'Beyshenbekov', { ...uzgen, birthDate: '1986-02-01' }),
    true,
  ],
  [
    'Mukhammed, passport series left out',
    man('Мухаммед', 'Алиев', { documentNumbers: ['AN 3344556'] }),
    man('Mukhammed', 'Aliev', { documentNumbers: ['3344556'], ...osh }),
    true,
  ],
  [
    'Yerlan, sex not recorded by the hotline',
    { givenName: 'Ерлан', familyName: 'Садыков', sex: 'unknown', phone: '+996777555444' },
    man('Yerlan', 'Sadykov', { phone: '0777 555 444' }),
    true,
  ],
  [
    'Mariia Kim, ICAO spelling',
    woman('Мария', 'Ким', { birthDate: '1995-12-24' }),
    woman('Mariia', 'Kim', { birthDate: '1995-12-24' }),
    true,
  ],
  [
    'Bakhtiyor, 1 January for an unknown day',
    man('Бахтиёр', 'Рахимов', { birthDate: '1988-01-01', ...osh }),
    man('Baxtiyor', 'Raximov', { birthDate: '1988-07-15', ...osh }),
    true,
  ],
  [
    'Dmitrii Tsoi',
    man('Дмитрий', 'Цой', { birthDate: '1977-03-03' }),
    man('Dmitrii', 'Tsoi', { birthDate: '1977-03-03' }),
    true,
  ],
  [
    'uulu form vs Soviet-style surname',
    man('Бакыт', 'Нурлан уулу', { birthDate: '1993-02-02' }),
    man('Bakyt', 'Nurlanov', { birthDate: '1993-02-02' }),
    true,
  ],
  [
    'kyzy form vs -ova surname, same district',
    woman('Айгүл', 'Мамат кызы', { ...aravan, birthDate: '1990-11-03' }),
    woman('Aigul', 'Mamatova', { ...aravan, birthDate: '1990-11-03' }),
    true,
  ],
  [
    'given and family name fields swapped',
    man('Токтогулов', 'Асанбай', { ...aravan }),
    man('Asanbai', 'Toktogulov', { ...aravan, ...est(50, '2022-01-01') }),
    true,
  ],
  [
    'Ismoilov / Исмаилов (Uzbek o for a), same date',
    man('Элдор', 'Исмаилов', { birthDate: '1992-10-10' }),
    man('Eldor', 'Ismoilov', { birthDate: '1992-10-10' }),
    true,
  ],
  [
    'two estimates taken three years apart',
    woman('Жылдыз', 'Токтосунова', { ...est(40, '2021-03-01'), ...batken }),
    woman('Jyldyz', 'Toktosunova', { ...est(43, '2024-03-01'), ...batken }),
    true,
  ],
  [
    'Latin name from the passport differs from the typed name',
    man('Шерзод', 'Хасанов', { latinName: 'Sherzod Xasanov', birthDate: '1979-12-01' }),
    man('Sherzot', 'Hasanov', { birthDate: '1979-12-01' }),
    true,
  ],
  [
    'Osh city vs Osh oblast, estimate vs date',
    man('Азамат', 'Бакыт уулу', { originRegion: 'KG-GO', ...est(24, '2024-02-01') }),
    man('Azamat', 'Bakyt uulu', { ...osh, birthDate: '1999-07-07' }),
    true,
  ],
  // Kept although the default weights miss it: one typo in a five-letter name (y/u are neighbours
  // on the keyboard) with nothing else recorded is indistinguishable from a neighbour's name.
  [
    'one-letter typo in a short given name, nothing else to go on',
    man('Бакыт', 'Садыков', { ...aravan }),
    man('Bakut', 'Sadykov', { ...aravan }),
    true,
  ],
  [
    'Shoira, both estimated, same phone',
    woman('Шоира', 'Юлдашева', { ...est(38, '2023-03-01'), phone: '+996550987654' }),
    woman('Shoira', 'Yuldasheva', { ...est(40, '2024-09-01'), phone: '+996550987654' }),
    true,
  ],
];

const NON_DUPLICATES: Labelled[] = [
  [
    'brothers, same surname and district, parents in both households',
    man('Асанбай', 'Токтогулов', {
      ...aravan,
      birthDate: '1971-05-10',
      householdNames: ['Токтогул Асанов', 'Бурул Асанова'],
    }),
    man('Асылбек', 'Токтогулов', {
      ...aravan,
      birthDate: '1975-08-01',
      householdNames: ['Toktogul Asanov', 'Burul Asanova'],
    }),
    false,
  ],
  [
    'sisters sharing the family phone',
    woman('Айгүл', 'Токтогулова', { ...aravan, phone: '+996555111222' }),
    woman('Айжан', 'Токтогулова', { ...aravan, phone: '+996555111222' }),
    false,
  ],
  [
    'common name Aigul Asanova, birth years 1985 and 1992',
    woman('Айгүл', 'Асанова', { ...osh, birthDate: '1985-04-04' }),
    woman('Aigul', 'Asanova', { ...osh, birthDate: '1992-09-17' }),
    false,
  ],
  [
    'common name Aigul Asanova, same year, different day',
    woman('Айгүл', 'Асанова', { ...aravan, birthDate: '1990-03-15' }),
    woman('Aigul', 'Asanova', { ...aravan, birthDate: '1990-11-02' }),
    false,
  ],
  [
    'common name, estimated 30 vs born 1975',
    woman('Айгүл', 'Асанова', { ...osh, ...est(30, '2024-01-01') }),
    woman('Aigul', 'Asanova', { ...osh, birthDate: '1975-06-06' }),
    false,
  ],
  [
    'grandfather and grandson: Bakyt Nurlan uulu / Nurlan Bakyt uulu, same phone',
    man('Бакыт', 'Нурлан уулу', { ...aravan, birthDate: '1975-01-20', phone: '+996555333444' }),
    man('Нурлан', 'Бакыт уулу', { ...aravan, birthDate: '2001-09-09', phone: '+996555333444' }),
    false,
  ],
  [
    'father and son listing each other',
    man('Бакыт', 'Нурлан уулу', { ...osh, ...est(50, '2024-01-01'), householdNames: ['Азамат Бакыт уулу'] }),
    man('Azamat', 'Bakyt uulu', { ...osh, birthDate: '2000-05-05', householdNames: ['Bakyt Nurlan uulu'] }),
    false,
  ],
  [
    'father and son, no dates, same phone and district',
    man('Бакыт', 'Нурлан уулу', { ...aravan, phone: '+996555333444' }),
    man('Nurlan', 'Bakyt uulu', { ...aravan, phone: '0555 333 444' }),
    false,
  ],
  [
    'mother and daughter sharing a phone',
    woman('Санобар', 'Эргешова', { ...aravan, phone: '+996555777888' }),
    woman('Гүлзат', 'Эргешова', { ...aravan, phone: '+996555777888' }),
    false,
  ],
  [
    'husband and wife in one household',
    man('Асанбай', 'Токтогулов', { ...aravan, phone: '+996555111222', householdNames: ['Санобар Эргешова'] }),
    woman('Sanobar', 'Toktogulova', {
      ...aravan,
      phone: '+996555111222',
      householdNames: ['Asanbai Toktogulov'],
    }),
    false,
  ],
  [
    'namesakes from different regions',
    man('Бакыт', 'Асанов', { originRegion: 'KG-O' }),
    man('Bakyt', 'Asanov', { originRegion: 'KG-C' }),
    false,
  ],
  [
    'cousins Toktogulov / Toktosunov, different years',
    man('Асанбай', 'Токтогулов', { ...aravan, birthDate: '1971-05-10' }),
    man('Asanbai', 'Toktosunov', { ...aravan, birthDate: '1980-02-02' }),
    false,
  ],
  [
    'same name, dates two years apart',
    man('Мухаммед', 'Алиев', { birthDate: '1980-04-04' }),
    man('Mukhammed', 'Aliev', { birthDate: '1982-01-30' }),
    false,
  ],
  [
    'brothers Nurlan and Nurbek, close estimates, parents in common',
    man('Нурлан', 'Асанов', {
      ...uzgen,
      ...est(30, '2023-01-01'),
      householdNames: ['Асан Мамытов', 'Бурул Асанова'],
    }),
    man('Nurbek', 'Asanov', {
      ...uzgen,
      ...est(28, '2023-01-01'),
      householdNames: ['Asan Mamytov', 'Burul Asanova'],
    }),
    false,
  ],
  [
    'twins Hasan and Husein',
    man('Хасан', 'Хасанов', {
      ...osh,
      birthDate: '1995-05-05',
      householdNames: ['Зарина Хасанова', 'Рустам Хасанов'],
    }),
    man('Husein', 'Khasanov', {
      ...osh,
      birthDate: '1995-05-05',
      householdNames: ['Zarina Khasanova', 'Rustam Khasanov'],
    }),
    false,
  ],
  [
    'Bakyt Asanova (f) and Bakyt Asanov (m)',
    woman('Бакыт', 'Асанова', { ...osh }),
    man('Bakyt', 'Asanov', { ...osh }),
    false,
  ],
  [
    'two Aigul Asanova, estimated 25 and 45',
    woman('Айгүл', 'Асанова', { ...est(25, '2024-01-01') }),
    woman('Aigul', 'Asanova', { ...est(45, '2024-01-01') }),
    false,
  ],
  [
    'neighbours Bakyt Toktogulov / Bakyt Toktosunov, no dates',
    man('Бакыт', 'Токтогулов', { ...aravan }),
    man('Bakyt', 'Toktosunov', { ...aravan }),
    false,
  ],
  [
    'Sherzod and Sherali Khasanov, close estimates',
    man('Шерзод', 'Хасанов', { ...uzgen, ...est(33, '2023-01-01') }),
    man('Sherali', 'Khasanov', { ...uzgen, ...est(31, '2023-06-01') }),
    false,
  ],
  [
    'mother and namesake daughter',
    woman('Гүлнара', 'Токтосунова', { ...est(45, '2024-01-01'), ...batken }),
    woman('Gulnara', 'Toktosunova', { birthDate: '2005-03-03', ...batken }),
    false,
  ],
  [
    'grandfather and namesake grandson',
    man('Асанбай', 'Токтогулов', { birthDate: '1950-01-01', ...aravan }),
    man('Asanbai', 'Toktogulov', { birthDate: '2005-10-10', ...aravan }),
    false,
  ],
  [
    'same name, different passports and birth years',
    man('Мухаммед', 'Алиев', { documentNumbers: ['AN1111111'], birthDate: '1980-01-01' }),
    man('Mukhammed', 'Aliev', { documentNumbers: ['AN2222222'], birthDate: '1992-06-06' }),
    false,
  ],
  [
    'Marat and Murat Toktogulov, brothers with dates',
    man('Марат', 'Токтогулов', { ...aravan, birthDate: '1985-02-02' }),
    man('Murat', 'Toktogulov', { ...aravan, birthDate: '1988-07-07' }),
    false,
  ],
  [
    'Aibek and Aibike, twins of different sex',
    man('Айбек', 'Садыков', { birthDate: '2000-01-15', ...osh }),
    woman('Aibike', 'Sadykova', { birthDate: '2000-01-15', ...osh }),
    false,
  ],
  [
    'Azamat and Azat, cousins in one village',
    man('Азамат', 'Жумабаев', { ...aravan, ...est(27, '2022-01-01') }),
    man('Azat', 'Jumabaev', { ...aravan, ...est(26, '2022-01-01') }),
    false,
  ],
  [
    "friend calling from a migrant's phone",
    man('Асанбай', 'Токтогулов', { phone: '+79161234567' }),
    man('Tilek', 'Osmonov', { phone: '+7 916 123 45 67' }),
    false,
  ],
  [
    'same surname, sisters Jyldyz and Janyl, same district',
    woman('Жылдыз', 'Асанова', { ...batken, ...est(35, '2024-01-01') }),
    woman('Janyl', 'Asanova', { ...batken, ...est(33, '2024-01-01') }),
    false,
  ],
  [
    'Gulnara and Gulzat Toktosunova, sisters sharing a phone',
    woman('Гүлнара', 'Токтосунова', { phone: '+996555000111' }),
    woman('Gulzat', 'Toktosunova', { phone: '+996555000111' }),
    false,
  ],
  [
    'Bakyt uulu brothers Azamat and Aziz',
    man('Азамат', 'Бакыт уулу', { ...osh, birthDate: '1999-07-07' }),
    man('Aziz', 'Bakyt uulu', { ...osh, birthDate: '2003-03-03' }),
    false,
  ],
  [
    'two Sanobar from different districts and ages',
    woman('Санобар', 'Эргешова', { ...aravan, ...est(51, '2024-03-01') }),
    woman('Sanobar', 'Ergeshova', { ...batken, ...est(28, '2024-03-01') }),
    false,
  ],
];

describe('labelled pairs', () => {
  it('has about 60 pairs, both kinds', () => {
    expect(DUPLICATES.length).toBeGreaterThanOrEqual(30);
    expect(NON_DUPLICATES.length).toBeGreaterThanOrEqual(30);
  });

  it(`reaches precision ≥ 0.97 and recall ≥ 0.95 at the default threshold ${DEFAULT_THRESHOLD}`, () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const [label, a, b, duplicate] of [...DUPLICATES, ...NON_DUPLICATES]) {
      const result = matchScore(a, b);
      const predicted = result.score >= DEFAULT_THRESHOLD;
      if (predicted && duplicate) tp++;
      if (predicted && !duplicate) fp++;
      if (!predicted && duplicate) fn++;
      if (predicted !== duplicate)
        misses.push(`${label}: ${result.score.toFixed(3)} ${result.evidence.join(' ')}`);
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `matching: ${DUPLICATES.length} duplicates, ${NON_DUPLICATES.length} non-duplicates; ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} at threshold ${DEFAULT_THRESHOLD}` +
        (misses.length > 0 ? `\nmisclassified:\n  ${misses.join('\n  ')}` : ''),
    );
    expect(precision).toBeGreaterThanOrEqual(0.97);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
