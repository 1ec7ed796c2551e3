import './styles.ts';
import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/auth.ts';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PagedQueryStates } from '../../components/PagedQueryStates.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useCaseList } from './api.ts';
import { LikelihoodBadge, RiskBadge, StatusBadge } from './Badges.tsx';
import { countFilters, readFilters, writeFilters, type CaseFilters } from './caseFilters.ts';
import { CASE_STATUSES, CASE_TYPES, RISK_LEVELS, TRAFFICKING_LIKELIHOODS } from './codes.ts';
import { useNameLocale, useRegionNames, useStaffNames } from './labels.ts';
import type { CaseListItem } from './types.ts';

/** The filter controls; every change goes to the address bar, which is the single source of truth. */
function Filters({
  filters,
  onChange,
}: {
  filters: CaseFilters;
  onChange: (update: (current: CaseFilters) => CaseFilters) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(filters.q ?? '');
  const regions = useRegionNames();
  const staff = useStaffNames();
  const lng = useNameLocale();

  const any = (label: string) => [{ value: '', label }];
  const pick =
    <K extends keyof CaseFilters>(key: K) =>
    (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value || undefined;
      onChange((current) => ({ ...current, [key]: value }));
    };

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = text.trim() || undefined;
    onChange((current) => ({ ...current, q }));
  };

  const regionData = (regions.query.data?.regions ?? []).map((r) => ({
    group: r.names[lng],
    items: [
      { value: r.iso, label: t('cases.list.wholeRegion', { name: r.names[lng] }) },
      ...(regions.query.data?.districts ?? [])
        .filter((d) => d.regionIso === r.iso)
        .map((d) => ({ value: d.code, label: d.names[lng] })),
    ],
  }));
  const workers = (staff.query.data ?? []).filter((u) => u.role === 'caseworker' || u.role === 'supervisor');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-filters-title">
      <Text id="case-filters-title" fw={600} mb="xs">
        {t('cases.list.filters')}
      </Text>
      <form onSubmit={search} role="search">
        <Group align="flex-end" gap="xs" mb="sm" wrap="nowrap">
          <TextInput
            id="cases-q"
            label={t('cases.list.search')}
            description={t('cases.list.searchHint')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            maxLength={100}
            style={{ flex: 1 }}
            type="search"
          />
          <Button type="submit">{t('cases.list.searchButton')}</Button>
        </Group>
      </form>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <NativeSelect
          label={t('cases.fields.status')}
          value={filters.status ?? ''}
          onChange={pick('status')}
          data={[
            ...any(t('cases.list.anyStatus')),
            ...CASE_STATUSES.map((s) => ({ value: s, label: t(`casesCodes.status.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('cases.fields.type')}
          value={filters.type ?? ''}
          onChange={pick('type')}
          data={[
            ...any(t('cases.list.anyType')),
            ...CASE_TYPES.map((s) => ({ value: s, label: t(`casesCodes.type.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('cases.fields.risk')}
          value={filters.risk ?? ''}
          onChange={pick('risk')}
          data={[
            ...any(t('cases.list.anyRisk')),
            ...RISK_LEVELS.map((s) => ({ value: s, label: t(`casesCodes.risk.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('cases.fields.likelihood')}
          value={filters.likelihood ?? ''}
          onChange={pick('likelihood')}
          data={[
            ...any(t('cases.list.anyLikelihood')),
            ...TRAFFICKING_LIKELIHOODS.map((s) => ({ value: s, label: t(`casesCodes.likelihood.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('cases.fields.region')}
          value={filters.region ?? ''}
          onChange={pick('region')}
          data={[...any(t('cases.list.anyRegion')), ...regionData]}
        />
        {workers.length > 0 && (
          <NativeSelect
            label={t('cases.fields.assignedTo')}
            value={filters.assignedTo ?? ''}
            onChange={pick('assignedTo')}
            data={[
              ...any(t('cases.list.anyone')),
              ...workers.map((u) => ({ value: u.id, label: u.displayName })),
            ]}
          />
        )}
        <Checkbox
          mt={{ base: 0, xs: 'xl' }}
          label={t('cases.list.overdueOnly')}
          checked={filters.overdue === true}
          onChange={(e) => {
            const overdue = e.currentTarget.checked || undefined;
            onChange((current) => ({ ...current, overdue }));
          }}
        />
      </SimpleGrid>
      {countFilters(filters) > 0 && (
        <Button
          variant="subtle"
          mt="sm"
          onClick={() => {
            setText('');
            onChange(() => ({}));
          }}
        >
          {t('cases.list.clear')}
        </Button>
      )}
    </Paper>
  );
}

/** Who the case is about: the pseudonym, or the real name when asked for. */
export function PersonLabel({
  pseudonym,
  name,
  showName,
}: {
  pseudonym: string | null;
  name: string;
  showName: boolean;
}) {
  const { t } = useTranslation();
  if (showName) return <>{name}</>;
  if (pseudonym) return <>{pseudonym}</>;
  return (
    <Text span c="dimmed" fs="italic" size="sm">
      {t('cases.noPseudonym')}
    </Text>
  );
}

function CaseRow({ item, showName }: { item: CaseListItem; showName: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const to = `/cases/${item.id}`;
  return (
    <Table.Tr style={{ cursor: 'pointer' }} onClick={() => void navigate(to)}>
      <Table.Td>
        <Anchor
          component={Link}
          to={to}
          fw={600}
          style={{ whiteSpace: 'nowrap' }}
          onClick={(e) => e.stopPropagation()}
        >
          {item.number}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <PersonLabel pseudonym={item.person.pseudonym} name={item.person.name} showName={showName} />
      </Table.Td>
      <Table.Td>{t(`casesCodes.type.${item.type}`)}</Table.Td>
      <Table.Td>
        <StatusBadge status={item.status} />
      </Table.Td>
      <Table.Td>
        <RiskBadge level={item.riskLevel} short />
      </Table.Td>
      <Table.Td>
        <LikelihoodBadge likelihood={item.traffickingLikelihood} short />
      </Table.Td>
      <Table.Td>
        {item.nextFollowupDue ? (
          <Text
            size="sm"
            c={item.overdue ? 'red' : undefined}
            fw={item.overdue ? 700 : undefined}
            style={{ whiteSpace: 'nowrap' }}
          >
            {fmt.date(item.nextFollowupDue)}
            {item.overdue && (
              <Text span display="block" size="xs" fw={700} c="red">
                {t('cases.overdue')}
              </Text>
            )}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('common.none')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The cases in the actor's scope, filtered from the address bar, pseudonyms first. */
export function CasesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const [showName, setShowName] = useState(false);
  const can = useCan();
  const query = useCaseList(filters);

  // Functional updates: two quick changes (a select, then a search) never overwrite each other.
  const change = (update: (current: CaseFilters) => CaseFilters) =>
    setParams((prev) => writeFilters(update(readFilters(prev))));

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('cases.list.title')}</PageTitle>
        {can('case:create') && (
          <Button component={Link} to="/cases/new">
            {t('cases.list.newCase')}
          </Button>
        )}
      </Group>
      <Filters key={filters.q ?? ''} filters={filters} onChange={change} />
      <Group justify="space-between">
        <Switch
          label={t('cases.showNames')}
          description={t('cases.showNamesHint')}
          checked={showName}
          onChange={(e) => setShowName(e.currentTarget.checked)}
        />
      </Group>
      <PagedQueryStates
        query={query}
        empty={countFilters(filters) > 0 ? t('cases.list.emptyFiltered') : t('cases.list.empty')}
      >
        {(items) => (
          <ScrollTable label={t('cases.list.tableLabel')} minWidth={820} striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.fields.number')}</Table.Th>
                <Table.Th scope="col">{t('cases.fields.person')}</Table.Th>
                <Table.Th scope="col">{t('cases.fields.type')}</Table.Th>
                <Table.Th scope="col">{t('cases.fields.status')}</Table.Th>
                <Table.Th scope="col">{t('cases.fields.risk')}</Table.Th>
                <Table.Th scope="col">{t('cases.fields.likelihood')}</Table.Th>
                <Table.Th scope="col">{t('cases.fields.nextFollowup')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <CaseRow key={item.id} item={item} showName={showName} />
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </PagedQueryStates>
    </Stack>
  );
}
