import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryStates } from '../../components/QueryStates.tsx';
import { SavedNotice } from '../../components/SavedNotice.tsx';
import { useFormWithNotice } from '../../hooks/useFormWithNotice.ts';
import { fetchEpisodes, useEpisodeMutations, useEpisodes } from './api.ts';
import { LikelihoodBadge } from './Badges.tsx';
import { CaseForm, FormActions } from './CaseForm.tsx';
import type { CaseTabProps } from './CasePage.tsx';
import { EPISODE_FACTS, RECRUITER_RELATIONSHIPS, SECTORS, type TraffickingLikelihood } from './codes.ts';
import { episodeLabel } from './episodeLabel.ts';
import { caseErrorMessage } from './errors.ts';
import { FormAlerts } from './FormAlerts.tsx';
import {
  EMPTY_EPISODE,
  EPISODE_FIELDS,
  episodeBody,
  episodePatch,
  episodeToForm,
  validateEpisode,
  type EpisodeField,
  type EpisodeFormValues,
} from './forms.ts';
import { CountrySelect, CurrencySelect, DateField } from './inputs.tsx';
import { formatMoney } from './money.ts';
import { SectionHeader } from './SectionHeader.tsx';
import type { Episode } from './types.ts';
import { useCaseForm } from './useCaseForm.ts';

