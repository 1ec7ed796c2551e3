import { Alert, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import type { RecentMerge } from './PairCard.tsx';
import { UndoMerge } from './UndoMerge.tsx';

/**
 * What a merge did (who went into whom, what moved) with its Undo: the merged record leaves
 * every list at once, so the notice says so and where the merge can be found again later.
 */
export function MergeNotice({ item, onDismiss }: { item: RecentMerge; onDismiss: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [undone, setUndone] = useState(false);
  const { merge } = item.result;
  const ref = useRef<HTMLDivElement>(null);

  // The merged pair has just left the list below; bring its outcome into view. The braces
  // matter: Chromium's scrollIntoView returns a promise, which React would take for a cleanup.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  return (
    <Alert
      color={undone ? 'blue' : 'teal'}
      role="status"
      title={t(undone ? 'duplicates.merged.undoneTitle' : 'duplicates.merged.title')}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onDismiss}
      data-testid={undone ? 'merge-undone' : 'merge-result'}
      ref={ref}
    >
      {undone ? (
        t('duplicates.merged.undone', { merged: item.mergedName })
      ) : (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {t('duplicates.merged.body', { merged: item.mergedName, kept: item.keptName })}
          </Text>
          <Text size="sm">
            {t('duplicates.merged.moved', {
              cases: fmt.number(merge.moved.cases.length),
              episodes: fmt.number(merge.moved.episodes.length),
              links: fmt.number(merge.moved.householdMembers.length),
            })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('duplicates.merged.later')}
          </Text>
          <UndoMerge mergeId={merge.id} onUndone={() => setUndone(true)} />
        </Stack>
      )}
    </Alert>
  );
}
