import { describe, expect, it } from 'vitest';
import { formToOffice, officeToForm, validateOffice } from './officeForm.ts';

describe('office form helpers', () => {
  it('normalises the API body', () => {
    expect(
      formToOffice({
        name: ' Kara-Suu SWC ',
        kind: 'single_window_centre',
        country: 'kg',
        regionCodes: 'kg-o, KG-O;KG-J ',
      }),
    ).toEqual({
      name: 'Kara-Suu SWC',
      kind: 'single_window_centre',
      country: 'KG',
      regionCodes: ['KG-O', 'KG-J'],
    });
  });

  it('round-trips a stored office', () => {
    const office = {
      id: '1',
      name: 'A',
      kind: 'ngo' as const,
      country: 'KG',
      regionCodes: ['KG-B'],
      version: 3,
    };
    expect(formToOffice(officeToForm(office))).toEqual({
      name: 'A',
      kind: 'ngo',
      country: 'KG',
      regionCodes: ['KG-B'],
    });
  });

  it('requires a name and a two-letter country', () => {
    expect(validateOffice({ name: ' ', kind: 'ngo', country: 'KGZ', regionCodes: '' })).toEqual({
      name: 'offices.nameRequired',
      country: 'offices.countryInvalid',
    });
    expect(validateOffice({ name: 'A', kind: 'ngo', country: 'ru', regionCodes: '' })).toEqual({});
  });
});