function EpisodeForm({
  caseId,
  episode,
  onDone,
}: {
  caseId: string;
  episode?: Episode;
  onDone: (likelihood?: TraffickingLikelihood) => void;
}) {
  const { t } = useTranslation();
  const mutations = useEpisodeMutations(caseId);
  const form = useCaseForm<EpisodeFormValues, EpisodeField>({
    id: episode ? `episode-${episode.id}` : 'episode-new',
    initial: episode ? episodeToForm(episode) : EMPTY_EPISODE,
    version: episode?.version,
    fields: EPISODE_FIELDS,
    validate: (v) => validateEpisode(v),
  });
  const v = form.values;
  const text = form.inputProps;

  const save = async () => {
    let likelihood: TraffickingLikelihood | undefined;
    const ok = await form.submit(async (values, version) => {
      const result = episode
        ? await mutations.update.mutateAsync({
            episodeId: episode.id,
            body: episodePatch(form.base, values, version!),
          })
        : await mutations.add.mutateAsync(episodeBody(values));
      likelihood = result.screening.likelihood;
    });
    if (ok) onDone(likelihood);
  };

  const reload = () =>
    void form.reloadAndReapply(async () => {
      const latest = (await fetchEpisodes(caseId)).find((e) => e.id === episode?.id);
      return latest ? { values: episodeToForm(latest), version: latest.version } : null;
    });

  const checked = EPISODE_FACTS.filter((f) => v.facts[f]);

  return (
    <CaseForm frame="md" onSubmit={save} labelledBy="episode-form-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="episode-form-title">
          {episode ? t('cases.migration.editTitle') : t('cases.migration.addTitle')}
        </Title>
        <FormAlerts form={form} onReload={episode ? reload : undefined} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <CountrySelect
            id={form.fieldId('destinationCountry')}
            label={t('cases.migration.country')}
            value={v.destinationCountry}
            onChange={(value) => form.set('destinationCountry', value)}
            error={form.error('destinationCountry')}
            required
          />
          <TextInput label={t('cases.migration.city')} maxLength={120} {...text('destinationCity')} />
          <DateField
            id={form.fieldId('departedOn')}
            label={t('cases.migration.departedOn')}
            value={v.departedOn}
            onChange={(value) => form.set('departedOn', value)}
            error={form.error('departedOn')}
            past
          />
          <DateField
            id={form.fieldId('returnedOn')}
            label={t('cases.migration.returnedOn')}
            value={v.returnedOn}
            onChange={(value) => form.set('returnedOn', value)}
            error={form.error('returnedOn')}
            past
          />
          <NativeSelect
            label={t('cases.migration.sector')}
            data={[
              { value: '', label: t('cases.notKnown') },
              ...SECTORS.map((s) => ({ value: s, label: t(`casesCodes.sector.${s}`) })),
            ]}
            {...text('sector')}
          />
          <NativeSelect
            label={t('cases.migration.recruiter')}
            data={[
              { value: '', label: t('cases.notKnown') },
              ...RECRUITER_RELATIONSHIPS.map((r) => ({ value: r, label: t(`casesCodes.recruiter.${r}`) })),
            ]}
            {...text('recruiterRelationship')}
          />
          <TextInput
            label={t('cases.migration.wagesUnpaid')}
            description={t('cases.migration.wagesUnpaidHint')}
            inputMode="decimal"
            {...text('wagesUnpaidAmount')}
          />
          <CurrencySelect
            id={form.fieldId('wagesUnpaidCurrency')}
            label={t('cases.migration.currency')}
            value={v.wagesUnpaidCurrency}
            onChange={(value) => form.set('wagesUnpaidCurrency', value)}
            error={form.error('wagesUnpaidCurrency')}
          />
        </SimpleGrid>
        <Textarea
          label={t('cases.migration.recruitedHow')}
          autosize
          minRows={2}
          maxLength={2000}
          {...text('recruitedHow')}
        />
        <Checkbox.Group
          id={form.fieldId('facts')}
          label={t('cases.migration.facts')}
          description={t('cases.migration.factsHint')}
          value={checked}
          onChange={(value) =>
            form.set('facts', Object.fromEntries(value.map((f) => [f, true])) as EpisodeFormValues['facts'])
          }
          error={form.error('facts')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={8} mt={6}>
            {EPISODE_FACTS.map((f) => (
              <Checkbox key={f} value={f} label={t(`casesCodes.fact.${f}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Textarea
          label={t('cases.migration.notes')}
          autosize
          minRows={2}
          maxLength={4000}
          {...text('notes')}
        />
        <FormActions
          label={episode ? t('cases.save') : t('cases.migration.add')}
          pending={form.pending}
          disabled={form.notice === 'gone'}
          onCancel={() => onDone()}
        />
      </Stack>
    </CaseForm>
  );
}

function EpisodeCard({
  episode,
  canWrite,
  onEdit,
  onRemove,
  removing,
}: {
  episode: Episode;
  canWrite: boolean;
  onEdit: () => void;
  onRemove: () => void;
  removing: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [confirm, setConfirm] = useState(false);
  const facts = EPISODE_FACTS.filter((f) => episode.facts[f] === true);
  return (
    <Paper withBorder p="md" component="article" aria-label={episodeLabel(episode, i18n.language)}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start">
          <Text fw={600}>{episodeLabel(episode, i18n.language)}</Text>
          {canWrite && (
            <Group gap={4}>
              {confirm ? (
                <>
                  <Button size="xs" color="red" onClick={onRemove} loading={removing}>
                    {t('cases.migration.confirmRemove')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setConfirm(false)}>
                    {t('common.cancel')}
                  </Button>
                </>
              ) : (
                <>
                  <Button size="xs" variant="default" onClick={onEdit}>
                    {t('cases.edit')}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => setConfirm(true)}>
                    {t('cases.remove')}
                  </Button>
                </>
              )}
            </Group>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {[
            episode.sector ? t(`casesCodes.sector.${episode.sector}`) : '',
            episode.recruiterRelationship
              ? t('cases.migration.recruitedBy', {
                  who: t(`casesCodes.recruiter.${episode.recruiterRelationship}`),
                })
              : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {episode.recruitedHow && <Text size="sm">{episode.recruitedHow}</Text>}
        {facts.length > 0 && (
          <Group gap={4}>
            {facts.map((f) => (
              <Badge key={f} variant="light" color="gray" tt="none">
                {t(`casesCodes.fact.${f}`)}
              </Badge>
            ))}
          </Group>
        )}
        {episode.wagesUnpaidAmount && episode.wagesUnpaidCurrency && (
          <Text size="sm">
            {t('cases.migration.unpaid', {
              amount: formatMoney(episode.wagesUnpaidAmount, episode.wagesUnpaidCurrency, i18n.language),
            })}
          </Text>
        )}
        {episode.notes && (
          <Text size="sm" c="dimmed">
            {episode.notes}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Migration history: the episodes abroad with their facts; saving one screens the person again. */
export function MigrationTab({ c }: CaseTabProps) {
  const { t } = useTranslation();
  const query = useEpisodes(c.id);
  const mutations = useEpisodeMutations(c.id);
  const form = useFormWithNotice<string | 'new', TraffickingLikelihood>();
  const canWrite = c.abilities.includes('case:write');

  if (!query.isSuccess) return <QueryStates query={query} />;
  const editingEpisode = query.data.find((e) => e.id === form.editing);

  const done = (likelihood?: TraffickingLikelihood) => form.finish(likelihood ?? null);

  return (
    <Stack gap="md">
      <SectionHeader
        title={t('cases.migration.title')}
        action={
          canWrite &&
          form.editing === null && { label: t('cases.migration.add'), onClick: () => form.open('new') }
        }
      />
      {form.notice && (
        <SavedNotice onClose={form.dismiss}>
          <Group gap="xs">
            <Text size="sm">{t('cases.migration.saved')}</Text>
            <LikelihoodBadge likelihood={form.notice} />
          </Group>
        </SavedNotice>
      )}
      {mutations.remove.isError && (
        <Alert color="red" role="alert">
          {caseErrorMessage(t, mutations.remove.error)}
        </Alert>
      )}
      {form.editing === 'new' && <EpisodeForm caseId={c.id} onDone={done} />}
      {editingEpisode && (
        <EpisodeForm key={editingEpisode.id} caseId={c.id} episode={editingEpisode} onDone={done} />
      )}
      {query.data.length === 0 ? (
        <Text c="dimmed">{t('cases.migration.empty')}</Text>
      ) : (
        query.data.map((e) => (
          <EpisodeCard
            key={e.id}
            episode={e}
            canWrite={canWrite && form.editing === null}
            onEdit={() => form.open(e.id)}
            onRemove={() => mutations.remove.mutate(e.id)}
            removing={mutations.remove.isPending && mutations.remove.variables === e.id}
          />
        ))
      )}
    </Stack>
  );
}
