import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The dismissible note a save leaves above a list, announced politely, the same on every screen. */
export function SavedNotice({
  onClose,
  color = 'green',
  children,
}: {
  onClose: () => void;
  /** Green for "saved"; yellow when the save went through with advice attached. */
  color?: 'green' | 'yellow';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Alert color={color} role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={onClose}>
      {children}
    </Alert>
  );
}
