import { Button, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../../api/queryClient.ts';
import { useFormat } from '../../i18n/format.ts';
import { caseKeys, fetchCase, useUpdateCase } from './api.ts';
import { LikelihoodBadge } from './Badges.tsx';
import { CaseForm, FormActions } from './CaseForm.tsx';
import { TRAFFICKING_LIKELIHOODS } from './codes.ts';
import { FormAlerts } from './FormAlerts.tsx';
import { useStaffNames } from './labels.ts';
import type { CaseDetail } from './types.ts';
import { useCaseForm } from './useCaseForm.ts';
import { compact, optionalText, problem } from './validation.ts';

type Values = { likelihood: string; note: string };
const FIELDS = ['likelihood', 'note'] as const;

const valuesOf = (c: CaseDetail): Values => ({
  likelihood: c.determination?.likelihood ?? '',
  note: c.determination?.note ?? '',
});

function DeterminationForm({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCase(c.id);
  const form = useCaseForm({
    id: 'determination',
    initial: valuesOf(c),
    version: c.version,
    fields: FIELDS,
    validate: (v) =>
      compact({
        likelihood: v.likelihood ? undefined : problem('cases.v.required'),
        note: optionalText(v.note, 2000),
      }),
  });

  const save = async () => {
    const ok = await form.submit((v, version) =>
      update.mutateAsync({
        determination: { likelihood: v.likelihood, ...(v.note.trim() ? { note: v.note.trim() } : {}) },
        version: version!,
      }),
    );
    if (ok) onDone();
  };

  const reload = () =>
    void form.reloadAndReapply(async () => {
      const latest = await fetchCase(c.id);
      queryClient.setQueryData(caseKeys.detail(c.id), latest);
      return { values: valuesOf(latest), version: latest.version };
    });

  return (
    <CaseForm onSubmit={save}>
      <Stack gap="xs">
        <FormAlerts form={form} onReload={reload} />
        <NativeSelect
          id={form.fieldId('likelihood')}
          label={t('cases.determination.likelihood')}
          value={form.values.likelihood}
          onChange={(e) => form.set('likelihood', e.currentTarget.value)}
          error={form.error('likelihood')}
          required
          data={[
            { value: '', label: t('cases.choose') },
            ...TRAFFICKING_LIKELIHOODS.map((l) => ({ value: l, label: t(`casesCodes.likelihood.${l}`) })),
          ]}
        />
        <Textarea
          id={form.fieldId('note')}
          label={t('cases.determination.note')}
          value={form.values.note}
          onChange={(e) => form.set('note', e.currentTarget.value)}
          error={form.error('note')}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <FormActions pending={form.pending} disabled={form.notice === 'gone'} onCancel={onDone} size="xs" />
      </Stack>
    </CaseForm>
  );
}

/** The caseworker's own determination, kept beside the screening (editable with `case:write`). */
export function DeterminationPanel({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const staff = useStaffNames();
  const [editing, setEditing] = useState(false);
  const canWrite = c.abilities.includes('case:write');
  const d = c.determination;

  return (
    <Stack gap="xs" data-testid="determination">
      <Title order={2} size="h5">
        {t('cases.determination.title')}
      </Title>
      {editing ? (
        <DeterminationForm c={c} onDone={() => setEditing(false)} />
      ) : (
        <>
          {d ? (
            <Stack gap={4}>
              <Group gap="xs">
                <LikelihoodBadge likelihood={d.likelihood} />
              </Group>
              {d.note && <Text size="sm">{d.note}</Text>}
              <Text size="xs" c="dimmed">
                {t('cases.determination.by', {
                  name: staff.name(d.by) ?? t('cases.someone'),
                  date: fmt.date(d.on),
                })}
              </Text>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('cases.determination.none')}
            </Text>
          )}
          {canWrite && (
            <Group>
              <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                {d ? t('cases.determination.change') : t('cases.determination.record')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
