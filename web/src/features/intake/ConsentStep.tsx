import { NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_TYPES, CONSENT_SCOPES, INTAKE_CHANNELS } from '../cases/codes.ts';
import { CodeCheckboxes, withChoose, type StepProps } from './fields.tsx';
import { OfficeSelect } from './PlaceFields.tsx';
import { fieldId, type CaseValues } from './wizard.ts';

/**
 * Step 4: the case itself (type, how the person reached us, the office that will work it) and
 * the person's consent: the day it was given and what it covers.
 */
export function ConsentStep({ values: k, set, err }: StepProps<CaseValues>) {
  const { t } = useTranslation();
  const choose = t('intake.choose');
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          id={fieldId('kase.type')}
          label={t('intake.case.type')}
          value={k.type}
          onChange={(e) => set({ type: e.currentTarget.value as CaseValues['type'] })}
          data={withChoose(
            choose,
            CASE_TYPES.map((c) => ({ value: c, label: t(`intake.caseTypes.${c}`) })),
          )}
          error={err('kase.type')}
          required
        />
        <NativeSelect
          id={fieldId('kase.intakeChannel')}
          label={t('intake.case.intakeChannel')}
          value={k.intakeChannel}
          onChange={(e) => set({ intakeChannel: e.currentTarget.value as CaseValues['intakeChannel'] })}
          data={withChoose(
            choose,
            INTAKE_CHANNELS.map((c) => ({ value: c, label: t(`intake.channels.${c}`) })),
          )}
          error={err('kase.intakeChannel')}
          required
        />
      </SimpleGrid>
      {k.intakeChannel === 'ngo_referral' && (
        <TextInput
          id={fieldId('kase.referringOrganisation')}
          label={t('intake.case.referringOrganisation')}
          value={k.referringOrganisation}
          onChange={(e) => set({ referringOrganisation: e.currentTarget.value })}
          error={err('kase.referringOrganisation')}
        />
      )}
      <OfficeSelect
        id={fieldId('kase.officeId')}
        value={k.officeId}
        onChange={(officeId) => set({ officeId })}
        error={err('kase.officeId')}
        description={t('intake.case.officeHint')}
      />
      <CodeCheckboxes
        id={fieldId('kase.consentScope')}
        label={t('intake.consent.scope')}
        description={t('intake.consent.scopeHint')}
        codes={CONSENT_SCOPES}
        labelOf={(s) => t(`intake.consentScopes.${s}`)}
        value={k.consentScope}
        onChange={(consentScope) => set({ consentScope })}
        error={err('kase.consentScope')}
        cols={1}
      />
      {k.consentScope.length > 0 && (
        <TextInput
          id={fieldId('kase.consentOn')}
          type="date"
          label={t('intake.consent.givenOn')}
          value={k.consentOn}
          onChange={(e) => set({ consentOn: e.currentTarget.value })}
          error={err('kase.consentOn')}
          max="9999-12-31"
          required
        />
      )}
    </Stack>
  );
}
