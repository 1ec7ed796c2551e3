import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/auth.ts';
import type { Office } from '../../api/types.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { OfficeForm } from './OfficeForm.tsx';
import { OfficesTable } from './OfficesTable.tsx';

/** Offices: everyone sees the list; with `office:write` one can add offices and edit them. */
export function OfficesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('office:write');
  const [editing, setEditing] = useState<Office | 'new' | null>(null);
  const [saved, setSaved] = useState<'created' | 'updated' | null>(null);

  const open = (target: Office | 'new') => {
    setSaved(null);
    setEditing(target);
    window.scrollTo({ top: 0 });
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('offices.title')}</PageTitle>
        {canWrite && editing === null && <Button onClick={() => open('new')}>{t('offices.add')}</Button>}
      </Group>
      {saved && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setSaved(null)}
        >
          {saved === 'created' ? t('offices.created') : t('offices.updated')}
        </Alert>
      )}
      {canWrite && editing !== null && (
        <OfficeForm
          key={editing === 'new' ? 'new' : editing.id}
          office={editing === 'new' ? undefined : editing}
          onDone={(result) => {
            setEditing(null);
            setSaved(result);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <OfficesTable onEdit={canWrite ? open : undefined} />
    </Stack>
  );
}
