import { NativeSelect } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../api/types.ts';
import { currentLocale, isLocale } from '../i18n/index.ts';

/** Language picker (en/ru/ky), a native select: light, and usable with phone pickers and screen readers. */
export function LanguageSwitcher({ onChange }: { onChange: (locale: Locale) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      {/* A real <label>, hidden visually so the header stays compact at 360 px. */}
      <label htmlFor={id} className="sr-only">
        {t('language.label')}
      </label>
      <NativeSelect
        id={id}
        size="sm"
        w={120}
        value={currentLocale()}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (isLocale(value)) onChange(value);
        }}
      >
        {LOCALES.map((lng) => (
          // Each language name is written in that language; lang lets screen readers pronounce it.
          <option key={lng} value={lng} lang={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </NativeSelect>
    </>
  );
}
