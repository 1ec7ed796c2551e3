import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, type ValidationIssue } from '../../api/client.ts';
import { useCan, useSession } from '../../api/auth.ts';
import { useAllOffices } from '../../api/offices.ts';
import { apiErrorMessage, issueMessage } from '../../i18n/messages.ts';
import { CASE_TYPES, CONSENT_SCOPES, SEXES } from '../cases/codes.ts';
import { CodeCheckboxes } from '../intake/fields.tsx';
import { OfficeSelect, RegionDistrictFields } from '../intake/PlaceFields.tsx';
import { normalizePhone } from '../intake/phone.ts';
import { useConvertCall } from './api.ts';
import {
  CONVERT_FIELDS,
  convertBody,
  convertDefaults,
  convertFieldOf,
  validateConvert,
  type ConvertField,
  type ConvertValues,
} from './callForm.ts';
import type { Call } from './types.ts';

const id = (field: ConvertField) => `conv-${field}`;

function focusField(field: ConvertField) {
  const el = document.getElementById(id(field));
  const target = el?.matches('input, select, textarea, button')
    ? el
    : el?.querySelector<HTMLElement>('input');
  target?.focus();
}

/** Server issues of a failed conversion, by dialog field. */
function issuesByField(error: unknown): Partial<Record<ConvertField, ValidationIssue>> {
  const out: Partial<Record<ConvertField, ValidationIssue>> = {};
  if (!(error instanceof ApiError)) return out;
  for (const issue of error.issues) {
    const field = convertFieldOf(issue.path);
    if (field && !out[field]) out[field] = issue;
  }
  const d = error.details as { field?: unknown } | undefined;
  if (error.status === 422 && d && typeof d.field === 'string') {
    const field = convertFieldOf([d.field]);
    if (field && !out[field]) out[field] = { path: [d.field], message: error.message, code: error.code };
  }
  if (error.status === 403)
    out.officeId = { path: ['officeId'], message: error.message, code: 'forbidden_office' };
  return out;
}

