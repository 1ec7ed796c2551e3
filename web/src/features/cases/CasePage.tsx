import './styles.ts';
import { Anchor, Stack, Tabs, Text } from '@mantine/core';
import { lazy, Suspense, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCase } from './api.ts';
import { CaseHeader } from './CaseHeader.tsx';
import { isNotFound } from './errors.ts';
import type { CaseDetail } from './types.ts';

/** Props every tab of the case page receives. */
export interface CaseTabProps {
  c: CaseDetail;
  showName: boolean;
}

// Each tab is its own chunk, fetched the first time it is opened (most visits need one or two).
function lazyTab(load: () => Promise<Record<string, unknown>>, name: string) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType<CaseTabProps> }));
}

const TABS = {
  person: lazyTab(() => import('./PersonTab.tsx'), 'PersonTab'),
  migration: lazyTab(() => import('./MigrationTab.tsx'), 'MigrationTab'),
  assessments: lazyTab(() => import('./AssessmentsTab.tsx'), 'AssessmentsTab'),
  plan: lazyTab(() => import('./PlanTab.tsx'), 'PlanTab'),
  referrals: lazyTab(() => import('./ReferralsTab.tsx'), 'ReferralsTab'),
  followups: lazyTab(() => import('./FollowupsTab.tsx'), 'FollowupsTab'),
  timeline: lazyTab(() => import('./TimelineTab.tsx'), 'TimelineTab'),
} as const;

type TabName = keyof typeof TABS;
const TAB_NAMES = Object.keys(TABS) as TabName[];
const isTab = (value: string | null): value is TabName => value !== null && value in TABS;

/** What someone sees for a case that does not exist or is not theirs (the API answers 404 for both). */
export function CaseNotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" data-testid="case-not-found">
      <PageTitle>{t('cases.notFound.title')}</PageTitle>
      <Text>{t('cases.notFound.body')}</Text>
      <Anchor component={Link} to="/cases">
        {t('cases.notFound.back')}
      </Anchor>
    </Stack>
  );
}

/** One case: its header, and its tabs (the open tab is kept in the address, `?tab=plan`). */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const [showName, setShowName] = useState(false);
  const query = useCase(id);

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isNotFound(query.error)) return <CaseNotFound />;
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  const c = query.data;
  const raw = params.get('tab');
  const tab: TabName = isTab(raw) ? raw : 'person';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/cases" size="sm">
        {t('cases.backToList')}
      </Anchor>
      <CaseHeader c={c} showName={showName} onShowName={setShowName} />
      <Tabs
        value={tab}
        keepMounted={false}
        onChange={(value) => {
          if (isTab(value)) setParams(value === 'person' ? {} : { tab: value }, { replace: true });
        }}
      >
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {TAB_NAMES.map((name) => (
            <Tabs.Tab key={name} value={name} style={{ whiteSpace: 'nowrap' }}>
              {t(`cases.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TAB_NAMES.map((name) => {
          const Panel = TABS[name];
          return (
            <Tabs.Panel key={name} value={name} pt="md">
              <Suspense fallback={<PageLoader />}>
                <Panel c={c} showName={showName} />
              </Suspense>
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </Stack>
  );
}
