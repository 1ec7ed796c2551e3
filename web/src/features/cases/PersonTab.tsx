import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { api } from '../../api/client.ts';
import { useFormat } from '../../i18n/format.ts';
import { useUpdateCase, useUpdatePerson, fetchCase } from './api.ts';
import { CaseForm, FormActions } from './CaseForm.tsx';
import type { CaseTabProps } from './CasePage.tsx';
import { fullName } from './CaseHeader.tsx';
import { CONSENT_SCOPES, DOCUMENT_TYPES, SEXES, type DocumentType } from './codes.ts';
import { Fact } from './Fact.tsx';
import { FormAlerts } from './FormAlerts.tsx';
import {
  PERSON_FIELDS,
  personPatch,
  personToForm,
  validatePerson,
  type DocumentRow,
  type PersonField,
  type PersonFormValues,
} from './forms.ts';
import { HouseholdSection } from './HouseholdSection.tsx';
import { CountrySelect, DateField } from './inputs.tsx';
import { countryName, useNameLocale, useRegionNames } from './labels.ts';
import { QUIET, SectionHeader } from './SectionHeader.tsx';
import type { CaseDetail, IdentityDocument, Person } from './types.ts';
import { useCaseForm } from './useCaseForm.ts';
import { compact, dateProblem, problem } from './validation.ts';

function DocumentsEditor({
  id,
  label,
  rows,
  onChange,
  error,
}: {
  id: string;
  label: string;
  rows: DocumentRow[];
  onChange: (rows: DocumentRow[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<DocumentRow>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <fieldset id={id} tabIndex={-1} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" size="sm" fw={500} mb={4}>
        {label}
      </Text>
      <Stack gap="xs">
        {rows.map((row, index) => (
          <Group key={index} gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('cases.person.docType')}
              value={row.type}
              onChange={(e) => update(index, { type: e.currentTarget.value as DocumentType })}
              data={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`casesCodes.document.${d}`) }))}
              w={170}
            />
            <TextInput
              label={t('cases.person.docNumber')}
              value={row.number}
              onChange={(e) => update(index, { number: e.currentTarget.value })}
              maxLength={40}
              w={150}
            />
            <TextInput
              label={t('cases.person.docHeldBy')}
              value={row.heldBy}
              onChange={(e) => update(index, { heldBy: e.currentTarget.value })}
              maxLength={200}
              style={{ flex: 1, minWidth: 160 }}
            />
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('cases.person.docRemove')}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {error && (
          <Text size="xs" c="red" role="alert">
            {error}
          </Text>
        )}
        <Group>
          <Button
            size="xs"
            variant="default"
            onClick={() => onChange([...rows, { type: 'passport', number: '', heldBy: '' }])}
          >
            {t('cases.person.docAdd')}
          </Button>
        </Group>
      </Stack>
    </fieldset>
  );
}

