import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from './codes.ts';
import {
  EMPTY_EPISODE,
  EMPTY_ITEM,
  EMPTY_MEMBER,
  cleanGoals,
  domvBody,
  episodeBody,
  episodePatch,
  episodeToForm,
  itemBody,
  itemPatch,
  memberBody,
  memberPatch,
  moveNeed,
  personPatch,
  personToForm,
  rssBody,
  suggestRiskLevel,
  validateEpisode,
  validateGoals,
  validateItem,
  validateMember,
  validatePerson,
  validateRss,
} from './forms.ts';
import type { Episode, Person } from './types.ts';

const person: Person = {
  id: 'p1',
  givenName: 'Санобар',
  familyName: 'Эргешова',
  patronymic: null,
  latinName: 'Sanobar Ergeshova',
  pseudonym: 'Санобар-3',
  sex: 'female',
  birthDate: null,
  estimatedAge: 51,
  ageRecordedOn: '2026-01-01',
  citizenship: 'KG',
  phone: null,
  originRegion: 'KG-O',
  originDistrict: 'KG-O-ARAVAN',
  originSettlement: null,
  languages: ['ky', 'uz'],
  documentsHeld: [],
  documentsRetained: [{ type: 'passport', heldBy: 'employer' }],
  officeId: 'o1',
  version: 3,
};

describe('person form', () => {
  it('sends only what changed, with the version read', () => {
    const base = personToForm(person);
    const typed = { ...base, phone: '+996 772 401 122', languages: 'ky, uz, ru', documentsRetained: [] };
    expect(personPatch(base, typed, 3)).toEqual({
      version: 3,
      phone: '+996772401122',
      languages: ['ky', 'uz', 'ru'],
      documentsRetained: [],
    });
  });

  it('sends the region with a changed district, which the API checks against it', () => {
    const base = personToForm(person);
    expect(personPatch(base, { ...base, originDistrict: 'KG-O-KARA-SUU' }, 3)).toMatchObject({
      originDistrict: 'KG-O-KARA-SUU',
      originRegion: 'KG-O',
    });
  });

  it('checks as the user types, and refuses emptying a recorded optional field', () => {
    const base = personToForm(person);
    expect(validatePerson(base, base)).toEqual({});
    const typed = {
      ...base,
      givenName: ' ',
      estimatedAge: '151',
      pseudonym: '',
      originDistrict: 'KG-B-BATKEN',
    };
    expect(validatePerson(typed, base)).toEqual({
      givenName: { key: 'cases.v.required' },
      estimatedAge: { key: 'cases.v.range', values: { min: 0, max: 120 } },
      pseudonym: { key: 'cases.v.cannotClear' },
      originDistrict: { key: 'cases.v.districtRegion' },
    });
  });
});

describe('household member form', () => {
  it('leaves empty optional fields out and patches only changes', () => {
    const typed = { ...EMPTY_MEMBER, name: ' Эмир ', age: '2', whereNow: 'abroad', country: 'ru' };
    expect(memberBody(typed)).toEqual({
      name: 'Эмир',
      relationship: 'child',
      age: 2,
      whereNow: 'abroad',
      country: 'RU',
      caresForChildren: false,
    });
    expect(memberPatch(typed, { ...typed, whereNow: 'home' }, 4)).toEqual({ version: 4, whereNow: 'home' });
    expect(validateMember({ ...typed, country: '' }, typed)).toEqual({
      country: { key: 'cases.v.cannotClear' },
    });
    expect(validateMember({ ...EMPTY_MEMBER }, undefined)).toEqual({ name: { key: 'cases.v.required' } });
  });
});

describe('episode form', () => {
  const stored: Episode = {
    id: 'e1',
    personId: 'p1',
    caseId: 'c1',
    destinationCountry: 'RU',
    destinationCity: 'Саратов',
    departedOn: '2025-04-10',
    returnedOn: '2026-01-28',
    sector: 'agriculture',
    recruitedHow: null,
    recruiterRelationship: 'same_village',
    facts: { documentsTaken: true, wagesUnpaid: true, violence: false },
    wagesUnpaidMinor: 32000000,
    wagesUnpaidAmount: '320000.00',
    wagesUnpaidCurrency: 'RUB',
    notes: null,
    version: 2,
  };

  it('creates with only the filled fields and the facts reported true', () => {
    const typed = {
      ...EMPTY_EPISODE,
      destinationCity: ' Москва ',
      facts: { deceived: true, isolation: false },
    };
    expect(episodeBody(typed)).toEqual({
      destinationCountry: 'RU',
      destinationCity: 'Москва',
      facts: { deceived: true },
    });
  });

  it('patches changes, clears emptied fields with null and sends the amount with its currency', () => {
    const base = episodeToForm(stored);
    expect(base.facts).toEqual({ documentsTaken: true, wagesUnpaid: true });
    const typed = {
      ...base,
      destinationCity: '',
      wagesUnpaidAmount: '300 000',
      facts: { ...base.facts, abusiveConditions: true },
    };
    expect(episodePatch(base, typed, 2)).toEqual({
      version: 2,
      destinationCity: null,
      facts: { documentsTaken: true, wagesUnpaid: true, abusiveConditions: true },
      wagesUnpaidAmount: '300000',
      wagesUnpaidCurrency: 'RUB',
    });
  });

  it('checks dates, and amount and currency as a pair', () => {
    const typed = {
      ...EMPTY_EPISODE,
      departedOn: '2026-03-01',
      returnedOn: '2026-02-01',
      wagesUnpaidAmount: '12,5',
    };
    expect(validateEpisode(typed, '2026-06-01')).toEqual({
      returnedOn: { key: 'cases.v.returnBeforeDeparture' },
      wagesUnpaidCurrency: { key: 'cases.v.currencyNeedsAmount' },
    });
    expect(
      validateEpisode(
        { ...EMPTY_EPISODE, wagesUnpaidCurrency: 'RUB', returnedOn: '2027-01-01' },
        '2026-06-01',
      ),
    ).toEqual({
      returnedOn: { key: 'cases.v.future' },
      wagesUnpaidAmount: { key: 'cases.v.amountNeedsCurrency' },
    });
  });
});

