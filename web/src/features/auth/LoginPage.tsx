import { Alert, Button, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { useLogin, useMe } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { consumeSessionExpired } from '../../api/queryClient.ts';
import type { LoginRedirectState } from '../../auth/RequireAuth.tsx';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { applyLanguage } from '../../i18n/index.ts';
import { apiErrorMessage, serverFieldErrors } from '../../i18n/messages.ts';
import type { TFunction } from 'i18next';

type Field = 'username' | 'password';
const FIELDS: readonly Field[] = ['username', 'password'];

/** Minutes to show for a 429, rounded up so "try again in 0 min" never appears. */
function waitMinutes(error: ApiError): number | undefined {
  const seconds = error.retryAfterSeconds;
  return seconds === undefined ? undefined : Math.max(1, Math.ceil(seconds / 60));
}

/** The sign-in failure as one sentence the caseworker can act on. */
function loginErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return t('login.invalidCredentials');
    if (error.code === 'account_locked') {
      const minutes = waitMinutes(error);
      return minutes ? t('login.accountLocked', { minutes }) : t('login.accountLockedNoTime');
    }
    if (error.status === 429) {
      const minutes = waitMinutes(error);
      return minutes ? t('login.rateLimited', { minutes }) : t('login.rateLimitedNoTime');
    }
  }
  return apiErrorMessage(t, error);
}

/** Sign-in screen; its language comes from this device (localStorage) because nobody is signed in yet. */
export function LoginPage() {
  const { t } = useTranslation();
  const me = useMe();
  const login = useLogin();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<
    Partial<Record<Field, 'login.usernameRequired' | 'login.passwordRequired'>>
  >({});
  const [expired] = useState(consumeSessionExpired);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: t('login.title') });
  }, [t]);

  if (me.data) {
    const from = (location.state as LoginRedirectState | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: typeof missing = {};
    if (!username.trim()) errors.username = 'login.usernameRequired';
    if (!password) errors.password = 'login.passwordRequired';
    setMissing(errors);
    if (Object.keys(errors).length > 0) {
      document.getElementById(errors.username ? 'login-username' : 'login-password')?.focus();
      return;
    }
    login.mutate({ username: username.trim(), password });
  };

  const serverErrors = serverFieldErrors(t, login.error, FIELDS);

  return (
    <Container size={420} px="md" py="xl">
      <Group justify="flex-end" mb="md">
        <LanguageSwitcher onChange={(lng) => void applyLanguage(lng)} />
      </Group>
      <Title order={1} ta="center">
        {t('app.name')}
      </Title>
      <Text c="dimmed" ta="center" size="sm" mb="lg">
        {t('login.intro')}
      </Text>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <Title order={2} size="h3">
              {t('login.title')}
            </Title>
            {expired && !login.error && (
              <Alert color="yellow" role="status">
                {t('errors.sessionExpired')}
              </Alert>
            )}
            {login.error && (
              <Alert color="red" role="alert">
                {loginErrorMessage(t, login.error)}
              </Alert>
            )}
            <TextInput
              id="login-username"
              label={t('login.username')}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => {
                setUsername(e.currentTarget.value);
                setMissing((m) => ({ ...m, username: undefined }));
              }}
              error={missing.username ? t(missing.username) : serverErrors.username}
              required
            />
            <PasswordField
              id="login-password"
              label={t('login.password')}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
                setMissing((m) => ({ ...m, password: undefined }));
              }}
              error={missing.password ? t(missing.password) : serverErrors.password}
              required
            />
            <Button type="submit" loading={login.isPending} fullWidth>
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
