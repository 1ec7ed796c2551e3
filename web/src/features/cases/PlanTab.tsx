import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { SavedNotice } from '../../components/SavedNotice.tsx';
import { useFormat } from '../../i18n/format.ts';
import { fetchPlan, useCatalogue, usePlan, usePlanMutations, type PlanMove } from './api.ts';
import { ItemStateBadge } from './Badges.tsx';
import { CaseForm, FormActions } from './CaseForm.tsx';
import type { CaseTabProps } from './CasePage.tsx';
import { detailsOf } from './errors.ts';
import { FormAlerts } from './FormAlerts.tsx';
import {
  BUSINESS_GRANT,
  EMPTY_ITEM,
  ITEM_FIELDS,
  cleanGoals,
  itemBody,
  itemPatch,
  validateGoals,
  validateItem,
  type ItemField,
  type ItemFormValues,
} from './forms.ts';
import { DateField } from './inputs.tsx';
import { catalogueName, useNameLocale, useStaffNames } from './labels.ts';
import { budgetPercent, formatKgs } from './money.ts';
import { QUIET, SectionHeader } from './SectionHeader.tsx';
import type { CaseDetail, CatalogueItem, Plan, PlanItem } from './types.ts';
import { useCaseForm } from './useCaseForm.ts';
import { compact, dateProblem, optionalText, problem, requiredText } from './validation.ts';
import { todayLocal } from '../intake/dates.ts';

/** Money in the UI language (the API's `kgs` text formatted as som). */
function useKgs() {
  const { i18n } = useTranslation();
  return (kgs: string) => formatKgs(kgs, i18n.language);
}

