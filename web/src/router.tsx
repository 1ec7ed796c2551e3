import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAbility } from './auth/RequireAbility.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { PageLoader } from './components/PageLoader.tsx';

/** React.lazy for a named export, so every route is its own chunk fetched on first visit. */
function lazyNamed<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = lazyNamed(() => import('./features/auth/LoginPage.tsx'), 'LoginPage');
const AppLayout = lazyNamed(() => import('./components/AppLayout.tsx'), 'AppLayout');
const HomePage = lazyNamed(() => import('./features/home/HomePage.tsx'), 'HomePage');
const ChangePasswordPage = lazyNamed(
  () => import('./features/auth/ChangePasswordPage.tsx'),
  'ChangePasswordPage',
);
const OfficesPage = lazyNamed(() => import('./features/offices/OfficesPage.tsx'), 'OfficesPage');
const UsersPage = lazyNamed(() => import('./features/users/UsersPage.tsx'), 'UsersPage');
const AuditPage = lazyNamed(() => import('./features/audit/AuditPage.tsx'), 'AuditPage');
const NotFoundPage = lazyNamed(() => import('./routes/NotFoundPage.tsx'), 'NotFoundPage');

const suspended = (node: ReactNode) => <Suspense fallback={<PageLoader />}>{node}</Suspense>;

/**
 * The route table: /login is public, everything else sits behind RequireAuth inside the shell.
 * Declarative routes (no data router): we load data with React Query, and this keeps ~10 kB of
 * router code out of the first download.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={suspended(<LoginPage />)} />
      <Route path="/" element={<RequireAuth>{suspended(<AppLayout />)}</RequireAuth>}>
        <Route index element={<HomePage />} />
        <Route path="password" element={<ChangePasswordPage />} />
        <Route path="offices" element={<OfficesPage />} />
        <Route
          path="users"
          element={
            <RequireAbility ability="user:read">
              <UsersPage />
            </RequireAbility>
          }
        />
        <Route
          path="audit"
          element={
            <RequireAbility ability="audit:read">
              <AuditPage />
            </RequireAbility>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
