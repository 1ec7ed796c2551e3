import { describe, expect, it } from 'vitest';
import { validatePasswordForm } from './passwordRules.ts';

const form = (currentPassword: string, newPassword: string, confirmPassword: string) => ({
  currentPassword,
  newPassword,
  confirmPassword,
});

describe('validatePasswordForm', () => {
  it('says nothing about untouched fields while typing', () => {
    expect(validatePasswordForm(form('', 'short', ''), {})).toEqual({});
  });

  it('flags a short new password live once the field was touched', () => {
    expect(validatePasswordForm(form('old', 'short', ''), { newPassword: true })).toEqual({
      newPassword: 'password.tooShort',
    });
    expect(validatePasswordForm(form('old', 'long enough pw', ''), { newPassword: true })).toEqual({});
  });

  it('flags a mismatching confirmation as soon as it is as long as the new password', () => {
    expect(validatePasswordForm(form('old', 'long enough pw', 'long enough'), {})).toEqual({});
    expect(validatePasswordForm(form('old', 'long enough pw', 'long enough px'), {})).toEqual({
      confirmPassword: 'password.mismatch',
    });
  });

  it('judges everything on submit', () => {
    expect(validatePasswordForm(form('', 'short', ''), {}, true)).toEqual({
      currentPassword: 'password.currentRequired',
      newPassword: 'password.tooShort',
      confirmPassword: 'password.mismatch',
    });
    expect(validatePasswordForm(form('same password', 'same password', 'same password'), {}, true)).toEqual({
      newPassword: 'password.sameAsCurrent',
    });
    expect(validatePasswordForm(form('old', 'a good new one', 'a good new one'), {}, true)).toEqual({});
  });
});
