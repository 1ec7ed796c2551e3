import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/auth.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCallConfig } from './api.ts';
import { CallForm } from './CallForm.tsx';
import { ConvertCallDialog } from './ConvertCallDialog.tsx';
import { TodaysCalls } from './TodaysCalls.tsx';
import type { Call } from './types.ts';

/**
 * The hotline console (/hotline): the hotline's number in the header, the call form on the left
 * (on a phone: on top) and today's calls beside it, each of which can become a case.
 */
export function HotlinePage() {
  const { t } = useTranslation();
  const can = useCan();
  const config = useCallConfig();
  const [converting, setConverting] = useState<Call | null>(null);
  const [caseNumbers, setCaseNumbers] = useState<Record<string, string>>({});
  const returnFocus = useRef<HTMLElement | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline" wrap="wrap" gap="xs">
        <PageTitle>{t('hotline.title')}</PageTitle>
        {config.data && (
          <Text
            size="lg"
            fw={700}
            c="blue.9"
            aria-label={t('hotline.numberLabel', { number: config.data.hotlineNumber })}
          >
            {t('hotline.number', { number: config.data.hotlineNumber })}
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {can('call:write') ? <CallForm /> : <Text c="dimmed">{t('hotline.readOnly')}</Text>}
        <TodaysCalls
          caseNumbers={caseNumbers}
          onConvert={(call) => {
            returnFocus.current = document.activeElement as HTMLElement | null;
            setConverting(call);
          }}
        />
      </SimpleGrid>
      <ConvertCallDialog
        call={converting}
        onConverted={(callId, number) => setCaseNumbers((m) => ({ ...m, [callId]: number }))}
        onClose={() => {
          setConverting(null);
          requestAnimationFrame(() => {
            const back = returnFocus.current?.isConnected
              ? returnFocus.current
              : document.getElementById('call-channel');
            back?.focus();
          });
        }}
      />
    </Stack>
  );
}
