import { Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useDecidePair, useMerge } from './api.ts';
import { EvidenceList, ScoreBadge, usePersonFacts } from './Evidence.tsx';
import { defaultKeep } from './evidence.ts';
import { ReviewError } from './ReviewError.tsx';
import type { DuplicatePair, MergeResult, PairPerson, PersonSummary } from './types.ts';

/** How a person is named on the review screen: the pseudonym first, as everywhere in the app. */
export const displayName = (p: Pick<PersonSummary, 'pseudonym' | 'name'>): string =>
  p.pseudonym ? `${p.pseudonym} (${p.name})` : p.name;

/** A merge just made, kept on screen for its Undo. */
export interface RecentMerge {
  result: MergeResult;
  mergedName: string;
  keptName: string;
}

/** One of the two records, as recognisable as the summary allows. */
function PersonColumn({ person, heading }: { person: PersonSummary; heading: string }) {
  const { t } = useTranslation();
  const facts = usePersonFacts()(person);
  const latinDiffers = person.latinName.trim().toLowerCase() !== person.name.trim().toLowerCase();
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)" data-testid="pair-person">
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {heading}
        </Text>
        <Text fw={700}>{person.pseudonym ?? person.name}</Text>
        {person.pseudonym && <Text size="sm">{person.name}</Text>}
        {latinDiffers && (
          <Text size="sm" c="dimmed">
            {t('duplicates.person.latin', { name: person.latinName })}
          </Text>
        )}
        <Text size="sm">{[t(`intake.sexes.${person.sex}`), facts.born].join(' · ')}</Text>
        <Text size="sm">{facts.origin}</Text>
      </Stack>
    </Paper>
  );
}

/** A form's reason, required: decisions and merges are explained for the audit trail. */
function useReason(fieldId: string) {
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  return {
    fieldId,
    value,
    missing,
    onChange: (v: string) => {
      setValue(v);
      setMissing(false);
    },
    /** The reason given, or null, with the field marked and focused, when there is none. */
    take: (): string | null => {
      const reason = value.trim();
      if (reason) return reason;
      setMissing(true);
      document.getElementById(fieldId)?.focus();
      return null;
    },
  };
}

/** The end of a decision or merge form: its reason, then submit and cancel. */
function ReasonAndSubmit({
  reason,
  label,
  hint,
  submitLabel,
  submitColor,
  loading,
  onCancel,
}: {
  reason: ReturnType<typeof useReason>;
  label: string;
  hint: string;
  submitLabel: string;
  submitColor?: string;
  loading: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Textarea
        id={reason.fieldId}
        label={label}
        description={hint}
        value={reason.value}
        onChange={(e) => reason.onChange(e.currentTarget.value)}
        error={reason.missing ? t('duplicates.reasonRequired') : undefined}
        required
        autosize
        minRows={2}
        maxLength={2000}
      />
      <Group gap="xs">
        <Button type="submit" size="xs" color={submitColor} loading={loading}>
          {submitLabel}
        </Button>
        <Button size="xs" variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </Group>
    </>
  );
}

