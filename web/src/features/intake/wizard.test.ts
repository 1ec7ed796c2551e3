import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import {
  caseBody,
  emptyMember,
  emptyWizard,
  episodeBody,
  episodeEntered,
  firstStepWith,
  serverProblems,
  stepOf,
  validateStep,
  wizardPath,
  type WizardValues,
} from './wizard.ts';

function filled(): WizardValues {
  const v = emptyWizard({ officeId: 'office-1', intakeChannel: 'iom_office' });
  v.person = {
    ...v.person,
    familyName: ' Эргешова ',
    givenName: 'Санобар',
    sex: 'female',
    estimatedAge: '51',
    phone: '0555 123 456',
    originRegion: 'KG-O',
    originDistrict: 'KG-O-ARAVAN',
    languages: ['ky', 'uz'],
  };
  v.kase = {
    ...v.kase,
    type: 'trafficking_survivor',
    consentOn: '2026-03-01',
    consentScope: ['data_processing', 'referral'],
  };
  return v;
}

describe('wizard checks', () => {
  it('asks for names and sex on the person step', () => {
    const v = emptyWizard();
    expect(validateStep('person', v, '2026-03-01')).toEqual({
      'person.familyName': 'intake.problems.required',
      'person.givenName': 'intake.problems.required',
      'person.sex': 'intake.problems.required',
    });
    expect(validateStep('person', filled(), '2026-03-01')).toEqual({});
  });

  it('refuses a birth date in the future, a bad age and a phone that is not a number', () => {
    const v = filled();
    v.person.birthDate = '2026-03-02';
    v.person.estimatedAge = '200';
    v.person.phone = 'call me';
    expect(validateStep('person', v, '2026-03-01')).toEqual({
      'person.birthDate': 'intake.problems.future',
      'person.estimatedAge': 'intake.problems.age',
      'person.phone': 'intake.problems.phone',
    });
  });

  it('checks household members one by one', () => {
    const v = filled();
    v.household = [
      { ...emptyMember(), name: 'Эмир', relationship: 'child', whereNow: 'abroad' },
      emptyMember(),
    ];
    expect(validateStep('household', v)).toEqual({
      'household.1.name': 'intake.problems.required',
      'household.1.relationship': 'intake.problems.required',
      'household.1.whereNow': 'intake.problems.required',
    });
  });

  it('leaves an empty episode alone, and needs the destination once anything is entered', () => {
    const v = filled();
    expect(episodeEntered(v.episode)).toBe(false);
    expect(validateStep('episode', v)).toEqual({});
    expect(episodeBody(v.episode)).toBeUndefined();
    v.episode.facts = ['documentsTaken'];
    v.episode.departedOn = '2025-04-10';
    v.episode.returnedOn = '2025-01-28';
    expect(validateStep('episode', v, '2026-03-01')).toEqual({
      'episode.destinationCountry': 'intake.problems.required',
      'episode.returnedOn': 'intake.problems.returnBeforeDeparture',
    });
  });

  it('needs a case type, and a consent date only when consent was given', () => {
    const v = filled();
    v.kase.type = '';
    v.kase.consentOn = '';
    expect(validateStep('consent', v)).toEqual({
      'kase.type': 'intake.problems.required',
      'kase.consentOn': 'intake.problems.required',
    });
    v.kase.consentScope = [];
    expect(validateStep('consent', v)).toEqual({ 'kase.type': 'intake.problems.required' });
  });
});

