import { Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's <h1>, which also sets document.title so tabs and screen readers name the page. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.pageTitle', { page: children });
  }, [children, t]);
  return (
    <Title order={1} size="h2">
      {children}
    </Title>
  );
}
