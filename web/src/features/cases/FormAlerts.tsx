import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { caseErrorMessage } from './errors.ts';
import type { CaseFormState } from './useCaseForm.ts';

/**
 * The messages above a case form: a 409 conflict with its "reload and re-apply" button, the
 * notice after re-applying, and any error that belongs to no single field.
 */
export function FormAlerts({ form, onReload }: { form: CaseFormState; onReload?: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {form.conflict && (
        <Alert color="orange" title={t('cases.conflict.title')} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('cases.conflict.body')}</Text>
            {onReload && (
              <Button size="xs" variant="default" onClick={onReload} loading={form.reloading}>
                {t('cases.conflict.reload')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {form.notice && (
        <Alert color={form.notice === 'gone' ? 'red' : 'blue'} role="status">
          {form.notice === 'gone' ? t('cases.conflict.gone') : t('cases.conflict.reapplied')}
        </Alert>
      )}
      {form.otherError != null && (
        <Alert color="red" role="alert">
          {caseErrorMessage(t, form.otherError)}
        </Alert>
      )}
    </>
  );
}
