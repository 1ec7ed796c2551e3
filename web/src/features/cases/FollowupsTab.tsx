import {
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStates } from '../../components/QueryStates.tsx';
import { SavedNotice } from '../../components/SavedNotice.tsx';
import { useFormWithNotice } from '../../hooks/useFormWithNotice.ts';
import { useFormat } from '../../i18n/format.ts';
import { fetchFollowups, useFollowupMutations, useFollowups } from './api.ts';
import { FollowupStatusBadge } from './Badges.tsx';
import { CaseForm, FormActions } from './CaseForm.tsx';
import type { CaseTabProps } from './CasePage.tsx';
import { FOLLOWUP_KINDS } from './codes.ts';
import { FormAlerts } from './FormAlerts.tsx';
import { DateField } from './inputs.tsx';
import { useStaffNames } from './labels.ts';
import { SectionHeader } from './SectionHeader.tsx';
import type { CaseDetail, Followup } from './types.ts';
import { useCaseForm } from './useCaseForm.ts';
import { compact, dateProblem, optionalText } from './validation.ts';
import { todayLocal } from '../intake/dates.ts';

type ScheduleField = 'kind' | 'dueOn' | 'assignedTo';
type ScheduleValues = Record<ScheduleField, string>;

function ScheduleForm({
  c,
  onSaved,
  onCancel,
}: {
  c: CaseDetail;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const mutations = useFollowupMutations(c.id);
  const staff = useStaffNames();
  const form = useCaseForm<ScheduleValues, ScheduleField>({
    id: 'followup',
    initial: { kind: 'visit', dueOn: '', assignedTo: '' },
    fields: ['kind', 'dueOn', 'assignedTo'],
    validate: (v) =>
      compact({ kind: undefined, dueOn: dateProblem(v.dueOn, { required: true }), assignedTo: undefined }),
  });
  const v = form.values;
  const workers = (staff.query.data ?? []).filter(
    (u) => u.officeId === c.officeId && (u.role === 'caseworker' || u.role === 'supervisor'),
  );
  const defaultName = staff.name(c.assignedTo);

  const save = async () => {
    const ok = await form.submit((values) =>
      mutations.schedule.mutateAsync({
        kind: values.kind,
        dueOn: values.dueOn,
        ...(values.assignedTo ? { assignedTo: values.assignedTo } : {}),
      }),
    );
    if (ok) onSaved();
  };

  return (
    <CaseForm frame="md" onSubmit={save}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('cases.followups.scheduleTitle')}
        </Title>
        <FormAlerts form={form} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            id={form.fieldId('kind')}
            label={t('cases.followups.kind')}
            value={v.kind}
            onChange={(e) => form.set('kind', e.currentTarget.value)}
            data={FOLLOWUP_KINDS.map((k) => ({ value: k, label: t(`casesCodes.followupKind.${k}`) }))}
          />
          <DateField
            id={form.fieldId('dueOn')}
            label={t('cases.followups.dueOn')}
            value={v.dueOn}
            onChange={(value) => form.set('dueOn', value)}
            error={form.error('dueOn')}
            required
          />
          <NativeSelect
            id={form.fieldId('assignedTo')}
            label={t('cases.followups.assignedTo')}
            value={v.assignedTo}
            onChange={(e) => form.set('assignedTo', e.currentTarget.value)}
            error={form.error('assignedTo')}
            data={[
              {
                value: '',
                label: defaultName
                  ? t('cases.followups.defaultAssignee', { name: defaultName })
                  : t('cases.followups.defaultAssigneeNoName'),
              },
              ...workers.map((u) => ({ value: u.id, label: u.displayName })),
            ]}
          />
        </SimpleGrid>
        <FormActions label={t('cases.followups.schedule')} pending={form.pending} onCancel={onCancel} />
      </Stack>
    </CaseForm>
  );
}

type OutcomeField = 'status' | 'doneOn' | 'dueOn' | 'outcomeNote';
type OutcomeValues = Record<OutcomeField, string>;

const outcomeOf = (f: Followup): OutcomeValues => ({
  status: 'done',
  doneOn: todayLocal(),
  dueOn: f.dueOn,
  outcomeNote: f.outcomeNote ?? '',
});

