import '@mantine/core/styles/Table.css';
import { Alert, Group, Loader, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../api/auth.ts';
import { useAllOffices } from '../../api/offices.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useCaseReport, useRegionShapes, type ReportFilter } from './api.ts';
import { BarChart, ColumnChart, DataTable } from './BarChart.tsx';
import { RegionMap, regionName } from './RegionMap.tsx';
import { fillMonths, parseMonth } from './report.ts';

/** The office picker, for readers who see every office (a supervisor's reports are their office's). */
function OfficeFilter({ value, onChange }: { value: string; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const offices = useAllOffices();
  return (
    <NativeSelect
      label={t('reports.office')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value || null)}
      data={[
        { value: '', label: t('reports.allOffices') },
        ...(offices.data ?? []).map((o) => ({ value: o.id, label: o.name })),
      ]}
      w={260}
    />
  );
}

/**
 * Reports (/reports): case counts by origin region on a map, by status and type as bars and by
 * month opened as columns, each with its table. Counts below the threshold arrive withheld and are
 * shown as "fewer than 5", never guessed. The month range and office are kept in the address.
 */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const from = parseMonth(params.get('from'));
  const to = parseMonth(params.get('to'));
  const officeId = params.get('office') ?? undefined;
  const filter: ReportFilter = { from, to, officeId };
  const region = useCaseReport('region', filter);
  const status = useCaseReport('status', filter);
  const type = useCaseReport('type', filter);
  const month = useCaseReport('month', filter);
  const shapes = useRegionShapes();
  const reversed = from !== undefined && to !== undefined && from > to;

  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const monthLabel = (key: string | null) =>
    key
      ? new Intl.DateTimeFormat(i18n.language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${key}-01T00:00:00Z`),
        )
      : t('reports.unknown');
  const regionLabel = (key: string | null) =>
    key
      ? regionName(
          shapes.data?.features.find((f) => f.properties.iso3166_2 === key),
          i18n.language,
          key,
        )
      : t('reports.unknownRegion');
  const all = [region, status, type, month];
  const report = status.data;

  return (
    <Stack gap="lg">
      <PageTitle>{t('reports.title')}</PageTitle>
      <Text size="sm" c="dimmed" maw={760}>
        {t('reports.intro')}
      </Text>
      <Group gap="md" align="flex-end">
        <TextInput
          type="month"
          label={t('reports.from')}
          value={from ?? ''}
          onChange={(e) => setParam('from', parseMonth(e.currentTarget.value) ?? null)}
          w={180}
        />
        <TextInput
          type="month"
          label={t('reports.to')}
          value={to ?? ''}
          onChange={(e) => setParam('to', parseMonth(e.currentTarget.value) ?? null)}
          error={reversed ? t('reports.reversed') : undefined}
          w={180}
        />
        {(user.role === 'admin' || user.role === 'analyst') && (
          <OfficeFilter value={officeId ?? ''} onChange={(id) => setParam('office', id)} />
        )}
      </Group>
      {all.some((q) => q.isError) && !reversed && (
        <Alert color="red" role="alert">
          {t('reports.failed')}
        </Alert>
      )}
      {all.some((q) => q.isPending) && !all.some((q) => q.isError) ? (
        <Loader aria-label={t('reports.loading')} />
      ) : (
        <>
          {report && (
            <Text data-testid="report-total">
              {report.total === null
                ? t('reports.totalWithheld', { n: fmt.number(report.threshold) })
                : t('reports.total', { n: fmt.number(report.total) })}
            </Text>
          )}
          {region.data && (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
              <RegionMap rows={region.data.rows} threshold={region.data.threshold} />
              <DataTable
                title={t('reports.byRegion')}
                rows={region.data.rows}
                labelOf={regionLabel}
                threshold={region.data.threshold}
              />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {status.data && (
              <BarChart
                testId="status-chart"
                title={t('reports.byStatus')}
                rows={status.data.rows}
                labelOf={(k) =>
                  k ? t(`casesCodes.status.${k}` as 'casesCodes.status.open') : t('reports.unknown')
                }
                threshold={status.data.threshold}
              />
            )}
            {type.data && (
              <BarChart
                testId="type-chart"
                title={t('reports.byType')}
                rows={type.data.rows}
                labelOf={(k) =>
                  k ? t(`casesCodes.type.${k}` as 'casesCodes.type.legal_assistance') : t('reports.unknown')
                }
                threshold={type.data.threshold}
              />
            )}
          </SimpleGrid>
          {month.data && (
            <ColumnChart
              testId="month-chart"
              title={t('reports.byMonth')}
              rows={fillMonths(month.data.rows, from, to)}
              labelOf={monthLabel}
              threshold={month.data.threshold}
            />
          )}
        </>
      )}
    </Stack>
  );
}
