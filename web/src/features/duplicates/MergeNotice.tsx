import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useUndoMerge } from './api.ts';
import type { RecentMerge } from './PairCard.tsx';
import { ReviewError } from './ReviewError.tsx';

/**
 * What a merge did (who went into whom, what moved) with its Undo: the merged record leaves
 * every list at once, so this notice is the one place the reviewer can take it back from.
 */
export function MergeNotice({ item, onDismiss }: { item: RecentMerge; onDismiss: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const undo = useUndoMerge();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const { merge } = item.result;
  const fieldId = `undo-${merge.id}-reason`;
  const ref = useRef<HTMLDivElement>(null);

  // The merged pair has just left the list below; bring its outcome into view.
  useEffect(() => ref.current?.scrollIntoView({ block: 'nearest' }), []);

  if (undo.isSuccess) {
    return (
      <Alert
        color="blue"
        role="status"
        title={t('duplicates.merged.undoneTitle')}
        withCloseButton
        closeButtonLabel={t('common.close')}
        onClose={onDismiss}
        data-testid="merge-undone"
        ref={ref}
      >
        {t('duplicates.merged.undone', { merged: item.mergedName })}
      </Alert>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      document.getElementById(fieldId)?.focus();
      return;
    }
    undo.mutate({ mergeId: merge.id, reason: reason.trim() });
  };

  return (
    <Alert
      color="teal"
      role="status"
      title={t('duplicates.merged.title')}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onDismiss}
      data-testid="merge-result"
      ref={ref}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('duplicates.merged.body', { merged: item.mergedName, kept: item.keptName })}</Text>
        <Text size="sm">
          {t('duplicates.merged.moved', {
            cases: fmt.number(merge.moved.cases.length),
            episodes: fmt.number(merge.moved.episodes.length),
            links: fmt.number(merge.moved.householdMembers.length),
          })}
        </Text>
        {!open ? (
          <Button size="xs" variant="default" onClick={() => setOpen(true)}>
            {t('duplicates.merged.undo')}
          </Button>
        ) : (
          <form onSubmit={submit} noValidate style={{ width: '100%' }}>
            <Stack gap="xs">
              {undo.isError && <ReviewError error={undo.error} />}
              <Textarea
                id={fieldId}
                label={t('duplicates.merged.undoReason')}
                description={t('duplicates.merged.undoHint')}
                value={reason}
                onChange={(e) => {
                  setReason(e.currentTarget.value);
                  setMissing(false);
                }}
                error={missing ? t('duplicates.reasonRequired') : undefined}
                required
                autosize
                minRows={2}
                maxLength={2000}
              />
              <Group gap="xs">
                <Button type="submit" size="xs" color="red" variant="light" loading={undo.isPending}>
                  {t('duplicates.merged.undoSubmit')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setOpen(false)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Alert>
  );
}
