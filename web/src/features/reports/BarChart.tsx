import { Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { Hatch } from './Hatch.tsx';
import { cellLabel, type ReportRow } from './report.ts';

const BAR = 'var(--mantine-color-blue-6)';

/** One chart's rows, each with the label shown for its key. */
export interface ChartProps {
  title: string;
  rows: readonly ReportRow[];
  labelOf: (key: string | null) => string;
  threshold: number;
  testId: string;
}

function useCell(threshold: number) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (row: ReportRow) =>
    cellLabel(
      row,
      threshold,
      (k, o) => t(k, o),
      (n) => fmt.number(n),
    );
}

// A table longer than this (years of months) folds away behind a summary, to be opened when wanted.
const FOLD_AFTER_ROWS = 12;

/** The same numbers as a table: what screen readers and keyboard users read. */
export function DataTable({ title, rows, labelOf, threshold }: Omit<ChartProps, 'testId'>) {
  const { t } = useTranslation();
  const table = <NumbersTable title={title} rows={rows} labelOf={labelOf} threshold={threshold} />;
  if (rows.length <= FOLD_AFTER_ROWS) return table;
  return (
    <details>
      <summary>{t('reports.showNumbers', { title })}</summary>
      {table}
    </details>
  );
}

function NumbersTable({ title, rows, labelOf, threshold }: Omit<ChartProps, 'testId'>) {
  const { t } = useTranslation();
  const cell = useCell(threshold);
  return (
    <ScrollTable label={title} minWidth={280}>
      <Table.Caption>{t('reports.tableCaption', { title })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('reports.group')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('reports.cases')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.key ?? '-'} data-suppressed={row.suppressed || undefined}>
            <Table.Th scope="row" fw={400}>
              {labelOf(row.key)}
            </Table.Th>
            <Table.Td ta="right">{cell(row)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** How tall a row is drawn: a withheld cell at the most it could be, labelled "fewer than 5". */
const drawnValue = (row: ReportRow, threshold: number): number =>
  row.suppressed ? threshold - 1 : (row.count ?? 0);

/**
 * What every chart shares: its titled section, the empty message, the SVG frame with the hatch
 * pattern for withheld cells, and the table of the same numbers beneath.
 */
function ChartSection({
  title,
  rows,
  labelOf,
  threshold,
  testId,
  width,
  height,
  children,
}: ChartProps & { width: number; height: number; children: (hatch: string) => ReactNode }) {
  const { t } = useTranslation();
  const hatch = useId();
  const titleId = useId();
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId} data-testid={testId}>
      <Title order={2} size="h4" id={titleId}>
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('reports.empty')}</Text>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${width} ${height}`}
            width="100%"
            aria-hidden="true"
            focusable="false"
            style={{ maxWidth: width, display: 'block', height: 'auto' }}
          >
            <Hatch id={hatch} />
            {children(hatch)}
          </svg>
          <DataTable title={title} rows={rows} labelOf={labelOf} threshold={threshold} />
        </>
      )}
    </Stack>
  );
}

/**
 * Horizontal bars, one per row (status or type), as plain SVG; a withheld cell is a short hatched
 * bar labelled "fewer than 5", since drawing it at any length would suggest a number.
 */
export function BarChart(props: ChartProps) {
  const { rows, labelOf, threshold } = props;
  const cell = useCell(threshold);
  const width = 560;
  const labelW = 180;
  const valueW = 90;
  const rowH = 28;
  const max = Math.max(threshold, ...rows.map((r) => r.count ?? 0));
  const barSpace = width - labelW - valueW;
  return (
    <ChartSection {...props} width={width} height={rows.length * rowH + 8}>
      {(hatch) =>
        rows.map((row, i) => {
          const y = 4 + i * rowH;
          const w = Math.max((barSpace * drawnValue(row, threshold)) / max, 2);
          return (
            <g key={row.key ?? '-'} data-suppressed={row.suppressed || undefined}>
              <title>{`${labelOf(row.key)}: ${cell(row)}`}</title>
              <text
                x={labelW - 8}
                y={y + rowH / 2 + 4}
                textAnchor="end"
                fontSize="12"
                style={{ fill: 'currentColor' }}
              >
                {labelOf(row.key)}
              </text>
              <rect
                x={labelW}
                y={y + 4}
                width={w}
                height={rowH - 8}
                style={{ fill: row.suppressed ? `url(#${hatch})` : BAR }}
              />
              <text
                x={labelW + w + 6}
                y={y + rowH / 2 + 4}
                fontSize="12"
                style={{ fill: 'var(--mantine-color-dimmed)' }}
              >
                {cell(row)}
              </text>
            </g>
          );
        })
      }
    </ChartSection>
  );
}

/** Columns by month, oldest first; withheld months hatched up to the largest value they could hold. */
export function ColumnChart(props: ChartProps) {
  const { rows, labelOf, threshold } = props;
  const cell = useCell(threshold);
  const width = 640;
  const height = 220;
  const left = 36;
  const bottom = 36;
  const top = 10;
  const max = Math.max(threshold, ...rows.map((r) => r.count ?? 0));
  const plotH = height - top - bottom;
  const colW = rows.length ? (width - left - 8) / rows.length : 0;
  // Label at most about twelve months so the axis stays legible over long ranges.
  const every = Math.max(1, Math.ceil(rows.length / 12));
  const axisText = {
    textAnchor: 'end',
    fontSize: '11',
    style: { fill: 'var(--mantine-color-dimmed)' },
  } as const;
  return (
    <ChartSection {...props} width={width} height={height}>
      {(hatch) => (
        <>
          <line
            x1={left}
            x2={width - 8}
            y1={top + plotH}
            y2={top + plotH}
            style={{ stroke: 'var(--mantine-color-gray-5)' }}
          />
          <text x={left - 6} y={top + 4} {...axisText}>
            {max}
          </text>
          <text x={left - 6} y={top + plotH} {...axisText}>
            0
          </text>
          {rows.map((row, i) => {
            const h = (plotH * drawnValue(row, threshold)) / max;
            const x = left + i * colW;
            return (
              <g key={row.key ?? '-'} data-suppressed={row.suppressed || undefined}>
                <title>{`${labelOf(row.key)}: ${cell(row)}`}</title>
                <rect
                  x={x + colW * 0.15}
                  y={top + plotH - h}
                  width={colW * 0.7}
                  height={h}
                  style={{ fill: row.suppressed ? `url(#${hatch})` : BAR }}
                />
                {i % every === 0 && (
                  <text
                    x={x + colW / 2}
                    y={height - bottom + 16}
                    textAnchor="middle"
                    fontSize="11"
                    style={{ fill: 'var(--mantine-color-dimmed)' }}
                  >
                    {labelOf(row.key)}
                  </text>
                )}
              </g>
            );
          })}
        </>
      )}
    </ChartSection>
  );
}
