import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../../api/queryClient.ts';
import { caseKeys, fetchCase, useTransition } from './api.ts';
import { CASE_STATUSES, CLOSURE_REASONS, type CaseStatus } from './codes.ts';
import { caseErrorMessage } from './errors.ts';
import { FormAlerts } from './FormAlerts.tsx';
import { moveNeed } from './forms.ts';
import type { CaseDetail } from './types.ts';
import { useCaseForm } from './useCaseForm.ts';
import { compact, optionalText, problem, requiredText } from './validation.ts';

type Values = { reason: string; note: string };
const FIELDS = ['reason', 'note'] as const;

/** The label of the button that moves a case from `from` to `to`. */
function useMoveLabel() {
  const { t } = useTranslation();
  return (from: CaseStatus, to: CaseStatus) => {
    if (to === 'closed') return t('cases.workflow.close');
    if (from === 'closed') return t('cases.workflow.reopen');
    const status = t(`casesCodes.status.${to}`);
    return moveNeed(from, to, CASE_STATUSES) === 'note'
      ? t('cases.workflow.back', { status })
      : t('cases.workflow.forward', { status });
  };
}

function MoveForm({ c, to, onDone }: { c: CaseDetail; to: CaseStatus; onDone: () => void }) {
  const { t } = useTranslation();
  const transition = useTransition(c.id);
  const need = moveNeed(c.status, to, CASE_STATUSES);
  const label = useMoveLabel();
  const reasons = c.allowedClosureReasons ?? [...CLOSURE_REASONS];
  const form = useCaseForm<Values, (typeof FIELDS)[number]>({
    id: 'move',
    initial: { reason: '', note: '' },
    version: c.version,
    fields: FIELDS,
    fieldOf: {
      closure_reason_required: 'reason',
      closure_reason_not_allowed: 'reason',
      note_required: 'note',
    },
    validate: (v) =>
      compact({
        reason: need === 'reason' && !v.reason ? problem('cases.v.required') : undefined,
        note: need === 'note' ? requiredText(v.note, 2000) : optionalText(v.note, 2000),
      }),
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const ok = await form.submit((v, version) =>
      transition.mutateAsync({
        to,
        ...(need === 'reason' ? { reason: v.reason } : {}),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
        version: version!,
      }),
    );
    if (ok) onDone();
  };

  const reload = () =>
    void form.reloadAndReapply(async () => {
      const latest = await fetchCase(c.id);
      queryClient.setQueryData(caseKeys.detail(c.id), latest);
      return latest.allowedTransitions.includes(to)
        ? { values: { reason: '', note: '' }, version: latest.version }
        : null;
    });

  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      onSubmit={(e: FormEvent<HTMLFormElement>) => void onSubmit(e)}
      noValidate
    >
      <Stack gap="xs">
        <Text fw={600}>{label(c.status, to)}</Text>
        <FormAlerts form={form} onReload={reload} />
        {need === 'reason' && (
          <NativeSelect
            id={form.fieldId('reason')}
            label={t('cases.workflow.reason')}
            description={t('cases.workflow.reasonHint')}
            value={form.values.reason}
            onChange={(e) => form.set('reason', e.currentTarget.value)}
            error={form.error('reason')}
            required
            data={[
              { value: '', label: t('cases.choose') },
              ...reasons.map((r) => ({ value: r, label: t(`casesCodes.closure.${r}`) })),
            ]}
          />
        )}
        <Textarea
          id={form.fieldId('note')}
          label={need === 'note' ? t('cases.workflow.noteRequired') : t('cases.workflow.note')}
          description={need === 'note' ? t('cases.workflow.noteHint') : undefined}
          value={form.values.note}
          onChange={(e) => form.set('note', e.currentTarget.value)}
          error={form.error('note')}
          required={need === 'note'}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Group gap="xs">
          <Button type="submit" size="xs" color={to === 'closed' ? 'red' : undefined} loading={form.pending}>
            {t('cases.workflow.confirm')}
          </Button>
          <Button size="xs" variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The workflow moves the API allows now (`allowedTransitions`); nothing else is offered. */
export function WorkflowActions({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const transition = useTransition(c.id);
  const label = useMoveLabel();
  const [target, setTarget] = useState<CaseStatus | null>(null);
  if (c.allowedTransitions.length === 0) return null;

  const click = (to: CaseStatus) => {
    transition.reset();
    if (moveNeed(c.status, to, CASE_STATUSES) === 'nothing') {
      transition.mutate({ to, version: c.version });
    } else {
      setTarget(to);
    }
  };

  return (
    <Stack gap="xs" data-testid="workflow">
      <Group gap="xs" role="group" aria-label={t('cases.workflow.label')}>
        {c.allowedTransitions.map((to) => (
          <Button
            key={to}
            size="xs"
            variant={
              to === 'closed'
                ? 'outline'
                : moveNeed(c.status, to, CASE_STATUSES) === 'nothing'
                  ? 'filled'
                  : 'default'
            }
            color={to === 'closed' ? 'red' : undefined}
            onClick={() => click(to)}
            loading={transition.isPending && transition.variables?.to === to}
            aria-expanded={moveNeed(c.status, to, CASE_STATUSES) === 'nothing' ? undefined : target === to}
          >
            {label(c.status, to)}
          </Button>
        ))}
      </Group>
      {transition.isError && (
        <Alert
          color="red"
          role="alert"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => transition.reset()}
        >
          {caseErrorMessage(t, transition.error)}
          {transition.error && (
            <Button
              size="xs"
              variant="default"
              ml="sm"
              onClick={() => void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) })}
            >
              {t('cases.conflict.reloadCase')}
            </Button>
          )}
        </Alert>
      )}
      {target && c.allowedTransitions.includes(target) && (
        <MoveForm key={`${target}-${c.status}`} c={c} to={target} onDone={() => setTarget(null)} />
      )}
    </Stack>
  );
}