function PersonForm({ person, caseId, onDone }: { person: Person; caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdatePerson(caseId);
  const regions = useRegionNames();
  const lng = useNameLocale();
  const form = useCaseForm<PersonFormValues, PersonField>({
    id: 'person',
    initial: personToForm(person),
    version: person.version,
    fields: PERSON_FIELDS,
    validate: (v, base) => validatePerson(v, base),
  });
  const v = form.values;
  const text = form.inputProps;

  const save = async () => {
    const ok = await form.submit((values, version) =>
      update.mutateAsync({ personId: person.id, body: personPatch(form.base, values, version!) }),
    );
    if (ok) onDone();
  };

  const reload = () =>
    void form.reloadAndReapply(async () => {
      const latest = await api.get<{ person: Person }>(`/persons/${encodeURIComponent(person.id)}`);
      return { values: personToForm(latest.person), version: latest.person.version };
    });

  const districts = (regions.query.data?.districts ?? []).filter((d) => d.regionIso === v.originRegion);

  return (
    <CaseForm onSubmit={save} labelledBy="person-form-title">
      <Stack>
        <Title order={3} size="h5" id="person-form-title">
          {t('cases.person.editTitle')}
        </Title>
        <FormAlerts form={form} onReload={reload} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <TextInput
            label={t('cases.person.pseudonym')}
            description={t('cases.person.pseudonymHint')}
            maxLength={60}
            {...text('pseudonym')}
          />
          <TextInput label={t('cases.person.givenName')} required maxLength={100} {...text('givenName')} />
          <TextInput label={t('cases.person.familyName')} required maxLength={100} {...text('familyName')} />
          <TextInput label={t('cases.person.patronymic')} maxLength={100} {...text('patronymic')} />
          <TextInput label={t('cases.person.latinName')} maxLength={200} {...text('latinName')} />
          <NativeSelect
            label={t('cases.person.sex')}
            required
            data={SEXES.map((s) => ({ value: s, label: t(`casesCodes.sex.${s}`) }))}
            {...text('sex')}
          />
          <DateField
            id={form.fieldId('birthDate')}
            label={t('cases.person.birthDate')}
            value={v.birthDate}
            onChange={(value) => form.set('birthDate', value)}
            error={form.error('birthDate')}
            past
          />
          <TextInput
            label={t('cases.person.estimatedAge')}
            description={t('cases.person.estimatedAgeHint')}
            inputMode="numeric"
            maxLength={3}
            {...text('estimatedAge')}
          />
          <CountrySelect
            id={form.fieldId('citizenship')}
            label={t('cases.person.citizenship')}
            value={v.citizenship}
            onChange={(value) => form.set('citizenship', value)}
            error={form.error('citizenship')}
            required
          />
          <TextInput
            label={t('cases.person.phone')}
            description={t('cases.person.phoneHint')}
            type="tel"
            autoComplete="off"
            {...text('phone')}
          />
          <NativeSelect
            id={form.fieldId('originRegion')}
            label={t('cases.person.originRegion')}
            value={v.originRegion}
            onChange={(e) => {
              const value = e.currentTarget.value;
              form.set('originRegion', value);
              if (v.originDistrict && !v.originDistrict.startsWith(`${value}-`))
                form.set('originDistrict', '');
            }}
            error={form.error('originRegion')}
            data={[
              { value: '', label: t('cases.notKnown') },
              ...(regions.query.data?.regions ?? []).map((r) => ({ value: r.iso, label: r.names[lng] })),
            ]}
          />
          <NativeSelect
            label={t('cases.person.originDistrict')}
            data={[
              { value: '', label: t('cases.notKnown') },
              ...districts.map((d) => ({ value: d.code, label: d.names[lng] })),
            ]}
            {...text('originDistrict')}
          />
          <TextInput
            label={t('cases.person.originSettlement')}
            maxLength={120}
            {...text('originSettlement')}
          />
          <TextInput
            label={t('cases.person.languages')}
            description={t('cases.person.languagesHint')}
            spellCheck={false}
            {...text('languages')}
          />
        </SimpleGrid>
        <DocumentsEditor
          id={form.fieldId('documentsHeld')}
          label={t('cases.person.documentsHeld')}
          rows={v.documentsHeld}
          onChange={(rows) => form.set('documentsHeld', rows)}
          error={form.error('documentsHeld')}
        />
        <DocumentsEditor
          id={form.fieldId('documentsRetained')}
          label={t('cases.person.documentsRetained')}
          rows={v.documentsRetained}
          onChange={(rows) => form.set('documentsRetained', rows)}
          error={form.error('documentsRetained')}
        />
        <FormActions pending={form.pending} disabled={form.notice === 'gone'} onCancel={onDone} />
      </Stack>
    </CaseForm>
  );
}

function PersonView({ c, showName }: { c: CaseDetail; showName: boolean }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const regions = useRegionNames();
  const p = c.person;
  const documentsText = (docs: IdentityDocument[]) =>
    docs
      .map((d) =>
        [
          t(`casesCodes.document.${d.type}`),
          d.number,
          d.heldBy ? t('cases.person.heldBy', { who: d.heldBy }) : '',
        ]
          .filter(Boolean)
          .join(' · '),
      )
      .join('; ');
  const hidden = (long = false) => (
    <Text span size="sm" c="dimmed" fs="italic">
      {long ? t('cases.hiddenName') : t('cases.hiddenShort')}
    </Text>
  );
  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" m={0}>
      <Fact label={t('cases.person.pseudonym')}>{p.pseudonym}</Fact>
      <Fact label={t('cases.person.name')}>{showName ? fullName(p) : hidden(true)}</Fact>
      <Fact label={t('cases.person.latinName')}>{showName ? p.latinName : hidden()}</Fact>
      <Fact label={t('cases.person.sex')}>{t(`casesCodes.sex.${p.sex}`)}</Fact>
      <Fact label={t('cases.person.age')}>
        {p.birthDate
          ? t('cases.person.bornOn', { date: fmt.date(p.birthDate) })
          : p.estimatedAge !== null
            ? t('cases.person.aboutAge', { age: p.estimatedAge })
            : ''}
      </Fact>
      <Fact label={t('cases.person.citizenship')}>{countryName(p.citizenship, i18n.language)}</Fact>
      <Fact label={t('cases.person.phone')}>{p.phone ? (showName ? p.phone : hidden()) : ''}</Fact>
      <Fact label={t('cases.person.origin')}>
        {[regions.name(p.originRegion), regions.name(p.originDistrict), p.originSettlement]
          .filter(Boolean)
          .join(', ')}
      </Fact>
      <Fact label={t('cases.person.languages')}>{p.languages.join(', ')}</Fact>
      <Fact label={t('cases.person.documentsHeld')}>{documentsText(p.documentsHeld)}</Fact>
      <Fact label={t('cases.person.documentsRetained')}>{documentsText(p.documentsRetained)}</Fact>
      <Fact label={t('cases.person.intake')}>{t(`casesCodes.intake.${c.intakeChannel}`)}</Fact>
    </SimpleGrid>
  );
}

