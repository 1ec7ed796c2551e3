import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../api/auth.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { useFormat } from '../../i18n/format.ts';
import type { RiskLevel } from '../cases/codes.ts';
import { localDay } from '../intake/dates.ts';
import { useApprovals, useCatalogueNames, useMyWork, useStaffNames } from './api.ts';
import type { FollowupRow } from './types.ts';

const RISK_COLOR: Record<RiskLevel, string> = {
  low: 'gray',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};
const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A titled block of the worklist; `alert` highlights what is overdue. */
function Section({
  id,
  title,
  count,
  alert,
  attention,
  children,
}: {
  id: string;
  title: string;
  count?: number;
  alert?: boolean;
  attention?: boolean;
  children: ReactNode;
}) {
  const fmt = useFormat();
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={id}
      bg={alert ? 'red.0' : undefined}
      style={alert ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}
    >
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h4" id={id} c={alert ? 'red.9' : undefined}>
          {title}
        </Title>
        {count !== undefined && (
          <Badge
            color={alert ? 'red' : attention ? 'blue' : 'gray'}
            variant={alert || attention ? 'filled' : 'light'}
            size="lg"
            style={{ flexShrink: 0 }}
          >
            {fmt.number(count)}
          </Badge>
        )}
      </Group>
      {children}
    </Paper>
  );
}

