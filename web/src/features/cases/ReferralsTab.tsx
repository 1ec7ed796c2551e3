import {
  Alert,
  Anchor,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { SavedNotice } from '../../components/SavedNotice.tsx';
import { useFormWithNotice } from '../../hooks/useFormWithNotice.ts';
import { useFormat } from '../../i18n/format.ts';
import { useReferrals, useSendReferral, useServices } from './api.ts';
import { ReferralStatusBadge } from './Badges.tsx';
import { CaseForm, FormActions } from './CaseForm.tsx';
import type { CaseTabProps } from './CasePage.tsx';
import { SERVICE_KINDS, SHARE_FIELDS, type ShareField } from './codes.ts';
import { caseErrorMessage } from './errors.ts';
import { FormAlerts } from './FormAlerts.tsx';
import { DateField } from './inputs.tsx';
import { useRegionNames } from './labels.ts';
import { SectionHeader } from './SectionHeader.tsx';
import type { CaseDetail, Referral } from './types.ts';
import { useCaseForm } from './useCaseForm.ts';
import { compact, dateProblem, problem, requiredText } from './validation.ts';
import { todayLocal } from '../intake/dates.ts';

type Field = 'serviceId' | 'reason' | 'needs' | 'share' | 'consentRecordedOn';
type Values = {
  serviceId: string;
  reason: string;
  needs: string;
  share: ShareField[];
  consentRecordedOn: string;
};
const FIELDS: readonly Field[] = ['serviceId', 'reason', 'needs', 'share', 'consentRecordedOn'];

function ConsentRequired({ error, caseId }: { error: unknown; caseId: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('cases.referrals.consentTitle')} role="alert">
      <Stack gap={4} align="flex-start">
        <Text size="sm">{caseErrorMessage(t, error)}</Text>
        <Text size="sm">{t('cases.referrals.consentHow')}</Text>
        <Anchor component={Link} to={{ pathname: `/cases/${caseId}`, hash: 'consent' }} size="sm">
          {t('cases.referrals.consentLink')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

function ReferralForm({ c, onSent, onCancel }: { c: CaseDetail; onSent: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const services = useServices();
  const send = useSendReferral(c.id);
  const regions = useRegionNames();
  const [kind, setKind] = useState('');
  const [consentError, setConsentError] = useState<unknown>(null);
  const form = useCaseForm<Values, Field>({
    id: 'referral',
    initial: { serviceId: '', reason: '', needs: '', share: [], consentRecordedOn: todayLocal() },
    fields: FIELDS,
    validate: (v) =>
      compact({
        serviceId: v.serviceId ? undefined : problem('cases.v.required'),
        reason: requiredText(v.reason, 1000),
        needs: requiredText(v.needs, 2000),
        share: undefined,
        consentRecordedOn: dateProblem(v.consentRecordedOn, { required: true, past: true }),
      }),
  });
  const v = form.values;
  const all = services.data ?? [];
  const shown = all.filter((s) => !kind || s.kind === kind);
  const chosen = all.find((s) => s.id === v.serviceId);

  const save = async () => {
    setConsentError(null);
    const ok = await form.submit(async (values) => {
      try {
        await send.mutateAsync({
          serviceId: values.serviceId,
          reason: values.reason.trim(),
          needs: values.needs.trim(),
          consentRecordedOn: values.consentRecordedOn,
          share: Object.fromEntries(values.share.map((f) => [f, true])),
        });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'consent_required') {
          setConsentError(error);
          // Explained by its own box, not as a generic error above the form.
          throw new ApiError(422, 'consent_required_shown', '');
        }
        throw error;
      }
    });
    if (ok) onSent();
  };

  return (
    <CaseForm frame="md" onSubmit={save}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('cases.referrals.newTitle')}
        </Title>
        {consentError != null && <ConsentRequired error={consentError} caseId={c.id} />}
        {consentError == null && <FormAlerts form={form} />}
        {services.isError && <ErrorAlert error={services.error} onRetry={() => void services.refetch()} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('cases.referrals.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value)}
            data={[
              { value: '', label: t('cases.referrals.anyKind') },
              ...SERVICE_KINDS.map((k) => ({ value: k, label: t(`casesCodes.serviceKind.${k}`) })),
            ]}
          />
          <NativeSelect
            id={form.fieldId('serviceId')}
            label={t('cases.referrals.service')}
            value={v.serviceId}
            onChange={(e) => form.set('serviceId', e.currentTarget.value)}
            error={form.error('serviceId')}
            required
            disabled={services.isPending}
            data={[
              { value: '', label: services.isPending ? t('common.loading') : t('cases.choose') },
              ...shown.map((s) => ({ value: s.id, label: `${s.name} — ${s.organisationName}` })),
            ]}
          />
        </SimpleGrid>
        {chosen && (
          <Paper p="xs" bg="var(--mantine-color-gray-0)">
            <Text size="sm" fw={600}>
              {chosen.name}
            </Text>
            {chosen.description && <Text size="xs">{chosen.description}</Text>}
            <Text size="xs" c="dimmed">
              {[
                t(`casesCodes.serviceKind.${chosen.kind}`),
                chosen.regionCodes.map((r) => regions.name(r)).join(', '),
                chosen.address,
                chosen.phone,
                chosen.email,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Paper>
        )}
        <Textarea
          id={form.fieldId('reason')}
          label={t('cases.referrals.reason')}
          description={t('cases.referrals.reasonHint')}
          value={v.reason}
          onChange={(e) => form.set('reason', e.currentTarget.value)}
          error={form.error('reason')}
          required
          autosize
          minRows={2}
          maxLength={1000}
        />
        <Textarea
          id={form.fieldId('needs')}
          label={t('cases.referrals.needs')}
          description={t('cases.referrals.needsHint')}
          value={v.needs}
          onChange={(e) => form.set('needs', e.currentTarget.value)}
          error={form.error('needs')}
          required
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Checkbox.Group
          id={form.fieldId('share')}
          label={t('cases.referrals.share')}
          description={t('cases.referrals.shareHint')}
          value={v.share}
          onChange={(value) => form.set('share', value as ShareField[])}
          error={form.error('share')}
        >
          <Group gap="md" mt={6}>
            {SHARE_FIELDS.map((f) => (
              <Checkbox key={f} value={f} label={t(`casesCodes.share.${f}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <DateField
          id={form.fieldId('consentRecordedOn')}
          label={t('cases.referrals.consentDate')}
          description={t('cases.referrals.consentDateHint')}
          value={v.consentRecordedOn}
          onChange={(value) => form.set('consentRecordedOn', value)}
          error={form.error('consentRecordedOn')}
          required
          past
        />
        <FormActions label={t('cases.referrals.send')} pending={form.pending} onCancel={onCancel} />
      </Stack>
    </CaseForm>
  );
}

function ReferralCard({ r }: { r: Referral }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const regions = useRegionNames();
  const shared = [
    r.shared.sex
      ? t('cases.referrals.sharedSex', {
          value: t(`casesCodes.sex.${r.shared.sex}` as 'casesCodes.sex.female', {
            defaultValue: r.shared.sex,
          }),
        })
      : '',
    r.shared.ageBand ? t('cases.referrals.sharedAge', { value: r.shared.ageBand }) : '',
    r.shared.phone ? t('casesCodes.share.phone') : '',
    r.shared.originRegion ? regions.name(r.shared.originRegion) : '',
  ].filter(Boolean);
  return (
    <Paper withBorder p="md" component="article" aria-label={r.serviceName}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Text fw={600}>{r.serviceName}</Text>
            <Text size="sm" c="dimmed">
              {r.organisationName}
            </Text>
          </Stack>
          <ReferralStatusBadge status={r.status} />
        </Group>
        <Text size="sm">{r.reason}</Text>
        <Text size="xs" c="dimmed">
          {t('cases.referrals.sentOn', {
            date: fmt.date(r.createdAt),
            consent: fmt.date(r.consentRecordedOn),
          })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('cases.referrals.sharedLine', {
            name: r.shared.displayName,
            rest: shared.length > 0 ? shared.join(', ') : t('cases.referrals.sharedNothing'),
          })}
        </Text>
        {r.partnerNote && (
          <Text size="sm" fs="italic">
            {t('cases.referrals.partnerNote', { note: r.partnerNote })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Referrals: what was sent to which service, and a new referral from the service directory. */
export function ReferralsTab({ c }: CaseTabProps) {
  const { t } = useTranslation();
  const query = useReferrals(c.id);
  const form = useFormWithNotice<'new'>();
  const canWrite = c.abilities.includes('case:write');

  return (
    <Stack gap="md">
      <SectionHeader
        title={t('cases.referrals.title')}
        action={
          canWrite && !form.editing && { label: t('cases.referrals.new'), onClick: () => form.open('new') }
        }
      />
      {form.notice && <SavedNotice onClose={form.dismiss}>{t('cases.referrals.sent')}</SavedNotice>}
      {form.editing && <ReferralForm c={c} onSent={() => form.finish(true)} onCancel={form.close} />}
      <QueryStates query={query} isEmpty={query.data?.length === 0} empty={t('cases.referrals.empty')}>
        {query.data?.map((r) => (
          <ReferralCard key={r.id} r={r} />
        ))}
      </QueryStates>
    </Stack>
  );
}
