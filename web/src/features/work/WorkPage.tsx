import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/auth.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFormat } from '../../i18n/format.ts';
import { WorkPanel } from './WorkPanel.tsx';

/** "My work" (/work): the worker's day at a glance; the first item of their navigation. */
export function WorkPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { user } = useSession();
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <PageTitle>{t('work.title')}</PageTitle>
        <Text c="dimmed" size="sm">
          {`${user.displayName} · ${fmt.date(new Date())}`}
        </Text>
      </Stack>
      <WorkPanel />
    </Stack>
  );
}