/** Follow-ups as a list: case number (to the case), visit or call, when, and optionally who. */
function FollowupList({
  rows,
  today,
  overdue,
  withAssignee,
  empty,
}: {
  rows: FollowupRow[];
  today: string;
  overdue?: boolean;
  withAssignee?: boolean;
  empty: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
      {rows.map((f) => {
        const days = daysBetween(overdue ? f.dueOn : today, overdue ? today : f.dueOn);
        return (
          <Group key={f.id} component="li" gap="xs" wrap="wrap" justify="space-between">
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/cases/${f.caseId}`} fw={600} size="sm">
                {f.caseNumber}
              </Anchor>
              <Text size="sm">{t(`work.followupKinds.${f.kind}`)}</Text>
              {withAssignee && (
                <Text size="sm" c="dimmed">
                  {f.assignedToName}
                </Text>
              )}
            </Group>
            <Text size="sm" c={overdue ? 'red.9' : undefined} fw={overdue ? 600 : undefined}>
              {overdue
                ? t('work.overdueBy', { date: fmt.date(localDay(f.dueOn)), days: fmt.number(days) })
                : days === 0
                  ? t('work.dueToday', { date: fmt.date(localDay(f.dueOn)) })
                  : t('work.dueIn', { date: fmt.date(localDay(f.dueOn)), days: fmt.number(days) })}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

/** Plan items waiting for the supervisor's approval, each linking to its case. */
function ApprovalsTable({ expected }: { expected: number }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const approvals = useApprovals(expected > 0);
  const staff = useStaffNames(expected > 0);
  const catalogue = useCatalogueNames(expected > 0);
  if (expected === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('work.approvals.empty')}
      </Text>
    );
  }
  if (approvals.isPending) return <PageLoader />;
  if (approvals.isError)
    return <ErrorAlert error={approvals.error} onRetry={() => void approvals.refetch()} />;
  const lng = i18n.language as 'en' | 'ru' | 'ky';
  const kgs = (value: string) =>
    fmt.number(Number(value), { style: 'currency', currency: 'KGS', currencyDisplay: 'symbol' });
  return (
    <ScrollTable label={t('work.approvals.tableLabel')} minWidth={600} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('work.approvals.case')}</Table.Th>
          <Table.Th scope="col">{t('work.approvals.item')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('work.approvals.amount')}
          </Table.Th>
          <Table.Th scope="col">{t('work.approvals.proposer')}</Table.Th>
          <Table.Th scope="col">{t('work.approvals.proposedOn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {approvals.data.items.map((a) => {
          const names = catalogue.data?.get(a.catalogueCode);
          const item = names ? (names[lng] ?? names.en) : a.catalogueCode;
          return (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/cases/${a.case.id}`} fw={600} size="sm">
                  {a.case.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{`${item} × ${fmt.number(a.quantity)}`}</Text>
                {a.description && (
                  <Text size="xs" c="dimmed">
                    {a.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {kgs(a.amount.kgs)}
              </Table.Td>
              <Table.Td>{staff.data?.get(a.proposedBy) ?? t('work.approvals.unknownProposer')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(a.createdAt)}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollTable>
  );
}

/**
 * What needs the signed-in worker today, section by section as GET /me/work returns them (the
 * server decides which sections a role gets): overdue follow-ups first and highlighted, items
 * waiting for approval and the office's overdue list for supervisors, follow-ups due in the
 * next 14 days, open cases, today's calls for hotline operators, referrals for partners.
 * Exported on its own so the home page can show it too.
 */
export function WorkPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const can = useCan();
  const query = useMyWork();

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const w = query.data;
  const sections = [
    w.cases,
    w.followupsDue,
    w.followupsOverdue,
    w.approvals,
    w.officeOverdue,
    w.callsToday,
    w.referralsWaiting,
  ];
  if (sections.every((x) => x === undefined)) {
    return (
      <Text c="dimmed" size="sm">
        {t('work.nothingForRole')}
      </Text>
    );
  }

  return (
    <Stack gap="md">
      {(can('call:write') || can('case:create')) && (
        <Group gap="sm">
          {can('call:write') && (
            <Button component={Link} to="/hotline">
              {t('work.actions.logCall')}
            </Button>
          )}
          {can('case:create') && (
            <Button component={Link} to="/cases/new" variant={can('call:write') ? 'default' : 'filled'}>
              {t('work.actions.newCase')}
            </Button>
          )}
        </Group>
      )}

      {w.followupsOverdue && w.followupsOverdue.length > 0 && (
        <Section id="work-overdue" title={t('work.sections.overdue')} count={w.followupsOverdue.length} alert>
          <FollowupList rows={w.followupsOverdue} today={w.today} overdue empty={t('work.empty.overdue')} />
        </Section>
      )}

      {w.approvals !== undefined && (
        <Section
          id="work-approvals"
          title={t('work.sections.approvals')}
          count={w.approvals}
          attention={w.approvals > 0}
        >
          <ApprovalsTable expected={w.approvals} />
        </Section>
      )}

      {w.officeOverdue !== undefined && (
        <Section
          id="work-office-overdue"
          title={t('work.sections.officeOverdue')}
          count={w.officeOverdue.length}
          alert={w.officeOverdue.length > 0}
        >
          <FollowupList
            rows={w.officeOverdue}
            today={w.today}
            overdue
            withAssignee
            empty={t('work.empty.officeOverdue')}
          />
        </Section>
      )}

      {w.callsToday !== undefined && (
        <Section id="work-calls" title={t('work.sections.callsToday')} count={w.callsToday}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text size="sm">{t('work.callsToday', { n: fmt.number(w.callsToday) })}</Text>
            <Anchor component={Link} to="/hotline" size="sm">
              {t('work.openHotline')}
            </Anchor>
          </Group>
        </Section>
      )}

      {w.referralsWaiting !== undefined && (
        <Section id="work-referrals" title={t('work.sections.referrals')} count={w.referralsWaiting.length}>
          {can('referral:read') && (
            <Anchor component={Link} to="/referrals" size="sm" display="block" mb="xs">
              {t('work.openReferrals')}
            </Anchor>
          )}
          {w.referralsWaiting.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('work.empty.referrals')}
            </Text>
          ) : (
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
              {w.referralsWaiting.map((r) => (
                <li key={r.id}>
                  <Text size="sm" fw={600}>
                    {r.serviceName} · {r.shared.displayName}
                  </Text>
                  <Text size="sm">{r.shared.needs}</Text>
                  <Text size="xs" c="dimmed">
                    {t('work.referralSent', { date: fmt.date(r.createdAt) })}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </Section>
      )}

      <SimpleGrid cols={{ base: 1, lg: w.followupsDue && w.cases ? 2 : 1 }} spacing="md">
        {w.followupsDue !== undefined && (
          <Section id="work-due" title={t('work.sections.due')} count={w.followupsDue.length}>
            <FollowupList rows={w.followupsDue} today={w.today} empty={t('work.empty.due')} />
          </Section>
        )}
        {w.cases !== undefined && (
          <Section id="work-cases" title={t('work.sections.cases')} count={w.cases.length}>
            {w.cases.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('work.empty.cases')}
              </Text>
            ) : (
              <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
                {w.cases.map((c) => (
                  <Group key={c.id} component="li" justify="space-between" gap="xs" wrap="wrap">
                    <Group gap="xs" wrap="wrap">
                      <Anchor component={Link} to={`/cases/${c.id}`} fw={600} size="sm">
                        {c.number}
                      </Anchor>
                      <Text size="sm">{c.pseudonym ?? t('work.noPseudonym')}</Text>
                    </Group>
                    <Group gap={6} wrap="wrap">
                      <Text size="xs" c="dimmed">
                        {t(`intake.caseTypes.${c.type}`)} · {t(`work.statuses.${c.status}`)}
                      </Text>
                      {c.riskLevel && (
                        <Badge size="sm" variant="light" color={RISK_COLOR[c.riskLevel]}>
                          {t(`work.risks.${c.riskLevel}`)}
                        </Badge>
                      )}
                    </Group>
                  </Group>
                ))}
              </Stack>
            )}
          </Section>
        )}
      </SimpleGrid>
    </Stack>
  );
}
