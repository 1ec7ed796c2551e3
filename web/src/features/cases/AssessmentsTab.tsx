import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStates } from '../../components/QueryStates.tsx';
import { SavedNotice } from '../../components/SavedNotice.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormWithNotice } from '../../hooks/useFormWithNotice.ts';
import { useFormat } from '../../i18n/format.ts';
import { useAddRss, useAddVulnerability, useRssAssessments, useVulnerability } from './api.ts';
import { RiskBadge } from './Badges.tsx';
import { CaseForm, FormActions } from './CaseForm.tsx';
import type { CaseTabProps } from './CasePage.tsx';
import {
  DOMV_FACTOR_CODES,
  DOMV_LEVELS,
  KOLDOO_RSS_1,
  RISK_LEVELS,
  RSS_DIMENSIONS,
  rssInstrumentKey,
  type DomvLevel,
  type FactorKind,
} from './codes.ts';
import { FormAlerts } from './FormAlerts.tsx';
import {
  domvBody,
  rssBody,
  suggestRiskLevel,
  validateRss,
  type FactorRow,
  type RssFormValues,
} from './forms.ts';
import { DateField } from './inputs.tsx';
import { ScoresChart } from './ScoresChart.tsx';
import { SectionHeader } from './SectionHeader.tsx';
import type { RssAssessment } from './types.ts';
import { useCaseForm } from './useCaseForm.ts';
import { compact, dateProblem, optionalText, problem } from './validation.ts';
import { todayLocal } from '../intake/dates.ts';

// --- RSS ---------------------------------------------------------------------------------------

