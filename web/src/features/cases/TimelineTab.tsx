import { Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useCatalogue, useTimeline } from './api.ts';
import type { CaseTabProps } from './CasePage.tsx';
import {
  CASE_STATUSES,
  CASE_TYPES,
  CLOSURE_REASONS,
  CASE_EVENT_KINDS,
  FOLLOWUP_KINDS,
  FOLLOWUP_STATUSES,
  HOUSEHOLD_RELATIONSHIPS,
  INTAKE_CHANNELS,
  PLAN_ITEM_STATES,
  REFERRAL_STATUSES,
  RISK_LEVELS,
  TRAFFICKING_LIKELIHOODS,
  isCode,
} from './codes.ts';
import { catalogueName, countryName, useNameLocale, useStaffNames } from './labels.ts';
import type { TimelineEvent } from './types.ts';

type Fmt = ReturnType<typeof useFormat>;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** One readable line of what an event's data says, in the UI language (empty when nothing to add). */
function eventDetail(
  e: TimelineEvent,
  t: TFunction,
  fmt: Fmt,
  lng: string,
  staffName: (id: string) => string | undefined,
  itemName: (code: string) => string,
) {
  const d = e.data;
  const label = <T extends string>(list: readonly T[], value: unknown, key: (v: T) => string) =>
    isCode(list, value) ? key(value) : str(value);
  const status = (v: unknown) => label(CASE_STATUSES, v, (s) => t(`casesCodes.status.${s}`));
  const fields = (v: unknown) =>
    Array.isArray(v)
      ? v
          .filter((f): f is string => typeof f === 'string')
          .map((f) => t(`cases.timeline.field.${f}` as 'cases.timeline.field.type', { defaultValue: f }))
          .join(', ')
      : '';
  switch (e.kind) {
    case 'case_opened':
      return [
        str(d.number),
        label(CASE_TYPES, d.type, (v) => t(`casesCodes.type.${v}`)),
        label(INTAKE_CHANNELS, d.intakeChannel, (v) => t(`casesCodes.intake.${v}`)),
      ]
        .filter(Boolean)
        .join(' · ');
    case 'status_changed':
      return [
        `${status(d.from) ?? ''} → ${status(d.to) ?? ''}`,
        label(CLOSURE_REASONS, d.reason, (v) => t(`casesCodes.closure.${v}`)),
        str(d.note),
      ]
        .filter(Boolean)
        .join(' · ');
    case 'case_updated':
    case 'person_updated':
    case 'episode_updated':
    case 'plan_updated':
      return fields(d.fields);
    case 'assigned':
      return t('cases.timeline.assignedTo', {
        name: (str(d.to) && staffName(str(d.to)!)) || t('cases.someone'),
      });
    case 'household_changed':
      if (d.added)
        return t('cases.timeline.memberAdded', {
          relationship:
            label(HOUSEHOLD_RELATIONSHIPS, d.relationship, (v) => t(`casesCodes.relationship.${v}`)) ?? '',
        });
      if (d.removed) return t('cases.timeline.memberRemoved');
      return fields(d.fields);
    case 'episode_added':
      return str(d.destinationCountry) ? countryName(str(d.destinationCountry)!, lng) : '';
    case 'screening_changed':
      return `${label(TRAFFICKING_LIKELIHOODS, d.from, (v) => t(`casesCodes.likelihood.${v}`)) ?? t('common.none')} → ${label(TRAFFICKING_LIKELIHOODS, d.to, (v) => t(`casesCodes.likelihood.${v}`)) ?? ''}`;
    case 'rss_assessed':
      return typeof d.composite === 'number'
        ? t('cases.timeline.composite', { score: fmt.number(d.composite, { minimumFractionDigits: 2 }) })
        : '';
    case 'vulnerability_assessed':
      return t('cases.timeline.riskSet', {
        level: label(RISK_LEVELS, d.riskLevel, (v) => t(`casesCodes.risk.${v}`)) ?? '',
        suggested: label(RISK_LEVELS, d.suggestedLevel, (v) => t(`casesCodes.risk.${v}`)) ?? '',
      });
    case 'plan_item_proposed': {
      const code = str(d.catalogueCode);
      const name = code ? itemName(code) : '';
      return typeof d.quantity === 'number' ? `${name} × ${fmt.number(d.quantity)}` : name;
    }
    case 'plan_item_changed':
      return d.to
        ? `${label(PLAN_ITEM_STATES, d.from, (v) => t(`casesCodes.itemState.${v}`)) ?? ''} → ${label(PLAN_ITEM_STATES, d.to, (v) => t(`casesCodes.itemState.${v}`)) ?? ''}`
        : fields(d.fields);
    case 'referral_status_changed':
      return `${label(REFERRAL_STATUSES, d.from, (v) => t(`casesCodes.referralStatus.${v}`)) ?? ''} → ${label(REFERRAL_STATUSES, d.to, (v) => t(`casesCodes.referralStatus.${v}`)) ?? ''}`;
    case 'followup_scheduled':
      return [
        label(FOLLOWUP_KINDS, d.kind, (v) => t(`casesCodes.followupKind.${v}`)),
        str(d.dueOn) ? fmt.date(str(d.dueOn)!) : undefined,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'followup_updated':
      return `${label(FOLLOWUP_STATUSES, d.from, (v) => t(`casesCodes.followupStatus.${v}`)) ?? ''} → ${label(FOLLOWUP_STATUSES, d.to, (v) => t(`casesCodes.followupStatus.${v}`)) ?? ''}`;
    default:
      return '';
  }
}

/** The case's history: every event in order, its kind translated, when and by whom. */
export function TimelineTab({ c }: CaseTabProps) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const staff = useStaffNames();
  const catalogue = useCatalogue();
  const lng = useNameLocale();
  const query = useTimeline(c.id);
  const itemName = (code: string) =>
    catalogueName(
      catalogue.data?.find((i) => i.code === code),
      code,
      lng,
    );

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="md">
        {t('cases.timeline.title')}
      </Title>
      {query.data.length === 0 ? (
        <Text c="dimmed">{t('cases.timeline.empty')}</Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={query.data.length - 1}>
          {query.data.map((e) => {
            const detail = eventDetail(e, t, fmt, i18n.language, (id) => staff.name(id), itemName);
            return (
              <Timeline.Item
                key={e.seq}
                title={isCode(CASE_EVENT_KINDS, e.kind) ? t(`casesCodes.event.${e.kind}`) : e.kind}
              >
                <Stack gap={0}>
                  {detail && <Text size="sm">{detail}</Text>}
                  <Text size="xs" c="dimmed">
                    <time dateTime={e.at}>{fmt.dateTime(e.at)}</time>
                    {` · ${(e.actorId && staff.name(e.actorId)) || t('cases.someone')}`}
                  </Text>
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Paper>
  );
}
