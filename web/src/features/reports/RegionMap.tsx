import { Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useRegionShapes } from './api.ts';
import { Hatch } from './Hatch.tsx';
import { cellLabel, colourScale, projectRegions, type RegionFeature, type ReportRow } from './report.ts';

const EMPTY = 'var(--mantine-color-gray-2)';

/** A region's name in the interface language (the boundaries carry all three). */
export function regionName(feature: RegionFeature | undefined, lng: string, fallback: string): string {
  if (!feature) return fallback;
  const p = feature.properties;
  return lng === 'ru' ? p.name_ru : lng === 'ky' ? p.name_ky : p.name_en;
}

function Swatch({ fill, label }: { fill: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <svg width="18" height="12" aria-hidden="true" focusable="false">
        <rect width="18" height="12" style={{ fill, stroke: 'var(--mantine-color-gray-5)' }} />
      </svg>
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/**
 * Cases by origin region on a map of the oblasts, shaded by count; withheld regions are hatched.
 * Each region can be focused, and the one hovered or focused is named with its count below.
 */
export function RegionMap({ rows, threshold }: { rows: readonly ReportRow[]; threshold: number }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const shapes = useRegionShapes();
  const hatch = useId();
  const titleId = useId();
  const [active, setActive] = useState<string | null>(null);
  const projected = useMemo(() => (shapes.data ? projectRegions(shapes.data, 640) : null), [shapes.data]);
  const byIso = new Map(rows.map((r) => [r.key, r]));
  const scale = colourScale(rows.map((r) => (r.suppressed ? 0 : (r.count ?? 0))));
  const featureOf = new Map((shapes.data?.features ?? []).map((f) => [f.properties.iso3166_2, f]));
  const cell = (row: ReportRow) =>
    cellLabel(
      row,
      threshold,
      (k, o) => t(k, o),
      (n) => fmt.number(n),
    );
  const describe = (iso: string) => {
    const row = byIso.get(iso) ?? { key: iso, count: 0, suppressed: false };
    return t('reports.map.region', {
      name: regionName(featureOf.get(iso), i18n.language, iso),
      count: cell(row),
    });
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId} data-testid="region-map">
      <Title order={2} size="h4" id={titleId}>
        {t('reports.byRegion')}
      </Title>
      {shapes.isPending ? (
        <Loader size="sm" aria-label={t('reports.map.loading')} />
      ) : !projected ? (
        <Text c="dimmed">{t('reports.map.unavailable')}</Text>
      ) : (
        <svg
          viewBox={`0 0 ${projected.width} ${projected.height}`}
          width="100%"
          role="group"
          aria-label={t('reports.map.label')}
          style={{ maxWidth: projected.width, display: 'block', height: 'auto' }}
        >
          <Hatch id={hatch} />
          {projected.shapes.map((shape) => {
            const row = byIso.get(shape.iso);
            const fill = row?.suppressed ? `url(#${hatch})` : (scale.colourOf(row?.count ?? 0) ?? EMPTY);
            const label = describe(shape.iso);
            return (
              <path
                key={shape.iso}
                d={shape.d}
                data-region={shape.iso}
                data-count={row?.suppressed ? 'suppressed' : (row?.count ?? 0)}
                tabIndex={0}
                role="img"
                aria-label={label}
                onMouseEnter={() => setActive(shape.iso)}
                onMouseLeave={() => setActive(null)}
                onFocus={() => setActive(shape.iso)}
                onBlur={() => setActive(null)}
                style={{
                  fill,
                  stroke: active === shape.iso ? 'var(--mantine-color-dark-7)' : 'var(--mantine-color-white)',
                  strokeWidth: active === shape.iso ? 2 : 1,
                  outline: 'none',
                }}
              >
                <title>{label}</title>
              </path>
            );
          })}
        </svg>
      )}
      <Text size="sm" mih="1.5em" aria-live="polite" data-testid="region-map-active">
        {active ? describe(active) : ''}
      </Text>
      <Group gap="sm" component="figure" m={0} aria-label={t('reports.map.legend')}>
        {scale.classes.map((c) => (
          <Swatch
            key={c.from}
            fill={c.colour}
            label={c.from === c.to ? fmt.number(c.from) : `${fmt.number(c.from)}–${fmt.number(c.to)}`}
          />
        ))}
        <svg width="0" height="0" aria-hidden="true" focusable="false" style={{ position: 'absolute' }}>
          <Hatch id={`${hatch}-legend`} />
        </svg>
        <Swatch fill={`url(#${hatch}-legend)`} label={t('reports.fewerThan', { n: fmt.number(threshold) })} />
        <Swatch fill={EMPTY} label={t('reports.map.none')} />
      </Group>
    </Stack>
  );
}
