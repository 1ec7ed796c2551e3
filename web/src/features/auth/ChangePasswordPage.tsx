import { Alert, Button, Paper, Stack } from '@mantine/core';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useChangePassword, useSession } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useServerErrors } from '../../hooks/useServerErrors.ts';
import { apiErrorMessage } from '../../i18n/messages.ts';
import {
  MIN_PASSWORD_LENGTH,
  validatePasswordForm,
  type PasswordForm,
  type Touched,
} from './passwordRules.ts';

type Field = keyof PasswordForm;
const SERVER_FIELDS: readonly Field[] = ['currentPassword', 'newPassword'];
const IDS: Record<Field, string> = {
  currentPassword: 'pw-current',
  newPassword: 'pw-new',
  confirmPassword: 'pw-confirm',
};
const EMPTY: PasswordForm = { currentPassword: '', newPassword: '', confirmPassword: '' };

/**
 * Change password: checks length and confirmation while typing, maps the server's 400 issues and a
 * wrong current password onto the fields, and keeps every typed value when the request fails.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const change = useChangePassword();
  const [form, setForm] = useState<PasswordForm>(EMPTY);
  const [touched, setTouched] = useState<Touched>({});
  const [submitted, setSubmitted] = useState(false);
  // Server messages are tied to the value that caused them: editing a field clears its message.
  const server = useServerErrors(SERVER_FIELDS, (tr, error) =>
    error instanceof ApiError && error.code === 'invalid_credentials'
      ? { currentPassword: tr('password.currentWrong') }
      : {},
  );
  const [done, setDone] = useState(false);
  const forced = user.mustChangePassword;

  const problems = validatePasswordForm(form, touched, submitted);
  const errorFor = (field: Field): string | undefined => {
    const key = problems[field];
    return key ? t(key) : server.messages[field];
  };

  const update = (field: Field) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setForm((f) => ({ ...f, [field]: value }));
    server.edited(field);
    setDone(false);
  };
  const blur = (field: Field) => () => setTouched((t0) => ({ ...t0, [field]: true }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const all = validatePasswordForm(form, touched, true);
    const first = (Object.keys(IDS) as Field[]).find((f) => all[f]);
    if (first) {
      document.getElementById(IDS[first])?.focus();
      return;
    }
    change.mutate(
      { currentPassword: form.currentPassword, newPassword: form.newPassword },
      {
        onSuccess: () => {
          setForm(EMPTY);
          setTouched({});
          setSubmitted(false);
          server.clear();
          setDone(true);
          if (forced) void navigate('/', { replace: true });
        },
        onError: (error) => {
          const first = server.report(error);
          if (first) document.getElementById(IDS[first])?.focus();
        },
      },
    );
  };

  const newLength = form.newPassword.length;
  const showGeneralError = change.isError && !server.hasFieldErrors;

  return (
    <Stack maw={480}>
      <PageTitle>{t('password.title')}</PageTitle>
      {forced && (
        <Alert color="yellow" title={t('password.mustChangeTitle')}>
          {t('password.mustChangeBody')}
        </Alert>
      )}
      {done && (
        <Alert color="green" role="status">
          {t('password.success')}
        </Alert>
      )}
      {showGeneralError && (
        <Alert color="red" role="alert">
          {apiErrorMessage(t, change.error)}
        </Alert>
      )}
      <Paper withBorder p="lg">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <PasswordField
              id={IDS.currentPassword}
              label={t('password.current')}
              autoComplete="current-password"
              value={form.currentPassword}
              onChange={update('currentPassword')}
              onBlur={blur('currentPassword')}
              error={errorFor('currentPassword')}
              required
            />
            <PasswordField
              id={IDS.newPassword}
              label={t('password.new')}
              description={
                newLength === 0
                  ? t('password.rule')
                  : newLength < MIN_PASSWORD_LENGTH
                    ? t('password.progress', { length: newLength })
                    : t('password.ruleMet')
              }
              autoComplete="new-password"
              value={form.newPassword}
              onChange={update('newPassword')}
              onBlur={blur('newPassword')}
              error={errorFor('newPassword')}
              required
            />
            <PasswordField
              id={IDS.confirmPassword}
              label={t('password.confirm')}
              autoComplete="new-password"
              value={form.confirmPassword}
              onChange={update('confirmPassword')}
              onBlur={blur('confirmPassword')}
              error={errorFor('confirmPassword')}
              required
            />
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
