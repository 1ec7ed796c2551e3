import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COMMON_LANGUAGES, SEXES, type Sex } from '../cases/codes.ts';
import { CodeCheckboxes, DocumentsEditor, withChoose, type StepProps } from './fields.tsx';
import { CountrySelect, RegionDistrictFields } from './PlaceFields.tsx';
import { languageName } from './places.ts';
import { normalizePhone } from './phone.ts';
import { fieldId, type PersonValues } from './wizard.ts';

// Hints under the input, so inputs in one row line up whether or not they have a hint.
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

/**
 * Step 1: who the person is. Names as written (Cyrillic or Latin, as in their documents), an
 * optional Latin form and pseudonym, sex, birth date or an estimated age, citizenship, phone,
 * where they come from, languages, and documents they hold or that someone else keeps.
 */
export function PersonStep({ values: p, set, err }: StepProps<PersonValues>) {
  const { t, i18n } = useTranslation();
  const text = (field: keyof PersonValues) => ({
    id: fieldId(`person.${field}`),
    value: p[field] as string,
    onChange: (e: { currentTarget: { value: string } }) => set({ [field]: e.currentTarget.value }),
    error: err(`person.${field}`),
  });
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          {...text('familyName')}
          label={t('intake.person.familyName')}
          required
          autoComplete="off"
        />
        <TextInput {...text('givenName')} label={t('intake.person.givenName')} required autoComplete="off" />
        <TextInput {...text('patronymic')} label={t('intake.person.patronymic')} autoComplete="off" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          {...text('latinName')}
          label={t('intake.person.latinName')}
          description={t('intake.person.latinNameHint')}
          inputWrapperOrder={BELOW}
          autoComplete="off"
          spellCheck={false}
        />
        <TextInput
          {...text('pseudonym')}
          label={t('intake.person.pseudonym')}
          description={t('intake.person.pseudonymHint')}
          inputWrapperOrder={BELOW}
          autoComplete="off"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NativeSelect
          id={fieldId('person.sex')}
          label={t('intake.person.sex')}
          value={p.sex}
          onChange={(e) => set({ sex: e.currentTarget.value as Sex | '' })}
          data={withChoose(
            t('intake.choose'),
            SEXES.map((s) => ({ value: s, label: t(`intake.sexes.${s}`) })),
          )}
          error={err('person.sex')}
          required
        />
        <TextInput {...text('birthDate')} type="date" label={t('intake.person.birthDate')} max="9999-12-31" />
        <TextInput
          {...text('estimatedAge')}
          label={t('intake.person.estimatedAge')}
          description={t('intake.person.estimatedAgeHint')}
          inputWrapperOrder={BELOW}
          inputMode="numeric"
          disabled={p.birthDate !== ''}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <CountrySelect
          id={fieldId('person.citizenship')}
          label={t('intake.person.citizenship')}
          value={p.citizenship}
          onChange={(citizenship) => set({ citizenship })}
          error={err('person.citizenship')}
          required
        />
        <TextInput
          {...text('phone')}
          type="tel"
          label={t('intake.person.phone')}
          description={t('intake.phoneHint')}
          inputWrapperOrder={BELOW}
          onBlur={() => p.phone && set({ phone: normalizePhone(p.phone) })}
          autoComplete="off"
        />
      </SimpleGrid>
      <RegionDistrictFields
        idPrefix={fieldId('person.origin')}
        region={p.originRegion}
        district={p.originDistrict}
        onChange={({ region, district }) => set({ originRegion: region, originDistrict: district })}
        regionLabel={t('intake.person.originRegion')}
        districtLabel={t('intake.person.originDistrict')}
        regionError={err('person.originRegion')}
        districtError={err('person.originDistrict')}
      />
      <TextInput {...text('originSettlement')} label={t('intake.person.originSettlement')} />
      <CodeCheckboxes
        id={fieldId('person.languages')}
        label={t('intake.person.languages')}
        codes={COMMON_LANGUAGES}
        labelOf={(code) => languageName(code, i18n.language)}
        value={p.languages as (typeof COMMON_LANGUAGES)[number][]}
        onChange={(languages) => set({ languages })}
        error={err('person.languages')}
        cols={4}
      />
      <DocumentsEditor
        path="person.documentsHeld"
        title={t('intake.person.documentsHeld')}
        rows={p.documentsHeld}
        onChange={(documentsHeld) => set({ documentsHeld })}
        err={err}
        withHolder={false}
      />
      <DocumentsEditor
        path="person.documentsRetained"
        title={t('intake.person.documentsRetained')}
        rows={p.documentsRetained}
        onChange={(documentsRetained) => set({ documentsRetained })}
        err={err}
        withHolder
      />
    </Stack>
  );
}