function RssForm({
  caseId,
  onSaved,
  onCancel,
}: {
  caseId: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddRss(caseId);
  const form = useCaseForm<RssFormValues, 'takenOn' | 'answers'>({
    id: 'rss',
    initial: { takenOn: todayLocal(), answers: {} },
    fields: ['takenOn', 'answers'],
    fieldOf: { invalid_answers: 'answers', instrument: 'answers' },
    validate: (v) => validateRss(v),
  });
  const answered = Object.values(form.values.answers).filter((v) => v !== undefined).length;
  const { indicators } = KOLDOO_RSS_1;

  const save = async () => {
    const ok = await form.submit((v) => add.mutateAsync(rssBody(v, rssInstrumentKey(KOLDOO_RSS_1))));
    if (ok) onSaved();
  };

  return (
    <CaseForm frame="md" onSubmit={save}>
      <Stack gap="md">
        <Title order={3} size="h5">
          {t('cases.rss.formTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('cases.rss.formHint')}
        </Text>
        <FormAlerts form={form} />
        <DateField
          id={form.fieldId('takenOn')}
          label={t('cases.rss.takenOn')}
          value={form.values.takenOn}
          onChange={(value) => form.set('takenOn', value)}
          error={form.error('takenOn')}
          required
          past
        />
        <div id={form.fieldId('answers')} tabIndex={-1}>
          {form.error('answers') && (
            <Alert color="red" role="alert" mb="sm">
              {form.error('answers')}
            </Alert>
          )}
          <Stack gap="lg">
            {RSS_DIMENSIONS.map((dimension) => (
              <fieldset key={dimension} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
                <Text component="legend" fw={700} mb="xs">
                  {t(`casesCodes.dimension.${dimension}`)}
                </Text>
                <Stack gap="sm">
                  {indicators
                    .filter((q) => q.dimension === dimension)
                    .map((q) => (
                      <Radio.Group
                        key={q.code}
                        label={t(`casesCodes.rss.${q.code}.q` as 'casesCodes.rss.debt.q')}
                        value={
                          form.values.answers[q.code] === undefined ? '' : String(form.values.answers[q.code])
                        }
                        onChange={(value) =>
                          form.set('answers', {
                            ...form.values.answers,
                            [q.code]: value === '' ? undefined : Number(value),
                          })
                        }
                      >
                        <Group gap="md" mt={4}>
                          {q.values.map((value, index) => (
                            <Radio
                              key={value}
                              value={String(value)}
                              label={t(`casesCodes.rss.${q.code}.o${index}` as 'casesCodes.rss.debt.o0')}
                            />
                          ))}
                        </Group>
                      </Radio.Group>
                    ))}
                </Stack>
              </fieldset>
            ))}
          </Stack>
        </div>
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('cases.rss.answered', { answered, total: indicators.length })}
        </Text>
        <FormActions label={t('cases.rss.save')} pending={form.pending} onCancel={onCancel} />
      </Stack>
    </CaseForm>
  );
}

function BandBadges({ assessment }: { assessment: RssAssessment }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const color = { low: 'red', medium: 'yellow', high: 'green' } as const;
  return (
    <Group gap="xs">
      {(['composite', ...RSS_DIMENSIONS] as const).map((key) => {
        const value = assessment.scores[key];
        const band = assessment.bands[key];
        if (value === null) return null;
        return (
          <Badge
            key={key}
            variant={key === 'composite' ? 'filled' : 'light'}
            color={band ? color[band] : 'gray'}
            tt="none"
          >
            {`${t(`casesCodes.dimension.${key}`)}: ${fmt.number(value, { minimumFractionDigits: 2 })}${band ? ` · ${t(`casesCodes.band.${band}`)}` : ''}`}
          </Badge>
        );
      })}
    </Group>
  );
}

function RssSection({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useRssAssessments(caseId);
  const form = useFormWithNotice<'new'>();
  const items = query.data ?? [];
  const latest = items.at(-1);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rss-title">
      <Stack gap="md">
        <SectionHeader
          title={t('cases.rss.title')}
          titleId="rss-title"
          action={canWrite && !form.editing && { label: t('cases.rss.add'), onClick: () => form.open('new') }}
        />
        {form.notice && <SavedNotice onClose={form.dismiss}>{t('cases.rss.saved')}</SavedNotice>}
        {form.editing && <RssForm caseId={caseId} onSaved={() => form.finish(true)} onCancel={form.close} />}
        <QueryStates query={query} isEmpty={items.length === 0} empty={t('cases.rss.empty')} emptySize="sm">
          <>
            {latest && (
              <Stack gap={4}>
                <Text size="sm">{t('cases.rss.latest', { date: fmt.date(latest.takenOn) })}</Text>
                <BandBadges assessment={latest} />
              </Stack>
            )}
            <ScoresChart trend={items.map((a) => ({ takenOn: a.takenOn, scores: a.scores }))} />
          </>
        </QueryStates>
      </Stack>
    </Paper>
  );
}

// --- DoMV --------------------------------------------------------------------------------------

type DomvField = 'takenOn' | 'factors' | 'riskLevel' | 'note';
type DomvValues = { takenOn: string; factors: FactorRow[]; riskLevel: string; note: string };

function FactorEditor({
  row,
  onChange,
  onRemove,
}: {
  row: FactorRow;
  onChange: (row: FactorRow) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const codes: readonly string[] = DOMV_FACTOR_CODES[row.level];
  return (
    <Paper
      withBorder
      p="xs"
      bg={row.kind === 'risk' ? 'var(--mantine-color-red-0)' : 'var(--mantine-color-green-0)'}
    >
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('cases.domv.kind')}
          value={row.kind}
          onChange={(e) => {
            const kind = e.currentTarget.value as FactorKind;
            onChange({ ...row, kind, immediateDanger: kind === 'risk' && row.immediateDanger });
          }}
          data={(['risk', 'protective'] as const).map((k) => ({
            value: k,
            label: t(`casesCodes.factorKind.${k}`),
          }))}
          w={130}
        />
        <NativeSelect
          label={t('cases.domv.factor')}
          value={row.code}
          onChange={(e) => onChange({ ...row, code: e.currentTarget.value })}
          data={[
            { value: '', label: t('cases.domv.otherFactor') },
            ...codes.map((c) => ({
              value: c,
              label: t(`casesCodes.domvFactor.${c}` as 'casesCodes.domvFactor.age'),
            })),
          ]}
          w={200}
        />
        <TextInput
          label={t('cases.domv.factorNote')}
          value={row.note}
          onChange={(e) => onChange({ ...row, note: e.currentTarget.value })}
          maxLength={2000}
          style={{ flex: 1, minWidth: 180 }}
        />
        {row.kind === 'risk' && (
          <Checkbox
            label={t('cases.domv.immediateDanger')}
            checked={row.immediateDanger}
            onChange={(e) => onChange({ ...row, immediateDanger: e.currentTarget.checked })}
            mb={8}
          />
        )}
        <ActionIcon variant="default" size="lg" aria-label={t('cases.domv.removeFactor')} onClick={onRemove}>
          ×
        </ActionIcon>
      </Group>
    </Paper>
  );
}

function DomvForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddVulnerability(caseId);
  const nextKey = useRef(1);
  const form = useCaseForm<DomvValues, DomvField>({
    id: 'domv',
    initial: { takenOn: todayLocal(), factors: [], riskLevel: '', note: '' },
    fields: ['takenOn', 'factors', 'riskLevel', 'note'],
    validate: (v) =>
      compact({
        takenOn: dateProblem(v.takenOn, { required: true, past: true }),
        factors: v.factors.some((f) => f.note.trim().length > 2000)
          ? problem('cases.v.tooLong', { max: 2000 })
          : undefined,
        riskLevel: undefined,
        note: optionalText(v.note, 4000),
      }),
  });
  const v = form.values;
  const suggested = suggestRiskLevel(v.factors);

  const addFactor = (level: DomvLevel, kind: FactorKind) =>
    form.set('factors', [
      ...v.factors,
      { key: nextKey.current++, level, kind, code: '', note: '', immediateDanger: false },
    ]);

  const save = async () => {
    const ok = await form.submit((values) =>
      add.mutateAsync(domvBody(values.takenOn, values.factors, values.riskLevel, values.note)),
    );
    if (ok) onDone();
  };

  return (
    <CaseForm frame="md" onSubmit={save}>
      <Stack gap="md">
        <Title order={3} size="h5">
          {t('cases.domv.formTitle')}
        </Title>
        <FormAlerts form={form} />
        <DateField
          id={form.fieldId('takenOn')}
          label={t('cases.domv.takenOn')}
          value={v.takenOn}
          onChange={(value) => form.set('takenOn', value)}
          error={form.error('takenOn')}
          required
          past
        />
        <div id={form.fieldId('factors')} tabIndex={-1}>
          {form.error('factors') && (
            <Alert color="red" role="alert" mb="sm">
              {form.error('factors')}
            </Alert>
          )}
          <Stack gap="md">
            {DOMV_LEVELS.map((level) => {
              const rows = v.factors.filter((f) => f.level === level);
              return (
                <fieldset key={level} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
                  <Text component="legend" fw={700}>
                    {t(`casesCodes.domvLevel.${level}`)}
                  </Text>
                  <Text size="xs" c="dimmed" mb="xs">
                    {t(`cases.domv.levelHint.${level}`)}
                  </Text>
                  <Stack gap="xs">
                    {rows.map((row) => (
                      <FactorEditor
                        key={row.key}
                        row={row}
                        onChange={(next) =>
                          form.set(
                            'factors',
                            v.factors.map((f) => (f.key === row.key ? next : f)),
                          )
                        }
                        onRemove={() =>
                          form.set(
                            'factors',
                            v.factors.filter((f) => f.key !== row.key),
                          )
                        }
                      />
                    ))}
                    <Group gap="xs">
                      <Button size="xs" variant="light" color="red" onClick={() => addFactor(level, 'risk')}>
                        {t('cases.domv.addRisk')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="green"
                        onClick={() => addFactor(level, 'protective')}
                      >
                        {t('cases.domv.addProtective')}
                      </Button>
                    </Group>
                  </Stack>
                </fieldset>
              );
            })}
          </Stack>
        </div>
        <Paper withBorder p="sm" aria-live="polite">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {t('cases.domv.suggested')}
            </Text>
            <RiskBadge level={suggested} />
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {t('cases.domv.counts', {
              risk: v.factors.filter((f) => f.kind === 'risk').length,
              protective: v.factors.filter((f) => f.kind === 'protective').length,
            })}
          </Text>
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            id={form.fieldId('riskLevel')}
            label={t('cases.domv.level')}
            description={t('cases.domv.levelDescription')}
            value={v.riskLevel}
            onChange={(e) => form.set('riskLevel', e.currentTarget.value)}
            error={form.error('riskLevel')}
            data={[
              {
                value: '',
                label: t('cases.domv.useSuggestion', { level: t(`casesCodes.risk.${suggested}`) }),
              },
              ...RISK_LEVELS.map((l) => ({ value: l, label: t(`casesCodes.risk.${l}`) })),
            ]}
          />
          <Textarea
            id={form.fieldId('note')}
            label={t('cases.domv.note')}
            value={v.note}
            onChange={(e) => form.set('note', e.currentTarget.value)}
            error={form.error('note')}
            autosize
            minRows={2}
            maxLength={4000}
          />
        </SimpleGrid>
        <FormActions label={t('cases.domv.save')} pending={form.pending} onCancel={onDone} />
      </Stack>
    </CaseForm>
  );
}

function DomvSection({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useVulnerability(caseId);
  const [adding, setAdding] = useState(false);
  const items = [...(query.data ?? [])].reverse();

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="domv-title">
      <Stack gap="md">
        <SectionHeader
          title={t('cases.domv.title')}
          titleId="domv-title"
          action={
            canWrite &&
            !adding && { label: t('cases.domv.add'), onClick: () => setAdding(true), variant: 'default' }
          }
        />
        {adding && <DomvForm caseId={caseId} onDone={() => setAdding(false)} />}
        <QueryStates query={query} isEmpty={items.length === 0} empty={t('cases.domv.empty')} emptySize="sm">
          <ScrollTable label={t('cases.domv.tableLabel')} minWidth={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.domv.takenOn')}</Table.Th>
                <Table.Th scope="col">{t('cases.domv.suggested')}</Table.Th>
                <Table.Th scope="col">{t('cases.domv.level')}</Table.Th>
                <Table.Th scope="col">{t('cases.domv.factors')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{fmt.date(a.takenOn)}</Table.Td>
                  <Table.Td>
                    <RiskBadge level={a.suggestedLevel} />
                  </Table.Td>
                  <Table.Td>
                    <RiskBadge level={a.riskLevel} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('cases.domv.counts', {
                        risk: a.factors.filter((f) => f.kind === 'risk').length,
                        protective: a.factors.filter((f) => f.kind === 'protective').length,
                      })}
                    </Text>
                    {a.factors.some((f) => f.immediateDanger) && (
                      <Text size="sm" c="red" fw={700}>
                        {t('cases.domv.immediateDanger')}
                      </Text>
                    )}
                    {a.note && (
                      <Text size="xs" c="dimmed">
                        {a.note}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        </QueryStates>
      </Stack>
    </Paper>
  );
}

/** Assessments: reintegration sustainability (RSS) with its trend, and vulnerability (DoMV). */
export function AssessmentsTab({ c }: CaseTabProps) {
  const canWrite = c.abilities.includes('case:write');
  return (
    <Stack gap="lg">
      <RssSection caseId={c.id} canWrite={canWrite} />
      <DomvSection caseId={c.id} canWrite={canWrite} />
    </Stack>
  );
}
