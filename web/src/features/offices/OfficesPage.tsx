import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/auth.ts';
import type { Office } from '../../api/types.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { SavedNotice } from '../../components/SavedNotice.tsx';
import { useFormWithNotice } from '../../hooks/useFormWithNotice.ts';
import { OfficeForm } from './OfficeForm.tsx';
import { OfficesTable } from './OfficesTable.tsx';

/** Offices: everyone sees the list; with `office:write` one can add offices and edit them. */
export function OfficesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('office:write');
  const { editing, notice: saved, ...form } = useFormWithNotice<Office | 'new', 'created' | 'updated'>();

  const open = (target: Office | 'new') => {
    form.open(target);
    window.scrollTo({ top: 0 });
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('offices.title')}</PageTitle>
        {canWrite && editing === null && <Button onClick={() => open('new')}>{t('offices.add')}</Button>}
      </Group>
      {saved && (
        <SavedNotice onClose={form.dismiss}>
          {saved === 'created' ? t('offices.created') : t('offices.updated')}
        </SavedNotice>
      )}
      {canWrite && editing !== null && (
        <OfficeForm
          key={editing === 'new' ? 'new' : editing.id}
          office={editing === 'new' ? undefined : editing}
          onDone={form.finish}
          onCancel={form.close}
        />
      )}
      <OfficesTable onEdit={canWrite ? open : undefined} />
    </Stack>
  );
}
