import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useFormat } from '../../i18n/format.ts';
import type { Urgency } from '../cases/codes.ts';
import { useRegions } from '../intake/api.ts';
import { placeName } from '../intake/places.ts';
import { useTodaysCalls } from './api.ts';
import type { Call } from './types.ts';

const URGENCY_COLOR: Record<Urgency, string> = {
  low: 'gray',
  normal: 'blue',
  high: 'orange',
  critical: 'red',
};

/** Hours and minutes in the UI language (a call list is read by the time of day). */
function useTimeOfDay() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
    return (iso: string) => f.format(new Date(iso));
  }, [i18n.language]);
}

/**
 * Today's calls, newest first: the one just saved appears at the top. Each call shows what it
 * was about and what came of it, and offers "Open a case" while the call has none and the
 * server says the user may.
 */
export function TodaysCalls({
  caseNumbers,
  onConvert,
}: {
  caseNumbers: Readonly<Record<string, string>>;
  onConvert: (call: Call) => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const time = useTimeOfDay();
  const query = useTodaysCalls();
  const regions = useRegions();
  const regionName = (code: string | null) => {
    if (!code) return null;
    const r = regions.data?.regions.find((x) => x.iso === code);
    return r ? placeName(r.names, i18n.language) : code;
  };

  let body: ReactNode;
  if (query.isPending) body = <PageLoader />;
  else if (query.isError) body = <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  else if (query.data.items.length === 0) body = <Text c="dimmed">{t('hotline.today.empty')}</Text>;
  else
    body = (
      <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {query.data.items.map((call) => {
          const caller = call.anonymous
            ? t('hotline.today.anonymous')
            : (call.callerName ?? t('hotline.today.unnamed'));
          const place = regionName(call.callerRegion);
          const number = caseNumbers[call.id];
          const canConvert =
            !call.caseId && call.abilities.includes('case:create') && call.abilities.includes('call:write');
          return (
            <Paper
              key={call.id}
              withBorder
              p="sm"
              component="li"
              aria-label={t('hotline.today.callAt', { time: time(call.receivedAt) })}
            >
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Group gap="xs" wrap="wrap">
                  <Text fw={700} size="sm">
                    {time(call.receivedAt)}
                  </Text>
                  <Text size="sm">{t(`hotline.topics.${call.topic}`)}</Text>
                </Group>
                <Badge
                  color={URGENCY_COLOR[call.urgency]}
                  variant={call.urgency === 'critical' ? 'filled' : 'light'}
                >
                  {t(`hotline.urgencies.${call.urgency}`)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {[
                  caller,
                  call.anonymous ? null : call.callerPhone,
                  place,
                  call.channel === 'hotline' ? null : t(`hotline.channels.${call.channel}`),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <Text size="sm" mt={4} lineClamp={3}>
                {call.summary}
              </Text>
              <Group justify="space-between" mt="xs" gap="xs" wrap="wrap">
                {call.caseId ? (
                  <Badge color="green" variant="light">
                    {number ? t('hotline.today.caseNumber', { number }) : t('hotline.outcomes.case_opened')}
                  </Badge>
                ) : call.outcome ? (
                  <Badge color="gray" variant="light">
                    {t(`hotline.outcomes.${call.outcome}`)}
                  </Badge>
                ) : (
                  <span />
                )}
                {canConvert && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => onConvert(call)}
                    aria-label={t('hotline.today.convertNamed', { time: time(call.receivedAt), caller })}
                  >
                    {t('hotline.today.convert')}
                  </Button>
                )}
              </Group>
            </Paper>
          );
        })}
      </Stack>
    );

  const count = query.data?.items.length;
  return (
    <section aria-labelledby="todays-calls-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="todays-calls-title">
          {t('hotline.today.title')}
        </Title>
        {count !== undefined && (
          <Text size="sm" c="dimmed">
            {t('hotline.today.count', { n: fmt.number(count) })}
          </Text>
        )}
      </Group>
      {body}
    </section>
  );
}
