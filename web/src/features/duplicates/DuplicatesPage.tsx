import './styles.ts';
import { Alert, Stack, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../api/auth.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { usePairs } from './api.ts';
import { FilteredSection } from './FilteredSection.tsx';
import { MergeNotice } from './MergeNotice.tsx';
import { PairCard, type RecentMerge } from './PairCard.tsx';
import { RecentMerges, isMergeFilter } from './RecentMerges.tsx';
import { ScanPanel } from './ScanPanel.tsx';
import { PAIR_STATUSES, type PairStatus } from './types.ts';

const isStatus = (s: string | null): s is PairStatus =>
  (PAIR_STATUSES as readonly (string | null)[]).includes(s);

const TAB_NAMES = ['pairs', 'merges'] as const;
type TabName = (typeof TAB_NAMES)[number];
const isTab = (s: string | null): s is TabName => (TAB_NAMES as readonly (string | null)[]).includes(s);

/** The candidate pairs of one status, highest score first, a page at a time. */
function PairList({
  status,
  onStatus,
  onMerged,
}: {
  status: PairStatus;
  onStatus: (s: PairStatus) => void;
  onMerged: (m: RecentMerge) => void;
}) {
  const { t } = useTranslation();
  const query = usePairs(status, true);
  return (
    <FilteredSection
      titleId="pairs-title"
      title={t('duplicates.pairs.title')}
      filter={status}
      filters={PAIR_STATUSES}
      filterLabel={t('duplicates.pairs.statusLabel')}
      optionLabel={(s) => t(`duplicates.status.${s}`)}
      onFilter={onStatus}
      query={query}
      empty={t(`duplicates.pairs.empty.${status}`)}
    >
      {(items) =>
        items.map((pair) => <PairCard key={`${pair.id}-${pair.version}`} pair={pair} onMerged={onMerged} />)
      }
    </FilteredSection>
  );
}

/**
 * Duplicate review (/duplicates): start the registry scan and follow it; then, for supervisors,
 * the pairs it proposed, to confirm, reject or merge, with an Undo for each merge just made, and
 * the merges made so far, to undo one later. The tab and filters are kept in the address.
 * Administrators may start the scan but see no persons, so they get the scan alone.
 */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [merges, setMerges] = useState<RecentMerge[]>([]);
  const statusParam = params.get('status');
  const status: PairStatus = isStatus(statusParam) ? statusParam : 'pending';
  const scanId = params.get('scan');
  const tabParam = params.get('tab');
  const tab: TabName = isTab(tabParam) ? tabParam : 'pairs';
  const mergesParam = params.get('merges');
  const mergeFilter = isMergeFilter(mergesParam) ? mergesParam : 'all';

  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  return (
    <Stack gap="md">
      <PageTitle>{t('duplicates.title')}</PageTitle>
      <Text size="sm" c="dimmed" maw={760}>
        {t('duplicates.intro')}
      </Text>
      <ScanPanel scanId={scanId} onScan={(id) => setParam('scan', id)} />
      {can('duplicate:review') ? (
        <>
          {merges.map((m) => (
            <MergeNotice
              key={m.result.merge.id}
              item={m}
              onDismiss={() => setMerges((all) => all.filter((x) => x !== m))}
            />
          ))}
          <Tabs
            value={tab}
            keepMounted={false}
            onChange={(v) => isTab(v) && setParam('tab', v === 'pairs' ? null : v)}
          >
            <Tabs.List>
              {TAB_NAMES.map((name) => (
                <Tabs.Tab key={name} value={name}>
                  {t(`duplicates.tabs.${name}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="pairs" pt="md">
              <PairList
                status={status}
                onStatus={(s) => setParam('status', s === 'pending' ? null : s)}
                onMerged={(m) => setMerges((all) => [m, ...all])}
              />
            </Tabs.Panel>
            <Tabs.Panel value="merges" pt="md">
              <RecentMerges
                filter={mergeFilter}
                onFilter={(f) => setParam('merges', f === 'all' ? null : f)}
              />
            </Tabs.Panel>
          </Tabs>
        </>
      ) : (
        <Alert color="blue">{t('duplicates.reviewNotAllowed')}</Alert>
      )}
    </Stack>
  );
}