function BudgetBar({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const kgs = useKgs();
  const { ceiling, committed, remaining } = plan.budget;
  const percent = budgetPercent(committed.tyiyn, ceiling?.tyiyn ?? null);
  const over = remaining !== null && remaining.tyiyn < 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="budget-title">
      <Title order={2} size="h5" id="budget-title" mb="xs">
        {t('cases.plan.budget')}
      </Title>
      {ceiling === null || percent === null ? (
        <Text size="sm">{t('cases.plan.noCeiling', { committed: kgs(committed.kgs) })}</Text>
      ) : (
        <Stack gap={6}>
          <Progress
            value={Math.min(100, percent)}
            color={over ? 'red' : percent >= 80 ? 'orange' : 'teal'}
            size="lg"
            aria-label={t('cases.plan.budgetBar', { percent })}
          />
          <Text size="sm">
            {t('cases.plan.used', { committed: kgs(committed.kgs), ceiling: kgs(ceiling.kgs), percent })}
          </Text>
          {remaining && (
            <Text size="sm" c={over ? 'red' : 'dimmed'} fw={over ? 700 : undefined}>
              {over
                ? t('cases.plan.over', { amount: kgs(remaining.kgs.replace('-', '')) })
                : t('cases.plan.remaining', { amount: kgs(remaining.kgs) })}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function GoalsEditor({ caseId, plan, onDone }: { caseId: string; plan: Plan; onDone: () => void }) {
  const { t } = useTranslation();
  const mutations = usePlanMutations(caseId);
  const form = useCaseForm<{ goals: string[] }, 'goals'>({
    id: 'goals',
    initial: { goals: plan.goals.length > 0 ? plan.goals : [''] },
    version: plan.version ?? undefined,
    fields: ['goals'],
    validate: (v) => validateGoals(v.goals),
  });
  const goals = form.values.goals;
  const save = async () => {
    const ok = await form.submit((v, version) =>
      mutations.goals.mutateAsync({
        goals: cleanGoals(v.goals),
        ...(version !== undefined ? { version } : {}),
      }),
    );
    if (ok) onDone();
  };
  const reload = () =>
    void form.reloadAndReapply(async () => {
      const latest = await fetchPlan(caseId);
      return latest.version === null ? null : { values: { goals: latest.goals }, version: latest.version };
    });
  return (
    <CaseForm onSubmit={save}>
      <Stack gap="xs">
        <FormAlerts form={form} onReload={reload} />
        <div id={form.fieldId('goals')} tabIndex={-1}>
          <Stack gap="xs">
            {goals.map((goal, index) => (
              <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
                <Textarea
                  aria-label={t('cases.plan.goalNumber', { n: index + 1 })}
                  value={goal}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    form.set(
                      'goals',
                      goals.map((g, i) => (i === index ? value : g)),
                    );
                  }}
                  autosize
                  minRows={1}
                  maxLength={500}
                  style={{ flex: 1 }}
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={t('cases.plan.removeGoal', { n: index + 1 })}
                  onClick={() =>
                    form.set(
                      'goals',
                      goals.filter((_, i) => i !== index),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        </div>
        {form.error('goals') && (
          <Text size="xs" c="red" role="alert">
            {form.error('goals')}
          </Text>
        )}
        <FormActions pending={form.pending} onCancel={onDone} size="xs">
          <Button
            size="xs"
            variant="default"
            onClick={() => form.set('goals', [...goals, ''])}
            disabled={goals.length >= 30}
          >
            {t('cases.plan.addGoal')}
          </Button>
        </FormActions>
      </Stack>
    </CaseForm>
  );
}

function GoalsSection({ caseId, plan, canWrite }: { caseId: string; plan: Plan; canWrite: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="goals-title">
      <SectionHeader
        title={t('cases.plan.goals')}
        titleId="goals-title"
        titleSize="h5"
        mb="xs"
        action={
          canWrite &&
          !editing && { label: t('cases.plan.editGoals'), onClick: () => setEditing(true), ...QUIET }
        }
      />
      {editing ? (
        <GoalsEditor caseId={caseId} plan={plan} onDone={() => setEditing(false)} />
      ) : plan.goals.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.plan.noGoals')}
        </Text>
      ) : (
        <Stack component="ol" gap={4} m={0} pl="lg">
          {plan.goals.map((goal, index) => (
            <Text component="li" key={index} size="sm">
              {goal}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

const itemToForm = (item: PlanItem): ItemFormValues => ({
  catalogueCode: item.catalogueCode,
  description: item.description ?? '',
  quantity: String(item.quantity),
  unitCost: item.unitCost.kgs,
  supplier: item.supplier ?? '',
  bpSummary: item.businessPlan?.summary ?? '',
  bpActivity: item.businessPlan?.activity ?? '',
  bpIncome: item.businessPlan?.expectedMonthlyIncome?.kgs ?? '',
  bpStartup: item.businessPlan?.startupCosts?.kgs ?? '',
});

function ItemForm({
  caseId,
  item,
  catalogue,
  onDone,
}: {
  caseId: string;
  item?: PlanItem;
  catalogue: CatalogueItem[];
  onDone: (warnings?: string[]) => void;
}) {
  const { t } = useTranslation();
  const lng = useNameLocale();
  const kgs = useKgs();
  const mutations = usePlanMutations(caseId);
  const byCode = new Map(catalogue.map((c) => [c.code, c]));
  const form = useCaseForm<ItemFormValues, ItemField>({
    id: item ? `item-${item.id}` : 'item-new',
    initial: item ? itemToForm(item) : EMPTY_ITEM,
    version: item?.version,
    fields: ITEM_FIELDS,
    fieldOf: { businessPlan: 'bpSummary' },
    validate: (v) =>
      validateItem(v, item !== undefined || Boolean(byCode.get(v.catalogueCode)?.defaultUnitCost)),
  });
  const v = form.values;
  const entry = byCode.get(v.catalogueCode);
  const text = form.inputProps;

  const save = async () => {
    let warnings: string[] = [];
    const ok = await form.submit(async (values, version) => {
      if (item) {
        await mutations.update.mutateAsync({ itemId: item.id, body: itemPatch(values, version!) });
      } else {
        warnings = (await mutations.propose.mutateAsync(itemBody(values))).warnings;
      }
    });
    if (ok) onDone(warnings);
  };

  const reload = () =>
    void form.reloadAndReapply(async () => {
      const latest = (await fetchPlan(caseId)).items.find((i) => i.id === item?.id);
      return latest && latest.state === 'proposed'
        ? { values: itemToForm(latest), version: latest.version }
        : null;
    });

  return (
    <CaseForm frame="md" onSubmit={save}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {item ? t('cases.plan.editItem') : t('cases.plan.proposeTitle')}
        </Title>
        <FormAlerts form={form} onReload={item ? reload : undefined} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            id={form.fieldId('catalogueCode')}
            label={t('cases.plan.item')}
            value={v.catalogueCode}
            onChange={(e) => form.set('catalogueCode', e.currentTarget.value)}
            error={form.error('catalogueCode')}
            required
            disabled={item !== undefined}
            data={[
              { value: '', label: t('cases.choose') },
              ...catalogue.map((c) => ({ value: c.code, label: catalogueName(c, c.code, lng) })),
              ...(item && !byCode.has(item.catalogueCode)
                ? [{ value: item.catalogueCode, label: item.catalogueCode }]
                : []),
            ]}
          />
          <TextInput label={t('cases.plan.description')} maxLength={500} {...text('description')} />
          <TextInput
            label={t('cases.plan.quantity')}
            description={
              entry
                ? t('cases.plan.unit', {
                    unit: t(`casesCodes.unit.${entry.unit}` as 'casesCodes.unit.item', {
                      defaultValue: entry.unit,
                    }),
                  })
                : undefined
            }
            inputMode="numeric"
            required
            {...text('quantity')}
          />
          <TextInput
            label={t('cases.plan.unitCost')}
            description={
              entry?.defaultUnitCost
                ? t('cases.plan.defaultCost', { amount: kgs(entry.defaultUnitCost.kgs) })
                : entry && !item
                  ? t('cases.plan.unitCostHint')
                  : undefined
            }
            inputMode="decimal"
            required={!item && entry !== undefined && !entry.defaultUnitCost}
            {...text('unitCost')}
          />
          <TextInput label={t('cases.plan.supplier')} maxLength={200} {...text('supplier')} />
        </SimpleGrid>
        {v.catalogueCode === BUSINESS_GRANT && (
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {t('cases.plan.businessPlan')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('cases.plan.businessPlanHint')}
              </Text>
              <TextInput label={t('cases.plan.bpActivity')} maxLength={200} {...text('bpActivity')} />
              <Textarea
                label={t('cases.plan.bpSummary')}
                autosize
                minRows={2}
                maxLength={4000}
                {...text('bpSummary')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label={t('cases.plan.bpIncome')} inputMode="decimal" {...text('bpIncome')} />
                <TextInput label={t('cases.plan.bpStartup')} inputMode="decimal" {...text('bpStartup')} />
              </SimpleGrid>
            </Stack>
          </Paper>
        )}
        <FormActions
          label={item ? t('cases.save') : t('cases.plan.propose')}
          pending={form.pending}
          disabled={form.notice === 'gone'}
          onCancel={() => onDone()}
        />
      </Stack>
    </CaseForm>
  );
}

type MoveField = 'overrideReason' | 'supplier' | 'deliveredOn' | 'acknowledged' | 'reason';
type MoveValues = {
  overrideReason: string;
  supplier: string;
  deliveredOn: string;
  acknowledged: boolean;
  reason: string;
};

function MoveForm({
  caseId,
  item,
  move,
  onDone,
}: {
  caseId: string;
  item: PlanItem;
  move: PlanMove;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const kgs = useKgs();
  const mutations = usePlanMutations(caseId);
  const [overCeiling, setOverCeiling] = useState<{ amount: string; ceiling: string } | null>(null);
  const form = useCaseForm<MoveValues, MoveField>({
    id: `move-${item.id}`,
    initial: {
      overrideReason: '',
      supplier: item.supplier ?? '',
      deliveredOn: todayLocal(),
      acknowledged: false,
      reason: '',
    },
    version: item.version,
    fields: ['overrideReason', 'supplier', 'deliveredOn', 'acknowledged', 'reason'],
    fieldOf: {
      override_reason_required: 'overrideReason',
      acknowledgement_required: 'acknowledged',
      cancel_reason_required: 'reason',
      delivered_before_approval: 'deliveredOn',
      date_in_future: 'deliveredOn',
    },
    validate: (v) =>
      compact({
        overrideReason: overCeiling
          ? requiredText(v.overrideReason, 2000)
          : optionalText(v.overrideReason, 2000),
        supplier: move === 'procure' ? optionalText(v.supplier, 200) : undefined,
        deliveredOn:
          move === 'deliver' ? dateProblem(v.deliveredOn, { required: true, past: true }) : undefined,
        acknowledged: move === 'deliver' && !v.acknowledged ? problem('cases.v.acknowledge') : undefined,
        reason: move === 'cancel' ? requiredText(v.reason, 2000) : undefined,
      }),
  });
  const v = form.values;

  const bodyOf = (values: MoveValues, version: number): Record<string, unknown> => {
    switch (move) {
      case 'approve':
        return {
          version,
          ...(values.overrideReason.trim() ? { overrideReason: values.overrideReason.trim() } : {}),
        };
      case 'procure':
        return { version, ...(values.supplier.trim() ? { supplier: values.supplier.trim() } : {}) };
      case 'deliver':
        return { version, deliveredOn: values.deliveredOn, acknowledged: values.acknowledged };
      case 'cancel':
        return { version, reason: values.reason.trim() };
    }
  };

  const save = async () => {
    const ok = await form.submit(async (values, version) => {
      try {
        await mutations.move.mutateAsync({ itemId: item.id, move, body: bodyOf(values, version!) });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'override_reason_required') {
          const d = detailsOf(error);
          const tyiyn = (n: unknown) => (typeof n === 'number' ? (n / 100).toFixed(2) : '0');
          setOverCeiling({ amount: tyiyn(d.amountTyiyn), ceiling: tyiyn(d.ceilingTyiyn) });
        }
        throw error;
      }
    });
    if (ok) onDone();
  };

  const reload = () =>
    void form.reloadAndReapply(async () => {
      const latest = (await fetchPlan(caseId)).items.find((i) => i.id === item.id);
      const target = { approve: 'approved', procure: 'procured', deliver: 'delivered', cancel: 'cancelled' }[
        move
      ];
      return latest && latest.allowedTransitions.includes(target as PlanItem['state'])
        ? { values: { ...form.base, supplier: latest.supplier ?? '' }, version: latest.version }
        : null;
    });

  const title = {
    approve: t('cases.plan.approve'),
    procure: t('cases.plan.procure'),
    deliver: t('cases.plan.deliver'),
    cancel: t('cases.plan.cancel'),
  }[move];

  return (
    <CaseForm frame="sm" onSubmit={save}>
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <FormAlerts form={form} onReload={reload} />
        {move === 'approve' && overCeiling && (
          <Alert color="orange" role="alert">
            {t('cases.plan.overCeiling', {
              amount: kgs(overCeiling.amount),
              ceiling: kgs(overCeiling.ceiling),
            })}
          </Alert>
        )}
        {move === 'approve' && (overCeiling || v.overrideReason) && (
          <Textarea
            id={form.fieldId('overrideReason')}
            label={t('cases.plan.overrideReason')}
            value={v.overrideReason}
            onChange={(e) => form.set('overrideReason', e.currentTarget.value)}
            error={form.error('overrideReason')}
            required
            autosize
            minRows={2}
            maxLength={2000}
          />
        )}
        {move === 'approve' && !overCeiling && (
          <Text size="sm">{t('cases.plan.approveConfirm', { amount: kgs(item.amount.kgs) })}</Text>
        )}
        {move === 'procure' && (
          <TextInput
            id={form.fieldId('supplier')}
            label={t('cases.plan.supplier')}
            value={v.supplier}
            onChange={(e) => form.set('supplier', e.currentTarget.value)}
            error={form.error('supplier')}
            maxLength={200}
          />
        )}
        {move === 'deliver' && (
          <>
            <DateField
              id={form.fieldId('deliveredOn')}
              label={t('cases.plan.deliveredOn')}
              value={v.deliveredOn}
              onChange={(value) => form.set('deliveredOn', value)}
              error={form.error('deliveredOn')}
              required
              past
            />
            <Checkbox
              id={form.fieldId('acknowledged')}
              label={t('cases.plan.acknowledged')}
              checked={v.acknowledged}
              onChange={(e) => form.set('acknowledged', e.currentTarget.checked)}
              error={form.error('acknowledged')}
            />
          </>
        )}
        {move === 'cancel' && (
          <Textarea
            id={form.fieldId('reason')}
            label={t('cases.plan.cancelReason')}
            value={v.reason}
            onChange={(e) => form.set('reason', e.currentTarget.value)}
            error={form.error('reason')}
            required
            autosize
            minRows={2}
            maxLength={2000}
          />
        )}
        <FormActions
          label={move === 'approve' && overCeiling ? t('cases.plan.approveOver') : title}
          pending={form.pending}
          onCancel={onDone}
          size="xs"
          color={move === 'cancel' ? 'red' : undefined}
        />
      </Stack>
    </CaseForm>
  );
}

function ItemCard({
  c,
  item,
  catalogue,
  busy,
  onEdit,
}: {
  c: CaseDetail;
  item: PlanItem;
  catalogue: Map<string, CatalogueItem>;
  busy: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const kgs = useKgs();
  const lng = useNameLocale();
  const staff = useStaffNames();
  const [move, setMove] = useState<PlanMove | null>(null);
  const canWrite = c.abilities.includes('case:write');
  const canApprove = c.abilities.includes('plan:approve');
  const entry = catalogue.get(item.catalogueCode);
  const name = catalogueName(entry, item.catalogueCode, lng);
  const unit = entry
    ? t(`casesCodes.unit.${entry.unit}` as 'casesCodes.unit.item', { defaultValue: entry.unit })
    : '';

  const moves: { move: PlanMove; show: boolean; color?: string; variant: string }[] = [
    { move: 'approve', show: canApprove && item.allowedTransitions.includes('approved'), variant: 'filled' },
    { move: 'procure', show: canWrite && item.allowedTransitions.includes('procured'), variant: 'filled' },
    { move: 'deliver', show: canWrite && item.allowedTransitions.includes('delivered'), variant: 'filled' },
    {
      move: 'cancel',
      show: canWrite && item.allowedTransitions.includes('cancelled'),
      color: 'red',
      variant: 'subtle',
    },
  ];
  const label = {
    approve: t('cases.plan.approve'),
    procure: t('cases.plan.procure'),
    deliver: t('cases.plan.deliver'),
    cancel: t('cases.plan.cancel'),
  };

  return (
    <Paper withBorder p="md" component="article" aria-label={name} data-testid="plan-item">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={600}>{name}</Text>
              <ItemStateBadge state={item.state} />
            </Group>
            {item.description && <Text size="sm">{item.description}</Text>}
          </Stack>
          <Text fw={700}>{kgs(item.amount.kgs)}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('cases.plan.costLine', {
            quantity: fmt.number(item.quantity),
            unit,
            unitCost: kgs(item.unitCost.kgs),
          })}
          {item.supplier ? ` · ${t('cases.plan.from', { supplier: item.supplier })}` : ''}
        </Text>
        {item.businessPlan && (
          <Text size="sm">{t('cases.plan.bpLine', { activity: item.businessPlan.activity })}</Text>
        )}
        <Text size="xs" c="dimmed">
          {[
            t('cases.plan.proposedBy', {
              name: staff.name(item.proposedBy) ?? t('cases.someone'),
              date: fmt.date(item.createdAt),
            }),
            item.approvedAt
              ? t('cases.plan.approvedBy', {
                  name: staff.name(item.approvedBy) ?? t('cases.someone'),
                  date: fmt.date(item.approvedAt),
                })
              : '',
            item.procuredAt ? t('cases.plan.procuredOn', { date: fmt.date(item.procuredAt) }) : '',
            item.deliveredOn ? t('cases.plan.deliveredLine', { date: fmt.date(item.deliveredOn) }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {item.overrideReason && (
          <Text size="xs" c="orange.8">
            {t('cases.plan.overrideLine', { reason: item.overrideReason })}
          </Text>
        )}
        {item.cancelReason && (
          <Text size="xs" c="dimmed">
            {t('cases.plan.cancelLine', { reason: item.cancelReason })}
          </Text>
        )}
        {move ? (
          <MoveForm caseId={c.id} item={item} move={move} onDone={() => setMove(null)} />
        ) : (
          (moves.some((m) => m.show) || (canWrite && item.state === 'proposed')) && (
            <Group gap="xs">
              {moves
                .filter((m) => m.show)
                .map((m) => (
                  <Button
                    key={m.move}
                    size="xs"
                    variant={m.variant}
                    color={m.color}
                    onClick={() => setMove(m.move)}
                    disabled={busy}
                  >
                    {label[m.move]}
                  </Button>
                ))}
              {canWrite && item.state === 'proposed' && (
                <Button size="xs" variant="default" onClick={onEdit} disabled={busy}>
                  {t('cases.edit')}
                </Button>
              )}
            </Group>
          )
        )}
      </Stack>
    </Paper>
  );
}

/** The reintegration plan: goals, items along their approval path, and the budget against the ceiling. */
export function PlanTab({ c }: CaseTabProps) {
  const { t } = useTranslation();
  const query = usePlan(c.id);
  const catalogue = useCatalogue();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const canWrite = c.abilities.includes('case:write');

  if (!query.isSuccess) return <QueryStates query={query} />;
  const plan = query.data;
  const entries = catalogue.data ?? [];
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const editingItem = plan.items.find((i) => i.id === editing);
  const done = (w?: string[]) => {
    setEditing(null);
    setWarnings(w ?? []);
  };

  return (
    <Stack gap="md">
      <BudgetBar plan={plan} />
      <GoalsSection caseId={c.id} plan={plan} canWrite={canWrite} />
      <SectionHeader
        title={t('cases.plan.items')}
        action={
          canWrite &&
          editing === null && {
            label: t('cases.plan.propose'),
            onClick: () => {
              setWarnings([]);
              setEditing('new');
            },
          }
        }
      />
      {warnings.includes('business_plan_recommended') && (
        <SavedNotice color="yellow" onClose={() => setWarnings([])}>
          {t('cases.plan.businessPlanRecommended')}
        </SavedNotice>
      )}
      {catalogue.isError && <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
      {editing === 'new' && <ItemForm caseId={c.id} catalogue={entries} onDone={done} />}
      {editingItem && (
        <ItemForm key={editingItem.id} caseId={c.id} item={editingItem} catalogue={entries} onDone={done} />
      )}
      {plan.items.length === 0 ? (
        <Text c="dimmed">{t('cases.plan.noItems')}</Text>
      ) : (
        plan.items.map((item) => (
          <ItemCard
            key={item.id}
            c={c}
            item={item}
            catalogue={byCode}
            busy={editing !== null}
            onEdit={() => setEditing(item.id)}
          />
        ))
      )}
    </Stack>
  );
}
