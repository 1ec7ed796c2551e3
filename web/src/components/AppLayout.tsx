import { Alert, AppShell, Burger, Button, Group, NavLink, Stack, Text } from '@mantine/core';
import { em, getBreakpointValue, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useCan, useLogout, useSession, useUpdateProfile } from '../api/auth.ts';
import type { Locale } from '../api/types.ts';
import { applyLanguage } from '../i18n/index.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { PageLoader } from './PageLoader.tsx';

/** Name, role and office of the signed-in user, shown in the header (desktop) or the menu (mobile). */
function UserSummary() {
  const { user } = useSession();
  const { t } = useTranslation();
  return (
    <Stack gap={0} miw={0}>
      <Text size="sm" fw={600} truncate>
        {user.displayName}
      </Text>
      <Text size="xs" c="dimmed" truncate>
        {t(`roles.${user.role}`)} · {user.officeName ?? t('session.noOffice')}
      </Text>
    </Stack>
  );
}

/**
 * The signed-in frame: header (user, language, sign out), a navigation that collapses behind a
 * burger below the `sm` breakpoint (phones at 360 px), and the current page in <main>.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const can = useCan();
  const location = useLocation();
  const logout = useLogout();
  const updateProfile = useUpdateProfile();
  const [opened, { toggle, close }] = useDisclosure(false);
  const theme = useMantineTheme();
  // Below `sm` the closed navbar is only moved off-screen; `inert` keeps it out of the tab order.
  const isMobile = useMediaQuery(`(max-width: ${em(getBreakpointValue('sm', theme.breakpoints) - 0.1)})`);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After navigation: close the mobile menu and move focus to the new page for screen readers.
  useEffect(() => {
    close();
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
  }, [location.pathname, close]);

  const changeLanguage = (locale: Locale) => {
    void applyLanguage(locale);
    updateProfile.mutate({ locale });
  };

  const signOut = () => logout.mutate();

  const items = [
    {
      to: '/work',
      label: t('work.nav'),
      show: ['case:read', 'call:write', 'plan:approve', 'referral:update'].some(can),
    },
    { to: '/', label: t('nav.home'), show: true },
    { to: '/hotline', label: t('hotline.nav'), show: can('call:read') },
    { to: '/cases', label: t('cases.nav'), show: can('case:read') },
    { to: '/referrals', label: t('partner.nav'), show: can('referral:read') },
    { to: '/offices', label: t('nav.offices'), show: true },
    { to: '/users', label: t('nav.users'), show: can('user:read') },
    { to: '/admin/services', label: t('admin.nav.services'), show: can('service:write') },
    { to: '/admin/catalogue', label: t('admin.nav.catalogue'), show: can('catalogue:write') },
    { to: '/admin/ceilings', label: t('admin.nav.ceilings'), show: can('catalogue:write') },
    {
      to: '/duplicates',
      label: t('duplicates.nav'),
      show: can('duplicate:scan') || can('duplicate:review'),
    },
    { to: '/reports', label: t('reports.nav'), show: can('report:read') },
    { to: '/audit', label: t('nav.audit'), show: can('audit:read') },
    { to: '/password', label: t('nav.changePassword'), show: true },
  ];

  const signOutButton = (
    <Button variant="default" size="sm" onClick={signOut} loading={logout.isPending}>
      {t('session.signOut')}
    </Button>
  );

  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
                aria-expanded={opened}
                aria-controls="app-navbar"
              />
              <Text component={Link} to="/" fw={700} size="lg" c="inherit" td="none">
                {t('app.name')}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Group visibleFrom="sm" gap="sm" wrap="nowrap" miw={0}>
                <UserSummary />
              </Group>
              <LanguageSwitcher onChange={changeLanguage} />
              <Group visibleFrom="sm">{signOutButton}</Group>
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar
          id="app-navbar"
          p="sm"
          component="nav"
          aria-label={t('nav.label')}
          inert={isMobile && !opened}
        >
          <AppShell.Section grow>
            {items
              .filter((item) => item.show)
              .map((item) => {
                const active =
                  item.to === '/' ? location.pathname === '/' : location.pathname.startsWith(item.to);
                return (
                  <NavLink
                    key={item.to}
                    component={Link}
                    to={item.to}
                    label={item.label}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                  />
                );
              })}
          </AppShell.Section>
          <AppShell.Section hiddenFrom="sm" pt="sm">
            <Stack gap="sm">
              <UserSummary />
              {signOutButton}
            </Stack>
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id="main" ref={mainRef} tabIndex={-1}>
          {updateProfile.isError && (
            <Alert
              color="yellow"
              mb="md"
              withCloseButton
              closeButtonLabel={t('common.close')}
              onClose={() => updateProfile.reset()}
            >
              {t('language.saveFailed')}
            </Alert>
          )}
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
