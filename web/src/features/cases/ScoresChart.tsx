import { Group, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { chartGeometry, DEFAULT_BOX } from './chart.ts';
import { SCORE_SERIES, type ScoreSeries } from './codes.ts';
import type { RssScores } from './types.ts';

/** Colour and dash of each line: the dash tells them apart without colour. */
const STYLE: Record<ScoreSeries, { color: string; dash?: string; width: number }> = {
  economic: { color: 'var(--mantine-color-blue-7)', width: 2 },
  social: { color: 'var(--mantine-color-teal-7)', dash: '7 4', width: 2 },
  psychosocial: { color: 'var(--mantine-color-grape-7)', dash: '2 3', width: 2 },
  composite: { color: 'var(--mantine-color-dark-6)', width: 3.5 },
};

function Swatch({ series }: { series: ScoreSeries }) {
  const s = STYLE[series];
  return (
    <svg width="28" height="10" aria-hidden="true" focusable="false">
      <line
        x1="1"
        y1="5"
        x2="27"
        y2="5"
        style={{ stroke: s.color }}
        strokeWidth={s.width}
        strokeDasharray={s.dash}
      />
    </svg>
  );
}

/**
 * The RSS scores over time as a small inline SVG line chart (no chart library: a few hundred
 * bytes instead of a hundred kilobytes on 3G), followed by the same numbers as a table, which is
 * what screen readers and keyboard users read.
 */
export function ScoresChart({ trend }: { trend: readonly { takenOn: string; scores: RssScores }[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const titleId = useId();
  const descId = useId();
  if (trend.length === 0) return null;
  const box = DEFAULT_BOX;
  const geometry = chartGeometry(trend, box);
  const score = (value: number | null) =>
    value === null ? t('common.none') : fmt.number(value, { minimumFractionDigits: 2 });
  const latest = trend.at(-1)!;

  return (
    <figure style={{ margin: 0 }} data-testid="scores-chart">
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        width="100%"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        style={{ maxWidth: box.width, display: 'block', height: 'auto' }}
      >
        <title id={titleId}>{t('cases.rss.chartTitle')}</title>
        <desc id={descId}>
          {t('cases.rss.chartDesc', {
            n: trend.length,
            date: fmt.date(latest.takenOn),
            score: score(latest.scores.composite),
          })}
        </desc>
        {geometry.yTicks.map((tick) => (
          <g key={tick.value}>
            <line
              x1={box.left}
              x2={box.width - box.right}
              y1={tick.y}
              y2={tick.y}
              style={{ stroke: 'var(--mantine-color-gray-3)' }}
              strokeDasharray={tick.value === 0 || tick.value === 1 ? undefined : '3 3'}
            />
            <text
              x={box.left - 6}
              y={tick.y + 4}
              textAnchor="end"
              fontSize="11"
              style={{ fill: 'var(--mantine-color-dimmed)' }}
            >
              {fmt.number(tick.value, { minimumFractionDigits: 2 })}
            </text>
          </g>
        ))}
        {geometry.xTicks.map((tick, index) => (
          <text
            key={`${tick.takenOn}-${index}`}
            x={tick.x}
            y={box.height - 8}
            textAnchor={
              geometry.xTicks.length > 1 && index === 0
                ? 'start'
                : index === geometry.xTicks.length - 1 && geometry.xTicks.length > 1
                  ? 'end'
                  : 'middle'
            }
            fontSize="11"
            style={{ fill: 'var(--mantine-color-dimmed)' }}
          >
            {fmt.date(tick.takenOn)}
          </text>
        ))}
        {geometry.lines.map((line) => {
          const s = STYLE[line.series];
          return (
            <g key={line.series}>
              <path
                d={line.d}
                fill="none"
                style={{ stroke: s.color }}
                strokeWidth={s.width}
                strokeDasharray={s.dash}
                strokeLinejoin="round"
              />
              {line.points.map((p) => (
                <circle
                  key={`${p.takenOn}-${p.x}`}
                  cx={p.x}
                  cy={p.y}
                  r={line.series === 'composite' ? 4 : 3}
                  style={{ fill: s.color }}
                >
                  <title>{`${t(`casesCodes.dimension.${line.series}`)} · ${fmt.date(p.takenOn)} · ${score(p.value)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <Group gap="md" mt={4} component="figcaption">
        {SCORE_SERIES.map((series) => (
          <Group key={series} gap={4} wrap="nowrap">
            <Swatch series={series} />
            <Text size="xs">{t(`casesCodes.dimension.${series}`)}</Text>
          </Group>
        ))}
      </Group>
      <ScrollTable label={t('cases.rss.tableLabel')} minWidth={420}>
        <Table.Caption>{t('cases.rss.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('cases.rss.takenOn')}</Table.Th>
            {SCORE_SERIES.map((series) => (
              <Table.Th key={series} scope="col">
                {t(`casesCodes.dimension.${series}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trend.map((p, index) => (
            <Table.Tr key={`${p.takenOn}-${index}`}>
              <Table.Th scope="row" fw={400}>
                {fmt.date(p.takenOn)}
              </Table.Th>
              {SCORE_SERIES.map((series) => (
                <Table.Td key={series} fw={series === 'composite' ? 700 : undefined}>
                  {score(p.scores[series])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </figure>
  );
}