describe('RSS form', () => {
  it('needs a date and at least one allowed answer', () => {
    expect(validateRss({ takenOn: '', answers: {} }, '2026-06-01')).toEqual({
      takenOn: { key: 'cases.v.required' },
      answers: { key: 'cases.v.oneAnswer' },
    });
    expect(validateRss({ takenOn: '2026-05-01', answers: { debt: 0.5 } }, '2026-06-01')).toEqual({
      answers: { key: 'cases.v.oneAnswer' },
    });
    expect(validateRss({ takenOn: '2026-05-01', answers: { debt: 0.33 } }, '2026-06-01')).toEqual({});
  });

  it('sends the interchange shape of DOMAIN.md, unanswered questions left out', () => {
    expect(
      rssBody(
        { takenOn: '2026-03-01', answers: { income_sources: 0.67, housing: 1, debt: undefined } },
        'koldoo-rss-1',
      ),
    ).toEqual({
      instrument: 'koldoo-rss-1',
      takenOn: '2026-03-01',
      answers: { income_sources: 0.67, housing: 1 },
    });
  });
});

describe('DoMV form', () => {
  const row = (kind: 'risk' | 'protective', immediateDanger = false) => ({
    key: 1,
    level: 'household' as const,
    kind,
    code: '',
    note: '',
    immediateDanger,
  });

  it('suggests the level exactly as DOMAIN.md states it', () => {
    expect(suggestRiskLevel([])).toBe('low');
    expect(suggestRiskLevel([row('risk'), row('protective')])).toBe('low');
    expect(suggestRiskLevel([row('risk')])).toBe('medium');
    expect(suggestRiskLevel([row('risk'), row('risk')])).toBe('medium');
    expect(suggestRiskLevel([row('risk'), row('risk'), row('risk')])).toBe('high');
    expect(suggestRiskLevel([row('protective'), row('risk', true)])).toBe('critical');
    expect(suggestRiskLevel([row('protective', true)])).toBe('low');
  });

  it('sends factors without empty parts, and the level only when chosen', () => {
    expect(
      domvBody('2026-03-01', [{ ...row('protective', true), code: 'income', note: ' x ' }], '', ''),
    ).toEqual({
      takenOn: '2026-03-01',
      factors: [{ level: 'household', kind: 'protective', code: 'income', note: 'x' }],
    });
    expect(domvBody('2026-03-01', [], 'high', 'n')).toMatchObject({ riskLevel: 'high', note: 'n' });
  });
});

describe('plan forms', () => {
  it('needs a price only when the catalogue has none', () => {
    const typed = { ...EMPTY_ITEM, catalogueCode: 'livestock', quantity: '2' };
    expect(validateItem(typed, false)).toEqual({ unitCost: { key: 'cases.v.required' } });
    expect(validateItem(typed, true)).toEqual({});
    expect(validateItem({ ...typed, unitCost: '0' }, true)).toEqual({
      unitCost: { key: 'cases.v.amountPositive' },
    });
    expect(validateItem({ ...typed, quantity: '0' }, true)).toEqual({
      quantity: { key: 'cases.v.range', values: { min: 1, max: 10000 } },
    });
  });

  it('asks for the summary and activity once a business plan is started', () => {
    const typed = { ...EMPTY_ITEM, catalogueCode: 'business_grant', unitCost: '50000', bpIncome: '8000' };
    expect(validateItem(typed, false)).toEqual({
      bpSummary: { key: 'cases.v.required' },
      bpActivity: { key: 'cases.v.required' },
    });
  });

  it('builds the propose and edit bodies', () => {
    const typed = {
      ...EMPTY_ITEM,
      catalogueCode: 'sewing_equipment',
      quantity: '3',
      unitCost: '18 000',
      supplier: ' Тигүү-Сервис ',
    };
    expect(itemBody(typed)).toEqual({
      catalogueCode: 'sewing_equipment',
      quantity: 3,
      unitCost: '18000',
      supplier: 'Тигүү-Сервис',
    });
    expect(itemBody({ ...typed, unitCost: '' })).not.toHaveProperty('unitCost');
    expect(itemPatch({ ...typed, supplier: '' }, 2)).toEqual({
      version: 2,
      quantity: 3,
      description: null,
      supplier: null,
      unitCost: '18000',
    });
  });

  it('cleans and bounds the goals', () => {
    expect(cleanGoals([' a ', '', 'b'])).toEqual(['a', 'b']);
    expect(validateGoals(['x'.repeat(501)])).toEqual({
      goals: { key: 'cases.v.tooLong', values: { max: 500 } },
    });
  });
});

describe('workflow moves', () => {
  it('asks for a closure reason to close, a note to go back or reopen, and nothing to go forward', () => {
    expect(moveNeed('open', 'assessment', CASE_STATUSES)).toBe('nothing');
    expect(moveNeed('monitoring', 'closed', CASE_STATUSES)).toBe('reason');
    expect(moveNeed('monitoring', 'assistance', CASE_STATUSES)).toBe('note');
    expect(moveNeed('closed', 'open', CASE_STATUSES)).toBe('note');
  });
});