function OutcomeForm({
  caseId,
  followup,
  onDone,
}: {
  caseId: string;
  followup: Followup;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const mutations = useFollowupMutations(caseId);
  const form = useCaseForm<OutcomeValues, OutcomeField>({
    id: `outcome-${followup.id}`,
    initial: outcomeOf(followup),
    version: followup.version,
    fields: ['status', 'doneOn', 'dueOn', 'outcomeNote'],
    validate: (v) =>
      compact({
        status: undefined,
        doneOn: v.status === 'done' ? dateProblem(v.doneOn, { required: true, past: true }) : undefined,
        dueOn: v.status === 'scheduled' ? dateProblem(v.dueOn, { required: true }) : undefined,
        outcomeNote: optionalText(v.outcomeNote, 4000),
      }),
  });
  const v = form.values;

  const save = async () => {
    const ok = await form.submit((values, version) =>
      mutations.update.mutateAsync({
        followupId: followup.id,
        body: {
          status: values.status,
          ...(values.status === 'done' ? { doneOn: values.doneOn } : {}),
          ...(values.status === 'scheduled' ? { dueOn: values.dueOn } : {}),
          outcomeNote: values.outcomeNote.trim() || null,
          version: version!,
        },
      }),
    );
    if (ok) onDone();
  };

  const reload = () =>
    void form.reloadAndReapply(async () => {
      const latest = (await fetchFollowups(caseId)).find((f) => f.id === followup.id);
      return latest ? { values: outcomeOf(latest), version: latest.version } : null;
    });

  return (
    <CaseForm frame="sm" onSubmit={save}>
      <Stack gap="xs">
        <FormAlerts form={form} onReload={reload} />
        <Radio.Group
          id={form.fieldId('status')}
          label={t('cases.followups.outcome')}
          value={v.status}
          onChange={(value) => form.set('status', value)}
        >
          <Group gap="md" mt={4}>
            <Radio value="done" label={t('cases.followups.outcomeDone')} />
            <Radio value="missed" label={t('cases.followups.outcomeMissed')} />
            <Radio value="scheduled" label={t('cases.followups.outcomeReschedule')} />
            <Radio value="cancelled" label={t('cases.followups.outcomeCancel')} />
          </Group>
        </Radio.Group>
        {v.status === 'done' && (
          <DateField
            id={form.fieldId('doneOn')}
            label={t('cases.followups.doneOn')}
            value={v.doneOn}
            onChange={(value) => form.set('doneOn', value)}
            error={form.error('doneOn')}
            required
            past
          />
        )}
        {v.status === 'scheduled' && (
          <DateField
            id={form.fieldId('dueOn')}
            label={t('cases.followups.newDueOn')}
            value={v.dueOn}
            onChange={(value) => form.set('dueOn', value)}
            error={form.error('dueOn')}
            required
          />
        )}
        <Textarea
          id={form.fieldId('outcomeNote')}
          label={t('cases.followups.note')}
          value={v.outcomeNote}
          onChange={(e) => form.set('outcomeNote', e.currentTarget.value)}
          error={form.error('outcomeNote')}
          autosize
          minRows={2}
          maxLength={4000}
        />
        <FormActions pending={form.pending} disabled={form.notice === 'gone'} onCancel={onDone} size="xs" />
      </Stack>
    </CaseForm>
  );
}

function FollowupCard({ f, canWrite }: { f: Followup; canWrite: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const staff = useStaffNames();
  const [recording, setRecording] = useState(false);
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-label={`${t(`casesCodes.followupKind.${f.kind}`)} ${fmt.date(f.dueOn)}`}
    >
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Text fw={600}>{t(`casesCodes.followupKind.${f.kind}`)}</Text>
            <Text size="sm" c={f.overdue ? 'red' : undefined} fw={f.overdue ? 700 : undefined}>
              {t('cases.followups.due', { date: fmt.date(f.dueOn) })}
            </Text>
          </Stack>
          <FollowupStatusBadge status={f.status} overdue={f.overdue} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('cases.followups.for', { name: staff.name(f.assignedTo) ?? t('cases.someone') })}
          {f.doneOn ? ` · ${t('cases.followups.doneLine', { date: fmt.date(f.doneOn) })}` : ''}
        </Text>
        {f.outcomeNote && <Text size="sm">{f.outcomeNote}</Text>}
        {canWrite && f.status === 'scheduled' && !recording && (
          <Group>
            <Button size="xs" variant="default" onClick={() => setRecording(true)}>
              {t('cases.followups.record')}
            </Button>
          </Group>
        )}
        {recording && <OutcomeForm caseId={f.caseId} followup={f} onDone={() => setRecording(false)} />}
      </Stack>
    </Paper>
  );
}

/** Follow-ups: home visits and calls, scheduled and recorded; overdue ones stand out in red. */
export function FollowupsTab({ c }: CaseTabProps) {
  const { t } = useTranslation();
  const query = useFollowups(c.id);
  const form = useFormWithNotice<'new'>();
  const canWrite = c.abilities.includes('case:write');

  return (
    <Stack gap="md">
      <SectionHeader
        title={t('cases.followups.title')}
        action={
          canWrite &&
          !form.editing && { label: t('cases.followups.schedule'), onClick: () => form.open('new') }
        }
      />
      {form.notice && <SavedNotice onClose={form.dismiss}>{t('cases.followups.scheduled')}</SavedNotice>}
      {form.editing && <ScheduleForm c={c} onSaved={() => form.finish(true)} onCancel={form.close} />}
      <QueryStates query={query} isEmpty={query.data?.length === 0} empty={t('cases.followups.empty')}>
        {query.data?.map((f) => (
          <FollowupCard key={f.id} f={f} canWrite={canWrite} />
        ))}
      </QueryStates>
    </Stack>
  );
}
