import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { placeNamer, useRegions } from './regions.ts';

/**
 * Areas a service covers (regions or districts), chosen from the shipped list: the chosen ones as
 * removable buttons, and a native select (light, phone-friendly) grouped by region to add more.
 */
export function AreaPicker({
  id,
  value,
  onChange,
  onBlur,
  error,
  note,
}: {
  id: string;
  value: string[];
  onChange: (codes: string[]) => void;
  onBlur?: () => void;
  error?: string;
  note?: string;
}) {
  const { t, i18n } = useTranslation();
  const regions = useRegions();
  const name = placeNamer(regions.data, i18n.language);
  const labelId = useId();
  const lng = i18n.language === 'ru' || i18n.language === 'ky' ? i18n.language : 'en';

  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <div>
        <Text id={labelId} size="sm" fw="var(--mantine-font-weight-medium)">
          {t('admin.services.areas')}
        </Text>
        <Text size="xs" c="dimmed">
          {note ?? t('admin.services.areasHint')}
        </Text>
      </div>
      {value.length > 0 ? (
        <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {value.map((code) => (
            <li key={code}>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => onChange(value.filter((c) => c !== code))}
                aria-label={t('admin.services.removeArea', { name: name(code) })}
                rightSection={<span aria-hidden="true">×</span>}
              >
                {name(code)}
              </Button>
            </li>
          ))}
        </Group>
      ) : (
        <Text size="sm">{t('admin.services.noAreas')}</Text>
      )}
      <NativeSelect
        id={id}
        label={t('admin.services.addArea')}
        value=""
        onChange={(e) => {
          const code = e.currentTarget.value;
          if (code && !value.includes(code)) onChange([...value, code]);
        }}
        onBlur={onBlur}
        error={error}
        disabled={!regions.data}
      >
        <option value="">{t('admin.services.chooseArea')}</option>
        {regions.data?.regions.map((r) => (
          <optgroup key={r.iso} label={r.names[lng]}>
            {!value.includes(r.iso) && (
              <option value={r.iso}>{t('admin.services.wholeRegion', { name: r.names[lng] })}</option>
            )}
            {regions.data.districts
              .filter((d) => d.regionIso === r.iso && !value.includes(d.code))
              .map((d) => (
                <option key={d.code} value={d.code}>
                  {d.names[lng]}
                </option>
              ))}
          </optgroup>
        ))}
      </NativeSelect>
    </Stack>
  );
}
