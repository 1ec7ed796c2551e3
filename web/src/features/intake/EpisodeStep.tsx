import { NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EPISODE_FACTS, RECRUITER_RELATIONSHIPS, SECTORS } from '../cases/codes.ts';
import { CodeCheckboxes, withChoose, type StepProps } from './fields.tsx';
import { CountrySelect } from './PlaceFields.tsx';
import { fieldId, type EpisodeValues } from './wizard.ts';

/**
 * Step 3: the first migration episode — where, when, in which sector, who recruited, and what
 * happened, as plain facts the trafficking screening reads (the worker ticks what was said, the
 * system names the indicators). Left empty, no episode is recorded.
 */
export function EpisodeStep({ values: e, set, err }: StepProps<EpisodeValues>) {
  const { t } = useTranslation();
  const text = (field: keyof EpisodeValues) => ({
    id: fieldId(`episode.${field}`),
    value: e[field] as string,
    onChange: (ev: { currentTarget: { value: string } }) => set({ [field]: ev.currentTarget.value }),
    error: err(`episode.${field}`),
  });
  const choose = t('intake.choose');
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('intake.episode.optional')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <CountrySelect
          id={fieldId('episode.destinationCountry')}
          label={t('intake.episode.destinationCountry')}
          value={e.destinationCountry}
          onChange={(destinationCountry) => set({ destinationCountry })}
          error={err('episode.destinationCountry')}
        />
        <TextInput {...text('destinationCity')} label={t('intake.episode.destinationCity')} />
        <TextInput
          {...text('departedOn')}
          type="date"
          label={t('intake.episode.departedOn')}
          max="9999-12-31"
        />
        <TextInput
          {...text('returnedOn')}
          type="date"
          label={t('intake.episode.returnedOn')}
          max="9999-12-31"
        />
        <NativeSelect
          id={fieldId('episode.sector')}
          label={t('intake.episode.sector')}
          value={e.sector}
          onChange={(ev) => set({ sector: ev.currentTarget.value as EpisodeValues['sector'] })}
          data={withChoose(
            choose,
            SECTORS.map((s) => ({ value: s, label: t(`intake.sectors.${s}`) })),
          )}
          error={err('episode.sector')}
        />
        <NativeSelect
          id={fieldId('episode.recruiterRelationship')}
          label={t('intake.episode.recruiterRelationship')}
          value={e.recruiterRelationship}
          onChange={(ev) =>
            set({ recruiterRelationship: ev.currentTarget.value as EpisodeValues['recruiterRelationship'] })
          }
          data={withChoose(
            choose,
            RECRUITER_RELATIONSHIPS.map((r) => ({ value: r, label: t(`intake.recruiters.${r}`) })),
          )}
          error={err('episode.recruiterRelationship')}
        />
      </SimpleGrid>
      <Textarea
        {...text('recruitedHow')}
        label={t('intake.episode.recruitedHow')}
        description={t('intake.episode.recruitedHowHint')}
        minRows={2}
      />
      <CodeCheckboxes
        id={fieldId('episode.facts')}
        label={t('intake.episode.facts')}
        description={t('intake.episode.factsHint')}
        codes={EPISODE_FACTS}
        labelOf={(f) => t(`intake.facts.${f}`)}
        value={e.facts}
        onChange={(facts) => set({ facts })}
        error={err('episode.facts')}
      />
      {e.facts.includes('wagesUnpaid') && (
        <SimpleGrid cols={{ base: 2 }} spacing="sm">
          <TextInput
            {...text('wagesUnpaidAmount')}
            label={t('intake.episode.wagesUnpaidAmount')}
            inputMode="decimal"
          />
          <TextInput
            {...text('wagesUnpaidCurrency')}
            label={t('intake.episode.wagesUnpaidCurrency')}
            description={t('intake.episode.currencyHint')}
            maxLength={3}
            autoCapitalize="characters"
            spellCheck={false}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}