describe('API bodies', () => {
  it('builds POST /cases with the person, household and consent inline', () => {
    const v = filled();
    v.household = [
      { ...emptyMember(), name: 'Эмир', relationship: 'child', age: '2', whereNow: 'abroad', country: 'RU' },
    ];
    const body = caseBody(v);
    expect(body.person).toMatchObject({
      familyName: 'Эргешова',
      givenName: 'Санобар',
      sex: 'female',
      estimatedAge: 51,
      phone: '+996555123456',
      citizenship: 'KG',
      originDistrict: 'KG-O-ARAVAN',
      languages: ['ky', 'uz'],
      documentsHeld: [],
    });
    expect(body.person?.patronymic).toBeUndefined();
    expect(body.household).toEqual([
      {
        name: 'Эмир',
        relationship: 'child',
        age: 2,
        whereNow: 'abroad',
        country: 'RU',
        caresForChildren: false,
      },
    ]);
    expect(body.consent).toEqual({ givenOn: '2026-03-01', scope: ['data_processing', 'referral'] });
    expect(body).toMatchObject({
      type: 'trafficking_survivor',
      intakeChannel: 'iom_office',
      officeId: 'office-1',
    });
  });

  it('sends no estimated age when a birth date is given', () => {
    const v = filled();
    v.person.birthDate = '1975-01-01';
    expect(caseBody(v).person?.estimatedAge).toBeUndefined();
  });

  it('builds the episode with its facts as flags and the amount with its currency', () => {
    const v = filled();
    v.episode = {
      ...v.episode,
      destinationCountry: 'RU',
      destinationCity: 'Саратов',
      sector: 'agriculture',
      recruiterRelationship: 'same_village',
      facts: ['documentsTaken', 'wagesUnpaid'],
      wagesUnpaidAmount: '320000,50',
      wagesUnpaidCurrency: 'rub',
    };
    expect(episodeBody(v.episode)).toEqual({
      destinationCountry: 'RU',
      destinationCity: 'Саратов',
      sector: 'agriculture',
      recruiterRelationship: 'same_village',
      facts: { documentsTaken: true, wagesUnpaid: true },
      wagesUnpaidAmount: '320000.50',
      wagesUnpaidCurrency: 'RUB',
    });
  });
});

describe('server errors to steps and fields', () => {
  it('maps issue paths onto wizard paths', () => {
    expect(wizardPath(['body', 'person', 'familyName'], 'case')).toBe('person.familyName');
    expect(wizardPath(['body', 'person', 'documentsRetained', 0, 'type'], 'case')).toBe(
      'person.documentsRetained.0.type',
    );
    expect(wizardPath(['body', 'person', 'languages', 1], 'case')).toBe('person.languages');
    expect(wizardPath(['body', 'household', 2, 'age'], 'case')).toBe('household.2.age');
    expect(wizardPath(['body', 'consent', 'givenOn'], 'case')).toBe('kase.consentOn');
    expect(wizardPath(['body', 'consent', 'scope'], 'case')).toBe('kase.consentScope');
    expect(wizardPath(['body', 'type'], 'case')).toBe('kase.type');
    expect(wizardPath(['body', 'returnedOn'], 'episode')).toBe('episode.returnedOn');
  });

  it('finds the first step with a problem, in wizard order', () => {
    expect(stepOf('household.0.name')).toBe('household');
    expect(firstStepWith(['kase.type', 'household.1.age'])).toBe('household');
    expect(firstStepWith([])).toBeUndefined();
  });

  it('reads 400 issues, 422 fields and a 403 on the office', () => {
    const bad = new ApiError(400, 'validation_failed', 'bad', {
      issues: [
        { path: ['body', 'person', 'phone'], message: 'E.164', code: 'invalid_format' },
        { path: ['body', 'person', 'phone'], message: 'second' },
      ],
    });
    expect(Object.keys(serverProblems(bad, 'case'))).toEqual(['person.phone']);
    expect(serverProblems(bad, 'case')['person.phone']?.message).toBe('E.164');
    const rule = new ApiError(422, 'unknown_office', 'No such office', { field: 'officeId' });
    expect(Object.keys(serverProblems(rule, 'case'))).toEqual(['kase.officeId']);
    const denied = new ApiError(403, 'forbidden', 'no', {});
    expect(serverProblems(denied, 'case')['kase.officeId']?.code).toBe('forbidden_office');
    expect(serverProblems(new Error('x'), 'case')).toEqual({});
  });
});
