import { Container } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { SessionContext, useMe, wasSignedOut } from '../api/auth.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageLoader } from '../components/PageLoader.tsx';
import { applyLanguage, currentLocale } from '../i18n/index.ts';

/** Where the sign-in page should return to after a successful login. */
export interface LoginRedirectState {
  from?: string;
}

/**
 * Route guard: renders children only with a session, sends anyone else to /login (remembering
 * where they were going) and forces the password change when the server requires it.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const locale = me.data?.user.locale;

  // The account's language wins once signed in (shared office laptops), and is remembered locally.
  useEffect(() => {
    if (locale && locale !== currentLocale()) void applyLanguage(locale);
  }, [locale]);

  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    return (
      <Container size="sm" py="xl">
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </Container>
    );
  }
  if (!me.data) {
    const state: LoginRedirectState = wasSignedOut() ? {} : { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  if (me.data.user.mustChangePassword && location.pathname !== '/password') {
    return <Navigate to="/password" replace />;
  }
  return <SessionContext value={me.data}>{children}</SessionContext>;
}
