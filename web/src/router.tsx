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
const ReferralsPage = lazyNamed(() => import('./features/partner/ReferralsPage.tsx'), 'ReferralsPage');
const ServicesPage = lazyNamed(() => import('./features/admin/ServicesPage.tsx'), 'ServicesPage');
const CataloguePage = lazyNamed(() => import('./features/admin/CataloguePage.tsx'), 'CataloguePage');
const CeilingsPage = lazyNamed(() => import('./features/admin/CeilingsPage.tsx'), 'CeilingsPage');
const HotlinePage = lazyNamed(() => import('./features/hotline/HotlinePage.tsx'), 'HotlinePage');
const NewCasePage = lazyNamed(() => import('./features/intake/NewCasePage.tsx'), 'NewCasePage');
const WorkPage = lazyNamed(() => import('./features/work/WorkPage.tsx'), 'WorkPage');
const CasesPage = lazyNamed(() => import('./features/cases/CasesPage.tsx'), 'CasesPage');
const CasePage = lazyNamed(() => import('./features/cases/CasePage.tsx'), 'CasePage');
const DuplicatesPage = lazyNamed(() => import('./features/duplicates/DuplicatesPage.tsx'), 'DuplicatesPage');
const ReportsPage = lazyNamed(() => import('./features/reports/ReportsPage.tsx'), 'ReportsPage');
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
        <Route path="work" element={<WorkPage />} />
        <Route
          path="hotline"
          element={
            <RequireAbility ability="call:read">
              <HotlinePage />
            </RequireAbility>
          }
        />
        <Route
          path="cases/new"
          element={
            <RequireAbility ability="case:create">
              <NewCasePage />
            </RequireAbility>
          }
        />
        <Route
          path="cases"
          element={
            <RequireAbility ability="case:read">
              <CasesPage />
            </RequireAbility>
          }
        />
        <Route
          path="cases/:id"
          element={
            <RequireAbility ability="case:read">
              <CasePage />
            </RequireAbility>
          }
        />
        <Route
          path="duplicates"
          element={
            <RequireAbility ability="duplicate:scan">
              <DuplicatesPage />
            </RequireAbility>
          }
        />
        <Route
          path="reports"
          element={
            <RequireAbility ability="report:read">
              <ReportsPage />
            </RequireAbility>
          }
        />
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
        <Route path="referrals" element={<ReferralsPage />} />
        <Route path="admin/services" element={<ServicesPage />} />
        <Route path="admin/catalogue" element={<CataloguePage />} />
        <Route path="admin/ceilings" element={<CeilingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
