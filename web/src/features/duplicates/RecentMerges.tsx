import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useMerges } from './api.ts';
import { FilteredSection } from './FilteredSection.tsx';
import { displayName } from './PairCard.tsx';
import { MERGE_STATUSES, type MergeRecord, type MergeStatus } from './types.ts';
import { UndoMerge } from './UndoMerge.tsx';

/** What the merges list shows: every merge, or those standing or undone. */
export type MergeFilter = MergeStatus | 'all';
const FILTERS: readonly MergeFilter[] = ['all', ...MERGE_STATUSES];

/** Whether a value from the address is one of the filters. */
export const isMergeFilter = (s: string | null): s is MergeFilter =>
  (FILTERS as readonly (string | null)[]).includes(s);

/** One merge: who went into whom, who merged and why, what moved, and its Undo while it can be. */
function MergeItem({ merge }: { merge: MergeRecord }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const titleId = `merge-${merge.id}`;
  const undone = merge.status === 'undone';
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-labelledby={titleId}
      data-testid="merge-record"
      data-status={merge.status}
    >
      <Stack gap="xs" align="flex-start">
        <Group justify="space-between" align="flex-start" gap="xs" w="100%">
          <Title order={3} size="h5" id={titleId}>
            {t('duplicates.merges.item', {
              merged: displayName(merge.mergedPerson),
              kept: displayName(merge.intoPerson),
            })}
          </Title>
          <Badge variant="light" color={undone ? 'gray' : 'teal'} tt="none">
            {t(`duplicates.merges.filter.${merge.status}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {[
            t('duplicates.merges.mergedOn', { time: fmt.dateTime(merge.mergedAt), name: merge.mergedByName }),
            t('duplicates.pair.reason', { reason: merge.reason }),
          ].join(' ')}
        </Text>
        <Text size="sm">
          {t('duplicates.merged.moved', {
            cases: fmt.number(merge.movedCounts.cases),
            episodes: fmt.number(merge.movedCounts.episodes),
            links: fmt.number(merge.movedCounts.householdMembers),
          })}
        </Text>
        {undone && merge.undoneAt && (
          <Text size="sm">
            {[
              t('duplicates.merges.undoneOn', {
                time: fmt.dateTime(merge.undoneAt),
                name: merge.undoneByName ?? t('cases.someone'),
              }),
              merge.undoReason ? t('duplicates.pair.reason', { reason: merge.undoReason }) : null,
            ]
              .filter(Boolean)
              .join(' ')}
          </Text>
        )}
        {!undone && merge.undoable && <UndoMerge mergeId={merge.id} />}
        {!undone && merge.undoBlocker && (
          <Alert color="orange" title={t('duplicates.merges.notUndoable')} w="100%">
            {t(`duplicates.undoBlockers.${merge.undoBlocker}`)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The merges made in the reviewer's scope, newest first, each with its Undo while the moved
 * records are unchanged: once merged, a record is in no other list, so this is where a merge is
 * found again after leaving the page.
 */
export function RecentMerges({
  filter,
  onFilter,
}: {
  filter: MergeFilter;
  onFilter: (f: MergeFilter) => void;
}) {
  const { t } = useTranslation();
  const query = useMerges(filter === 'all' ? null : filter);
  return (
    <FilteredSection
      titleId="merges-title"
      title={t('duplicates.merges.title')}
      intro={
        <Text size="sm" c="dimmed" maw={760}>
          {t('duplicates.merges.intro')}
        </Text>
      }
      filter={filter}
      filters={FILTERS}
      filterLabel={t('duplicates.merges.statusLabel')}
      optionLabel={(f) => t(`duplicates.merges.filter.${f}`)}
      onFilter={onFilter}
      query={query}
      empty={t(`duplicates.merges.empty.${filter}`)}
    >
      {(items) => items.map((merge) => <MergeItem key={`${merge.id}-${merge.status}`} merge={merge} />)}
    </FilteredSection>
  );
}
