import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../i18n/messages.ts';

/**
 * What a form shows on 409 `version_conflict`: someone saved first. The reload merges their
 * version under the user's own edits, so nothing typed is lost.
 */
export function ConflictAlert({ onReload, reloading }: { onReload: () => void; reloading: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('admin.conflict.title')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('admin.conflict.body')}</Text>
        <Button size="xs" variant="default" onClick={onReload} loading={reloading}>
          {t('admin.conflict.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** After the merge: says that the latest version is in and which fields someone else changed. */
export function MergedNotice({ changed }: { changed: string[] }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" role="status">
      {changed.length === 0
        ? t('admin.conflict.mergedNothing')
        : t('admin.conflict.merged', { fields: changed.join(', ') })}
    </Alert>
  );
}

/** Everything an admin form says above its fields about the last save: the 409, the merge, any other error. */
export function SaveAlerts<F extends string>({
  form,
  label,
  onReload,
}: {
  form: { conflict: boolean; reloading: boolean; merged: { changed: F[] } | null; otherError: unknown };
  /** The translated name of a field, for the list of what someone else changed. */
  label: (field: F) => string;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {form.conflict && <ConflictAlert onReload={onReload} reloading={form.reloading} />}
      {form.merged && <MergedNotice changed={form.merged.changed.map(label)} />}
      {form.otherError != null && (
        <Alert color="red" role="alert">
          {apiErrorMessage(t, form.otherError)}
        </Alert>
      )}
    </>
  );
}
