import { SimpleGrid } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllOffices } from '../../api/offices.ts';
import type { Office } from '../../api/types.ts';
import { useRegions } from './api.ts';
import { countryOptions, districtOptions, regionOptions } from './places.ts';
import { SearchSelect } from './SearchSelect.tsx';

/**
 * Region and district pickers fed by GET /regions, side by side on wide screens. Changing the
 * region clears a district that is not in it, so the pair the API receives is always consistent.
 * The district stays enabled (and empty until a region is chosen) so that Tab from the region
 * always lands on it: a disabled field would be skipped before the region's choice is applied.
 */
export function RegionDistrictFields({
  idPrefix,
  region,
  district,
  onChange,
  regionLabel,
  districtLabel,
  regionError,
  districtError,
}: {
  idPrefix: string;
  region: string;
  district: string;
  onChange: (next: { region: string; district: string }) => void;
  regionLabel: string;
  districtLabel: string;
  regionError?: string;
  districtError?: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const query = useRegions();
  const regions = useMemo(() => regionOptions(query.data?.regions ?? [], lng), [query.data, lng]);
  const districts = useMemo(
    () => districtOptions(query.data?.districts ?? [], region, lng),
    [query.data, region, lng],
  );
  const loadError = query.isError ? t('intake.placesUnavailable') : undefined;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <SearchSelect
        id={`${idPrefix}Region`}
        label={regionLabel}
        placeholder={t('intake.typeToFilter')}
        data={regions}
        value={region}
        onChange={(next) => {
          const keep = next && district && district.startsWith(`${next}-`);
          onChange({ region: next, district: keep ? district : '' });
        }}
        error={regionError ?? loadError}
        nothingFoundMessage={t('intake.nothingFound')}
      />
      <SearchSelect
        id={`${idPrefix}District`}
        label={districtLabel}
        placeholder={region ? t('intake.typeToFilter') : t('intake.chooseRegionFirst')}
        data={districts}
        value={district}
        onChange={(next) => onChange({ region, district: next })}
        error={districtError}
        nothingFoundMessage={region ? t('intake.nothingFound') : t('intake.chooseRegionFirst')}
      />
    </SimpleGrid>
  );
}

/** A country picker (names in the UI language, usual destinations first). */
export function CountrySelect({
  id,
  label,
  value,
  onChange,
  error,
  required,
  description,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  error?: string;
  required?: boolean;
  description?: string;
}) {
  const { t, i18n } = useTranslation();
  const data = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  return (
    <SearchSelect
      id={id}
      label={label}
      description={description}
      placeholder={t('intake.typeToFilter')}
      data={data}
      value={value}
      onChange={onChange}
      error={error}
      required={required}
      nothingFoundMessage={t('intake.nothingFound')}
    />
  );
}

/** Offices that can work a case: every office except the hotline itself, by name. */
export function caseOffices(offices: readonly Office[]): Office[] {
  return offices.filter((o) => o.kind !== 'hotline').sort((a, b) => a.name.localeCompare(b.name));
}

/** The office that will work the case; the server decides whether the user may open a case there. */
export function OfficeSelect({
  id,
  value,
  onChange,
  error,
  description,
}: {
  id: string;
  value: string;
  onChange: (officeId: string) => void;
  error?: string;
  description?: string;
}) {
  const { t } = useTranslation();
  const query = useAllOffices();
  const data = useMemo(
    () =>
      caseOffices(query.data ?? []).map((o) => ({
        value: o.id,
        label: o.name,
        keywords: `${o.country} ${o.regionCodes.join(' ')}`.toLowerCase(),
      })),
    [query.data],
  );
  return (
    <SearchSelect
      id={id}
      label={t('intake.office')}
      description={description}
      placeholder={t('intake.typeToFilter')}
      data={data}
      value={value}
      onChange={onChange}
      error={error ?? (query.isError ? t('intake.officesUnavailable') : undefined)}
      required
      nothingFoundMessage={t('intake.nothingFound')}
    />
  );
}
