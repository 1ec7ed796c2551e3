/**
 * Client-side password rules, mirrored from the server (min 10 characters) so the form can give
 * feedback while typing; the server remains the judge and its 400 issues still win.
 */

/** Minimum length the server enforces for a new password. */
export const MIN_PASSWORD_LENGTH = 10;

/** Values of the change-password form. */
export interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Translation keys of the client-side problems (typed so a typo fails the build). */
export type PasswordProblem =
  'password.currentRequired' | 'password.tooShort' | 'password.sameAsCurrent' | 'password.mismatch';

/** Which fields the user has left at least once (errors show live from then on). */
export type Touched = Partial<Record<keyof PasswordForm, boolean>>;

/**
 * Problems per field. A field is judged once it was touched (or on submit, `all`), and then live
 * on every keystroke; the confirmation is judged as soon as it is as long as the new password.
 */
export function validatePasswordForm(
  form: PasswordForm,
  touched: Touched,
  all = false,
): Partial<Record<keyof PasswordForm, PasswordProblem>> {
  const out: Partial<Record<keyof PasswordForm, PasswordProblem>> = {};
  if ((all || touched.currentPassword) && form.currentPassword.length === 0) {
    out.currentPassword = 'password.currentRequired';
  }
  if (all || touched.newPassword) {
    if (form.newPassword.length < MIN_PASSWORD_LENGTH) out.newPassword = 'password.tooShort';
    else if (form.currentPassword && form.newPassword === form.currentPassword) {
      out.newPassword = 'password.sameAsCurrent';
    }
  }
  const confirmJudged =
    all || touched.confirmPassword || form.confirmPassword.length >= form.newPassword.length;
  if (confirmJudged && form.confirmPassword.length > 0 && form.confirmPassword !== form.newPassword) {
    out.confirmPassword = 'password.mismatch';
  } else if (all && form.confirmPassword.length === 0 && form.newPassword.length > 0) {
    out.confirmPassword = 'password.mismatch';
  }
  return out;
}
