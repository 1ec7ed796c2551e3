import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuditPages } from '../../api/audit.ts';
import { ROLES, type AuditEvent, type Role } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFormat } from '../../i18n/format.ts';
import {
  filtersFromParams,
  filtersToParams,
  isRangeInvalid,
  toApiFilters,
  type AuditFilterValues,
} from './auditFilters.ts';

const OUTCOMES = ['success', 'failure', 'denied'] as const;
type Outcome = (typeof OUTCOMES)[number];
const OUTCOME_COLORS: Record<Outcome, string> = { success: 'green', failure: 'red', denied: 'orange' };

const isOutcome = (v: string): v is Outcome => (OUTCOMES as readonly string[]).includes(v);
const isRole = (v: string): v is Role => (ROLES as readonly string[]).includes(v);

/** One audit row; unknown outcomes are shown as sent, so new server values never break the page. */
function AuditRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={event.at}>{fmt.dateTime(event.at)}</time>
      </Table.Td>
      <Table.Td>
        {event.actorUsername ?? t('audit.system')}
        {event.actorRole && (
          <Text size="xs" c="dimmed">
            {isRole(event.actorRole) ? t(`roles.${event.actorRole}`) : event.actorRole}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{event.action}</Table.Td>
      <Table.Td>
        {event.entityType}
        {event.entityId && (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {event.entityId}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {isOutcome(event.outcome) ? (
          <Badge color={OUTCOME_COLORS[event.outcome]} variant="light">
            {t(`outcomes.${event.outcome}`)}
          </Badge>
        ) : (
          event.outcome
        )}
      </Table.Td>
      <Table.Td>{event.fields.length > 0 ? event.fields.join(', ') : t('common.none')}</Table.Td>
      <Table.Td>{event.ip ?? t('common.none')}</Table.Td>
      <Table.Td>
        <Text size="xs" style={{ wordBreak: 'break-all' }}>
          {event.requestId ?? t('common.none')}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** Audit log (ability `audit:read`): filters kept in the URL, newest events first, "load more". */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const applied = useMemo(() => filtersFromParams(params), [params]);
  const apiFilters = useMemo(() => toApiFilters(applied), [applied]);
  const [form, setForm] = useState<AuditFilterValues>(applied);
  const [rangeError, setRangeError] = useState(false);
  const audit = useAuditPages(apiFilters);

  const set = (field: keyof AuditFilterValues) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setForm((f) => ({ ...f, [field]: value }));
    setRangeError(false);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isRangeInvalid(form)) {
      setRangeError(true);
      document.getElementById('audit-to')?.focus();
      return;
    }
    setParams(filtersToParams(form));
  };

  const onReset = () => {
    const empty: AuditFilterValues = { actorId: '', entityType: '', action: '', from: '', to: '' };
    setForm(empty);
    setRangeError(false);
    setParams(new URLSearchParams());
  };

  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <PageTitle>{t('audit.title')}</PageTitle>
      <Paper withBorder p="md" component="section" aria-labelledby="audit-filters-title">
        <Title order={2} size="h5" mb="sm" id="audit-filters-title">
          {t('audit.filters')}
        </Title>
        <form onSubmit={onSubmit} noValidate>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
            <TextInput
              id="audit-actorId"
              label={t('audit.actorId')}
              value={form.actorId}
              onChange={set('actorId')}
              spellCheck={false}
            />
            <TextInput
              id="audit-entityType"
              label={t('audit.entityType')}
              value={form.entityType}
              onChange={set('entityType')}
              spellCheck={false}
            />
            <TextInput
              id="audit-action"
              label={t('audit.action')}
              value={form.action}
              onChange={set('action')}
              spellCheck={false}
            />
            <TextInput
              id="audit-from"
              type="date"
              label={t('audit.from')}
              value={form.from}
              onChange={set('from')}
            />
            <TextInput
              id="audit-to"
              type="date"
              label={t('audit.to')}
              value={form.to}
              onChange={set('to')}
              error={rangeError ? t('audit.dateRangeInvalid') : undefined}
            />
          </SimpleGrid>
          <Group mt="sm">
            <Button type="submit" loading={audit.isFetching && !audit.isFetchingNextPage}>
              {t('audit.apply')}
            </Button>
            <Button variant="default" onClick={onReset}>
              {t('audit.reset')}
            </Button>
          </Group>
        </form>
      </Paper>

      {audit.isPending ? (
        <PageLoader />
      ) : audit.isError && rows.length === 0 ? (
        <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('audit.empty')}</Text>
      ) : (
        <>
          {audit.isError && <ErrorAlert error={audit.error} onRetry={() => void audit.fetchNextPage()} />}
          <ScrollTable label={t('audit.tableLabel')} minWidth={960} striped verticalSpacing="xs" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.at')}</Table.Th>
                <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.entity')}</Table.Th>
                <Table.Th scope="col">{t('audit.outcome')}</Table.Th>
                <Table.Th scope="col">{t('audit.fields')}</Table.Th>
                <Table.Th scope="col">{t('audit.ip')}</Table.Th>
                <Table.Th scope="col">{t('audit.requestId')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((event) => (
                <AuditRow key={String(event.seq)} event={event} />
              ))}
            </Table.Tbody>
          </ScrollTable>
          <LoadMore shown={rows.length} query={audit} />
        </>
      )}
    </Stack>
  );
}