/** The form inside the dialog; remounted for every call so nothing leaks from one call to the next. */
function ConvertForm({
  call,
  onClose,
  onConverted,
}: {
  call: Call;
  onClose: () => void;
  onConverted: (callId: string, number: string) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const { user } = useSession();
  const offices = useAllOffices();
  const convert = useConvertCall();
  const mine = offices.data?.find((o) => o.id === user.officeId);
  const [values, setValues] = useState<ConvertValues>(() =>
    convertDefaults(call, mine && mine.kind !== 'hotline' ? mine.id : ''),
  );
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<Partial<Record<ConvertField, ValidationIssue>>>({});
  const [otherError, setOtherError] = useState<unknown>(null);
  const [result, setResult] = useState<{ id: string; number: string } | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  const problems = submitted ? validateConvert(values) : {};
  const errorFor = (field: ConvertField) => {
    const key = problems[field];
    if (key) return t(key);
    const issue = server[field];
    if (!issue) return undefined;
    return issue.code === 'forbidden_office' ? t('hotline.convert.officeForbidden') : issueMessage(t, issue);
  };
  const set = (patch: Partial<ConvertValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setServer((s) => {
      const next = { ...s };
      for (const k of Object.keys(patch)) delete next[k as ConvertField];
      return next;
    });
  };
  const text = (field: 'familyName' | 'givenName' | 'pseudonym' | 'estimatedAge' | 'phone') => ({
    id: id(field),
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => set({ [field]: e.currentTarget.value }),
    error: errorFor(field),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    setOtherError(null);
    const found = validateConvert(values);
    const first = CONVERT_FIELDS.find((f) => f in found);
    if (first) {
      focusField(first);
      return;
    }
    convert.mutate(
      { callId: call.id, body: convertBody(values) },
      {
        onSuccess: (res) => {
          setResult(res.case);
          onConverted(call.id, res.case.number);
          requestAnimationFrame(() => closeRef.current?.focus());
        },
        onError: (error) => {
          const issues = issuesByField(error);
          setServer(issues);
          const firstServer = CONVERT_FIELDS.find((f) => issues[f]);
          if (firstServer) focusField(firstServer);
          else setOtherError(error);
        },
      },
    );
  };

  if (result) {
    const office = offices.data?.find((o) => o.id === values.officeId)?.name ?? '';
    return (
      <Stack>
        <Alert color="green" role="status" title={t('hotline.convert.doneTitle')}>
          <Stack gap="xs">
            <Text size="lg" fw={700} data-testid="case-number">
              {result.number}
            </Text>
            <Text size="sm">{t('hotline.convert.doneOffice', { office })}</Text>
            {can('case:read') ? (
              <Anchor component={Link} to={`/cases/${result.id}`} size="sm">
                {t('hotline.convert.openCase', { number: result.number })}
              </Anchor>
            ) : (
              <Text size="sm">{t('hotline.convert.noAccess')}</Text>
            )}
          </Stack>
        </Alert>
        <Group justify="flex-end">
          <Button ref={closeRef} onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('hotline.convert.intro')}
        </Text>
        {otherError != null && (
          <Alert color="red" role="alert">
            {apiErrorMessage(t, otherError)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            {...text('familyName')}
            label={t('intake.person.familyName')}
            required
            data-autofocus
            autoComplete="off"
          />
          <TextInput
            {...text('givenName')}
            label={t('intake.person.givenName')}
            required
            autoComplete="off"
          />
          <TextInput
            {...text('pseudonym')}
            label={t('intake.person.pseudonym')}
            description={t('intake.person.pseudonymHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            autoComplete="off"
          />
          <NativeSelect
            id={id('sex')}
            label={t('intake.person.sex')}
            value={values.sex}
            onChange={(e) => set({ sex: e.currentTarget.value as ConvertValues['sex'] })}
            data={[
              { value: '', label: t('intake.choose') },
              ...SEXES.map((s) => ({ value: s, label: t(`intake.sexes.${s}`) })),
            ]}
            error={errorFor('sex')}
            required
          />
          <TextInput {...text('estimatedAge')} label={t('intake.person.estimatedAge')} inputMode="numeric" />
          <TextInput
            {...text('phone')}
            type="tel"
            label={t('intake.person.phone')}
            description={t('intake.phoneHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            onBlur={() => values.phone && set({ phone: normalizePhone(values.phone) })}
          />
        </SimpleGrid>
        <RegionDistrictFields
          idPrefix="conv-origin"
          region={values.originRegion}
          district={values.originDistrict}
          onChange={({ region, district }) => set({ originRegion: region, originDistrict: district })}
          regionLabel={t('intake.person.originRegion')}
          districtLabel={t('intake.person.originDistrict')}
          regionError={errorFor('originRegion')}
          districtError={errorFor('originDistrict')}
        />
        <NativeSelect
          id={id('type')}
          label={t('intake.case.type')}
          value={values.type}
          onChange={(e) => set({ type: e.currentTarget.value as ConvertValues['type'] })}
          data={[
            { value: '', label: t('intake.choose') },
            ...CASE_TYPES.map((c) => ({ value: c, label: t(`intake.caseTypes.${c}`) })),
          ]}
          error={errorFor('type')}
          required
        />
        <OfficeSelect
          id={id('officeId')}
          value={values.officeId}
          onChange={(officeId) => set({ officeId })}
          error={errorFor('officeId')}
          description={t('hotline.convert.officeHint')}
        />
        <CodeCheckboxes
          id={id('consentScope')}
          label={t('intake.consent.scope')}
          description={t('hotline.convert.consentHint')}
          codes={CONSENT_SCOPES}
          labelOf={(s) => t(`intake.consentScopes.${s}`)}
          value={values.consentScope}
          onChange={(consentScope) => set({ consentScope })}
          error={errorFor('consentScope')}
          cols={1}
        />
        {values.consentScope.length > 0 && (
          <TextInput
            id={id('consentOn')}
            type="date"
            label={t('intake.consent.givenOn')}
            value={values.consentOn}
            onChange={(e) => set({ consentOn: e.currentTarget.value })}
            error={errorFor('consentOn')}
            max="9999-12-31"
            required
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={convert.isPending}>
            {t('hotline.convert.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * "Open a case from this call": the person's essentials prefilled from the call, the case type,
 * the office that will work it and the consent. Afterwards it shows the new case number — and,
 * for a user who cannot read cases (a hotline operator), says so instead of offering a link.
 */
export function ConvertCallDialog({
  call,
  onClose,
  onConverted,
}: {
  call: Call | null;
  onClose: () => void;
  onConverted: (callId: string, number: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={call !== null}
      onClose={onClose}
      title={t('hotline.convert.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      fullScreen={typeof window !== 'undefined' && window.innerWidth < 500}
    >
      {call && <ConvertForm key={call.id} call={call} onClose={onClose} onConverted={onConverted} />}
    </Modal>
  );
}