/** Confirm (one person) or reject (two people) a pending pair, with a reason and the version read. */
function DecideForm({
  pair,
  verb,
  onDone,
}: {
  pair: DuplicatePair;
  verb: 'confirm' | 'reject';
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecidePair();
  const reason = useReason(`decide-${pair.id}-reason`);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const given = reason.take();
    if (given === null) return;
    decide.mutate({ id: pair.id, verb, reason: given, version: pair.version }, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Text fw={600}>
          {t(verb === 'confirm' ? 'duplicates.decide.confirmTitle' : 'duplicates.decide.rejectTitle')}
        </Text>
        {decide.isError && <ReviewError error={decide.error} />}
        <ReasonAndSubmit
          reason={reason}
          label={t('duplicates.decide.reason')}
          hint={t('duplicates.decide.reasonHint')}
          submitLabel={t(
            verb === 'confirm' ? 'duplicates.decide.confirmSubmit' : 'duplicates.decide.rejectSubmit',
          )}
          loading={decide.isPending}
          onCancel={onDone}
        />
      </Stack>
    </Paper>
  );
}

/** One record as a choice to keep: when it was registered and what it holds that identifies. */
function useKeepDescription() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const facts = usePersonFacts();
  return (p: PairPerson) => {
    const f = facts(p);
    return [
      t('duplicates.merge.registered', { date: fmt.date(p.createdAt) }),
      f.born,
      f.origin,
      p.phone ? t('duplicates.merge.phone', { phone: p.phone }) : null,
      p.documents.count > 0 ? t('duplicates.merge.documents', { n: fmt.number(p.documents.count) }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  };
}

/**
 * Merges the pair: the reviewer chooses the record that stays (the fuller one is proposed) and
 * says why; the other record's cases move to it. The merge is checked against the versions the
 * pair was shown with, so a record changed since answers 409 rather than merging unseen changes.
 */
function MergeForm({
  pair,
  onMerged,
  onCancel,
}: {
  pair: DuplicatePair;
  onMerged: (m: RecentMerge) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const merge = useMerge();
  const describe = useKeepDescription();
  const [keep, setKeep] = useState<string | null>(null);
  const reason = useReason(`merge-${pair.id}-reason`);

  const pa = pair.personA;
  const pb = pair.personB;
  const suggested = defaultKeep(pa, pb);
  const kept = keep === pa.id || keep === pb.id ? keep : suggested;
  const [stay, go] = kept === pa.id ? [pa, pb] : [pb, pa];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const given = reason.take();
    if (given === null) return;
    merge.mutate(
      { personId: go.id, intoPersonId: stay.id, reason: given, pairId: pair.id, version: go.version },
      {
        onSuccess: (result) => onMerged({ result, mergedName: displayName(go), keptName: displayName(stay) }),
      },
    );
  };

  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate data-testid="merge-form">
      <Stack gap="sm">
        <Text fw={600}>{t('duplicates.merge.title')}</Text>
        {merge.isError && <ReviewError error={merge.error} />}
        <Radio.Group
          label={t('duplicates.merge.keep')}
          description={t('duplicates.merge.keepHint')}
          value={kept}
          onChange={setKeep}
        >
          <Stack gap="xs" mt="xs">
            {[pa, pb].map((p) => (
              <Radio
                key={p.id}
                value={p.id}
                label={t('duplicates.merge.keepOption', { name: displayName(p) })}
                description={[describe(p), p.id === suggested ? t('duplicates.merge.suggested') : null]
                  .filter(Boolean)
                  .join(' · ')}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="sm">
          {t('duplicates.merge.effect', { merged: displayName(go), kept: displayName(stay) })}
        </Text>
        <ReasonAndSubmit
          reason={reason}
          label={t('duplicates.merge.reason')}
          hint={t('duplicates.merge.reasonHint')}
          submitLabel={t('duplicates.merge.submit')}
          submitColor="orange"
          loading={merge.isPending}
          onCancel={onCancel}
        />
      </Stack>
    </Paper>
  );
}

type Open = 'confirm' | 'reject' | 'merge' | null;

/** A candidate pair: both records side by side, the score and its evidence, and the decisions left. */
export function PairCard({ pair, onMerged }: { pair: DuplicatePair; onMerged: (m: RecentMerge) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [open, setOpen] = useState<Open>(null);
  const titleId = `pair-${pair.id}`;
  /** The button that opens (and closes again) one of the forms; light while its form is open. */
  const action = (what: Exclude<Open, null>, label: string, closedVariant: 'default' | 'filled') => (
    <Button
      size="xs"
      variant={open === what ? 'light' : closedVariant}
      onClick={() => setOpen((o) => (o === what ? null : what))}
      aria-expanded={open === what}
    >
      {label}
    </Button>
  );
  const pending = pair.status === 'pending';
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId} data-testid="duplicate-pair">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h5" id={titleId}>
            {t('duplicates.pair.title', {
              a: pair.personA.pseudonym ?? pair.personA.name,
              b: pair.personB.pseudonym ?? pair.personB.name,
            })}
          </Title>
          <ScoreBadge score={pair.score} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <PersonColumn person={pair.personA} heading={t('duplicates.pair.recordA')} />
          <PersonColumn person={pair.personB} heading={t('duplicates.pair.recordB')} />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('duplicates.evidence.title')}
          </Text>
          <EvidenceList components={pair.components} evidence={pair.evidence} />
        </Stack>
        {!pending && pair.decidedAt && (
          <Text size="sm">
            {[
              t(
                pair.status === 'confirmed'
                  ? 'duplicates.pair.decidedConfirmed'
                  : 'duplicates.pair.decidedRejected',
                {
                  date: fmt.date(pair.decidedAt),
                },
              ),
              pair.reason ? t('duplicates.pair.reason', { reason: pair.reason }) : null,
            ]
              .filter(Boolean)
              .join(' ')}
          </Text>
        )}
        {pair.status !== 'rejected' && (
          <Group gap="xs" role="group" aria-label={t('duplicates.actions.label')}>
            {pending && action('confirm', t('duplicates.actions.confirm'), 'default')}
            {pending && action('reject', t('duplicates.actions.reject'), 'default')}
            {action('merge', t('duplicates.actions.merge'), 'filled')}
          </Group>
        )}
        {(open === 'confirm' || open === 'reject') && pending && (
          <DecideForm key={open} pair={pair} verb={open} onDone={() => setOpen(null)} />
        )}
        {open === 'merge' && <MergeForm pair={pair} onMerged={onMerged} onCancel={() => setOpen(null)} />}
      </Stack>
    </Paper>
  );
}
