import { Alert, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../api/auth.ts';
import { PageTitle } from '../components/PageTitle.tsx';

/** Shows a page only when the server granted `ability`; the server still enforces it on every call. */
export function RequireAbility({ ability, children }: { ability: string; children: ReactNode }) {
  const can = useCan();
  const { t } = useTranslation();
  if (can(ability)) return children;
  return (
    <Stack>
      <PageTitle>{t('forbidden.title')}</PageTitle>
      <Alert color="yellow">{t('forbidden.body')}</Alert>
    </Stack>
  );
}
