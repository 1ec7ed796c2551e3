import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../../api/queryClient.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useFormat } from '../../i18n/format.ts';
import { duplicateKeys, useScan, useStartScan } from './api.ts';
import { scanPercent, scanRunning } from './evidence.ts';
import { SCAN_PHASES, type DuplicateScan, type ScanPhase } from './types.ts';

const isPhase = (p: string): p is ScanPhase => (SCAN_PHASES as readonly string[]).includes(p);

/** Where a scan stands: its phase, a progress bar, and what it found once finished. */
function ScanProgress({ scan }: { scan: DuplicateScan }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const percent = scanPercent(scan);
  const running = scan.status === 'running';
  const failed = scan.status === 'failed';
  const phase = scan.status === 'done' ? 'done' : scan.phase;
  return (
    <Stack gap={6} data-testid="scan-progress" data-status={scan.status}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {failed
            ? t('duplicates.scan.failedTitle')
            : isPhase(phase)
              ? t(`duplicates.scan.phase.${phase}`)
              : t('duplicates.scan.phase.other')}
        </Text>
        <Text size="xs" c="dimmed">
          {running && scan.total > 0
            ? t('duplicates.scan.count', { done: fmt.number(scan.done), total: fmt.number(scan.total) })
            : t('duplicates.scan.started', { time: fmt.dateTime(scan.startedAt) })}
        </Text>
      </Group>
      <Progress
        value={percent ?? 100}
        striped={running}
        animated={running}
        color={failed ? 'red' : scan.status === 'done' ? 'teal' : 'blue'}
        aria-label={t('duplicates.scan.progressLabel')}
        size="lg"
      />
      {scan.status === 'done' && (
        <Text size="sm" role="status">
          {t('duplicates.scan.done', {
            candidates: fmt.number(scan.candidates),
            found: fmt.number(scan.pairsFound),
            fresh: fmt.number(scan.pairsNew),
          })}
        </Text>
      )}
      {failed && (
        <Alert color="red" role="alert">
          {t('duplicates.scan.failed')}
        </Alert>
      )}
    </Stack>
  );
}

/**
 * Starts the registry scan and follows it until it finishes (the scan's id is kept in the
 * address, so a reload keeps following it). Asking while another scan runs shows that scan.
 */
export function ScanPanel({ scanId, onScan }: { scanId: string | null; onScan: (id: string) => void }) {
  const { t } = useTranslation();
  const start = useStartScan();
  const scan = useScan(scanId);
  const [alreadyRunning, setAlreadyRunning] = useState(false);
  const current = scan.data;
  const running = current?.status === 'running';

  // A finished scan changed the pairs to review.
  const finished = current?.status === 'done' ? current.id : null;
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: duplicateKeys.pairs });
  }, [finished]);

  const begin = () => {
    setAlreadyRunning(false);
    start.mutate(undefined, {
      onSuccess: (s) => onScan(s.id),
      onError: (error) => {
        const other = scanRunning(error);
        if (!other) return;
        setAlreadyRunning(true);
        if (other.scanId) onScan(other.scanId);
      },
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="scan-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h4" id="scan-title">
            {t('duplicates.scan.title')}
          </Title>
          <Button onClick={begin} loading={start.isPending} disabled={running}>
            {t('duplicates.scan.start')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('duplicates.scan.hint')}
        </Text>
        {alreadyRunning && (
          <Alert
            color="orange"
            role="alert"
            title={t('duplicates.scan.alreadyRunningTitle')}
            styles={{ title: { color: 'var(--mantine-color-orange-9)' } }}
          >
            {t('duplicates.scan.alreadyRunning')}
          </Alert>
        )}
        {start.isError && !scanRunning(start.error) && <ErrorAlert error={start.error} />}
        {scan.isError && <ErrorAlert error={scan.error} onRetry={() => void scan.refetch()} />}
        {current && <ScanProgress scan={current} />}
      </Stack>
    </Paper>
  );
}
