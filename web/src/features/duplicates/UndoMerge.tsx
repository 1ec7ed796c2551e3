import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUndoMerge } from './api.ts';
import { ReviewError } from './ReviewError.tsx';

/**
 * The Undo of a merge: a button that opens the reason (required: it goes on the record and on
 * each case's timeline), and the refusal in the review's words when records changed since.
 * Shown wherever a merge can be taken back: just after merging, and in the merges list.
 */
export function UndoMerge({ mergeId, onUndone }: { mergeId: string; onUndone?: () => void }) {
  const { t } = useTranslation();
  const undo = useUndoMerge();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const fieldId = `undo-${mergeId}-reason`;

  if (undo.isSuccess) return null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      document.getElementById(fieldId)?.focus();
      return;
    }
    undo.mutate({ mergeId, reason: reason.trim() }, { onSuccess: () => onUndone?.() });
  };

  if (!open) {
    return (
      <Button size="xs" variant="default" onClick={() => setOpen(true)}>
        {t('duplicates.merged.undo')}
      </Button>
    );
  }
  return (
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
  );
}
