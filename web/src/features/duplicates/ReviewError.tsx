import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../../api/queryClient.ts';
import { apiErrorMessage } from '../../i18n/messages.ts';
import { duplicateKeys } from './api.ts';
import { needsReload, reviewErrorKey } from './evidence.ts';

/**
 * A failed decision, merge or undo in the review's own words. When someone else changed the
 * pair or the persons first (409, or 404 once a person left the scope), it offers to reload
 * what the screen shows, as the other screens do on a conflict.
 */
export function ReviewError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const key = reviewErrorKey(error);
  const message = key ? t(key) : apiErrorMessage(t, error);
  if (!needsReload(error)) {
    return (
      <Alert color="red" role="alert">
        {message}
      </Alert>
    );
  }
  return (
    <Alert color="orange" title={t('duplicates.conflict.title')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button
          size="xs"
          variant="default"
          onClick={() => void queryClient.invalidateQueries({ queryKey: duplicateKeys.all })}
        >
          {t('duplicates.conflict.reload')}
        </Button>
      </Stack>
    </Alert>
  );
}
