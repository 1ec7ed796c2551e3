import { NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COMMON_COUNTRIES, COMMON_CURRENCIES } from './codes.ts';
import { countryName } from './labels.ts';
import { todayLocal } from '../intake/dates.ts';

interface BaseProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  description?: string;
}

/** A native date picker (light, and the phone's own calendar); `past` stops at today. */
export function DateField({ past, ...p }: BaseProps & { past?: boolean }) {
  return (
    <TextInput
      type="date"
      id={p.id}
      label={p.label}
      description={p.description}
      value={p.value}
      onChange={(e) => p.onChange(e.currentTarget.value)}
      error={p.error}
      required={p.required}
      max={past ? todayLocal() : undefined}
    />
  );
}

/** A country picker: the usual destinations by name in the UI language, plus whatever is stored. */
export function CountrySelect({ allowEmpty, ...p }: BaseProps & { allowEmpty?: boolean }) {
  const { t, i18n } = useTranslation();
  const codes = [...new Set([...COMMON_COUNTRIES, ...(p.value ? [p.value.toUpperCase()] : [])])];
  const options = codes
    .map((code) => ({ value: code, label: countryName(code, i18n.language) }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  return (
    <NativeSelect
      id={p.id}
      label={p.label}
      description={p.description}
      value={p.value.toUpperCase()}
      onChange={(e) => p.onChange(e.currentTarget.value)}
      error={p.error}
      required={p.required}
      data={[...(allowEmpty ? [{ value: '', label: t('cases.notKnown') }] : []), ...options]}
    />
  );
}

/** A currency picker for amounts abroad (roubles, tenge …), plus whatever is stored. */
export function CurrencySelect(p: BaseProps) {
  const { t } = useTranslation();
  const codes = [...new Set([...COMMON_CURRENCIES, ...(p.value ? [p.value.toUpperCase()] : [])])];
  return (
    <NativeSelect
      id={p.id}
      label={p.label}
      value={p.value.toUpperCase()}
      onChange={(e) => p.onChange(e.currentTarget.value)}
      error={p.error}
      data={[{ value: '', label: t('cases.notKnown') }, ...codes.map((c) => ({ value: c, label: c }))]}
    />
  );
}
