import { describe, expect, it } from 'vitest';
import {
  EMPTY_CALL,
  callBody,
  convertBody,
  convertDefaults,
  convertFieldOf,
  splitName,
  suggestedCaseType,
  validateCall,
  validateConvert,
} from './callForm.ts';
import type { Call } from './types.ts';

const call: Call = {
  id: 'c1',
  receivedAt: '2026-03-01T09:42:00+06:00',
  operatorId: 'u1',
  officeId: 'o1',
  channel: 'hotline',
  anonymous: false,
  callerName: 'Тамара Осмонова',
  callerPhone: '+996555123456',
  callerRegion: 'KG-J',
  callerDistrict: 'KG-J-SUZAK',
  callerCountry: null,
  topic: 'trafficking_exploitation',
  summary: 'Забрали паспорт',
  urgency: 'high',
  outcome: null,
  caseId: null,
  version: 1,
  abilities: ['call:write', 'case:create'],
};

describe('call form', () => {
  it('starts on the hotline line with normal urgency', () => {
    expect(EMPTY_CALL).toMatchObject({ channel: 'hotline', urgency: 'normal', anonymous: false });
  });

  it('needs a topic and a summary, and a phone in a usable form', () => {
    expect(validateCall({ ...EMPTY_CALL, callerPhone: 'abc' })).toEqual({
      callerPhone: 'hotline.problems.phone',
      topic: 'hotline.problems.topic',
      summary: 'hotline.problems.summary',
    });
    expect(
      validateCall({ ...EMPTY_CALL, anonymous: true, callerPhone: 'abc', topic: 'documents', summary: 'x' }),
    ).toEqual({});
  });

  it('sends no name or phone for an anonymous caller, and normalises the phone', () => {
    const v = {
      ...EMPTY_CALL,
      callerName: 'Тамара',
      callerPhone: '0555 123 456',
      topic: 'documents' as const,
      summary: ' Паспорт ',
    };
    expect(callBody(v)).toEqual({
      channel: 'hotline',
      anonymous: false,
      callerName: 'Тамара',
      callerPhone: '+996555123456',
      topic: 'documents',
      summary: 'Паспорт',
      urgency: 'normal',
    });
    const anon = callBody({
      ...v,
      anonymous: true,
      callerRegion: 'KG-O',
      callerDistrict: 'KG-O-ARAVAN',
      outcome: 'referred',
    });
    expect(anon.callerName).toBeUndefined();
    expect(anon.callerPhone).toBeUndefined();
    expect(anon).toMatchObject({ callerRegion: 'KG-O', callerDistrict: 'KG-O-ARAVAN', outcome: 'referred' });
  });
});

describe('converting a call', () => {
  it('prefills the person from the caller and suggests a case type from the topic', () => {
    const v = convertDefaults(call, 'osh');
    expect(v).toMatchObject({
      givenName: 'Тамара',
      familyName: 'Осмонова',
      phone: '+996555123456',
      originRegion: 'KG-J',
      originDistrict: 'KG-J-SUZAK',
      type: 'trafficking_survivor',
      officeId: 'osh',
    });
    expect(convertDefaults({ ...call, anonymous: true, callerName: null }).givenName).toBe('');
    expect(suggestedCaseType('family_separation')).toBe('family_reunification');
    expect(splitName('  Асанбай  ')).toEqual({ givenName: 'Асанбай', familyName: '' });
  });

  it('checks the essentials and builds the body', () => {
    const v = convertDefaults(call, '');
    expect(validateConvert(v, '2026-03-01')).toEqual({
      sex: 'hotline.problems.required',
      officeId: 'hotline.problems.required',
      consentOn: 'hotline.problems.date',
    });
    const ok = { ...v, sex: 'female' as const, officeId: 'osh', consentOn: '2026-03-01', estimatedAge: '29' };
    expect(validateConvert(ok, '2026-03-01')).toEqual({});
    expect(convertBody(ok)).toEqual({
      person: {
        givenName: 'Тамара',
        familyName: 'Осмонова',
        sex: 'female',
        estimatedAge: 29,
        phone: '+996555123456',
        originRegion: 'KG-J',
        originDistrict: 'KG-J-SUZAK',
      },
      type: 'trafficking_survivor',
      officeId: 'osh',
      consent: { givenOn: '2026-03-01', scope: ['data_processing', 'referral'] },
    });
  });

  it('maps server issues onto the dialog fields', () => {
    expect(convertFieldOf(['body', 'person', 'sex'])).toBe('sex');
    expect(convertFieldOf(['body', 'person', 'languages'])).toBe('familyName');
    expect(convertFieldOf(['body', 'consent', 'givenOn'])).toBe('consentOn');
    expect(convertFieldOf(['officeId'])).toBe('officeId');
    expect(convertFieldOf(['body', 'nothing'])).toBeUndefined();
  });
});