type ConsentValues = { givenOn: string; scope: string[] };

const consentOf = (c: CaseDetail): ConsentValues => ({
  givenOn: c.consentGivenOn ?? '',
  scope: c.consentScope.length > 0 ? [...c.consentScope] : ['data_processing', 'referral', 'follow_up'],
});

function ConsentForm({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCase(c.id);
  const form = useCaseForm<ConsentValues, 'givenOn' | 'scope'>({
    id: 'consent',
    initial: consentOf(c),
    version: c.version,
    fields: ['givenOn', 'scope'],
    fieldOf: { consent: 'givenOn' },
    validate: (v) =>
      compact({
        givenOn: dateProblem(v.givenOn, { required: true, past: true }),
        scope: v.scope.length === 0 ? problem('cases.v.scope') : undefined,
      }),
  });
  const save = async () => {
    const ok = await form.submit((v, version) =>
      update.mutateAsync({ consent: { givenOn: v.givenOn, scope: v.scope }, version: version! }),
    );
    if (ok) onDone();
  };
  const reload = () =>
    void form.reloadAndReapply(async () => {
      const latest = await fetchCase(c.id);
      return { values: consentOf(latest), version: latest.version };
    });
  return (
    <CaseForm onSubmit={save}>
      <Stack gap="sm">
        <FormAlerts form={form} onReload={reload} />
        <DateField
          id={form.fieldId('givenOn')}
          label={t('cases.consent.givenOn')}
          value={form.values.givenOn}
          onChange={(value) => form.set('givenOn', value)}
          error={form.error('givenOn')}
          required
          past
        />
        <Checkbox.Group
          id={form.fieldId('scope')}
          label={t('cases.consent.scope')}
          value={form.values.scope}
          onChange={(value) => form.set('scope', value)}
          error={form.error('scope')}
          required
        >
          <Stack gap={6} mt={4}>
            {CONSENT_SCOPES.map((s) => (
              <Checkbox key={s} value={s} label={t(`casesCodes.consent.${s}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <FormActions pending={form.pending} onCancel={onDone} size="xs" gap="md" />
      </Stack>
    </CaseForm>
  );
}

function ConsentSection({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [editing, setEditing] = useState(false);
  const canWrite = c.abilities.includes('case:write');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consent-title" id="consent">
      <SectionHeader
        title={t('cases.consent.title')}
        titleId="consent-title"
        mb="sm"
        action={
          canWrite &&
          !editing && {
            label: c.consentGivenOn ? t('cases.consent.change') : t('cases.consent.record'),
            onClick: () => setEditing(true),
            ...QUIET,
          }
        }
      />
      {editing ? (
        <ConsentForm c={c} onDone={() => setEditing(false)} />
      ) : c.consentGivenOn ? (
        <Stack gap={4}>
          <Text size="sm">
            {t('cases.consent.given', {
              date: fmt.date(c.consentGivenOn),
              scope: c.consentScope.map((s) => t(`casesCodes.consent.${s}`)).join(', '),
            })}
          </Text>
          {c.consentWithdrawnOn && (
            <Alert color="orange">
              {t('cases.consent.withdrawn', { date: fmt.date(c.consentWithdrawnOn) })}
            </Alert>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('cases.consent.none')}
        </Text>
      )}
    </Paper>
  );
}

/** Person and household: the beneficiary (pseudonym first), consent, and who lives with them. */
export function PersonTab({ c, showName }: CaseTabProps) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const canWrite = c.abilities.includes('person:write');
  const { hash } = useLocation();
  // A link from the referral form's consent message lands on the consent section.
  useEffect(() => {
    if (hash === '#consent') document.getElementById('consent')?.scrollIntoView({ block: 'start' });
  }, [hash]);
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="person-title">
        <SectionHeader
          title={t('cases.person.title')}
          titleId="person-title"
          mb="sm"
          action={
            canWrite &&
            !editing && { label: t('cases.person.edit'), onClick: () => setEditing(true), ...QUIET }
          }
        />
        {editing ? (
          <PersonForm person={c.person} caseId={c.id} onDone={() => setEditing(false)} />
        ) : (
          <PersonView c={c} showName={showName} />
        )}
      </Paper>
      <ConsentSection c={c} />
      <HouseholdSection c={c} showName={showName} />
    </Stack>
  );
}
