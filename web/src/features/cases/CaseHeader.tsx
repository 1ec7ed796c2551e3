import { Badge, Group, Paper, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useEpisodes } from './api.ts';
import { RiskBadge, StatusBadge } from './Badges.tsx';
import { DeterminationPanel } from './DeterminationPanel.tsx';
import { useStaffNames } from './labels.ts';
import { ScreeningPanel } from './ScreeningPanel.tsx';
import type { CaseDetail } from './types.ts';
import { WorkflowActions } from './WorkflowActions.tsx';

/** The person's full name as written (given, patronymic, family). */
export function fullName(p: CaseDetail['person']): string {
  return [p.givenName, p.patronymic, p.familyName].filter(Boolean).join(' ');
}

/**
 * The top of a case: number and pseudonym (the real name only on request), status, risk, the
 * screening with its reasons beside the caseworker's own determination, and the workflow moves.
 */
export function CaseHeader({
  c,
  showName,
  onShowName,
}: {
  c: CaseDetail;
  showName: boolean;
  onShowName: (show: boolean) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const episodes = useEpisodes(c.id, c.screening.reasons.length > 0);
  const staff = useStaffNames();
  const title = c.person.pseudonym ? `${c.number} · ${c.person.pseudonym}` : c.number;

  return (
    <Stack gap="sm" component="header">
      <PageTitle>{title}</PageTitle>
      <Group gap="xs" wrap="wrap" data-testid="case-badges">
        <StatusBadge status={c.status} />
        <RiskBadge level={c.riskLevel} />
        <Badge variant="outline" color="gray" tt="none">
          {t(`casesCodes.type.${c.type}`)}
        </Badge>
        {c.closureReason && (
          <Badge variant="outline" color="gray" tt="none">
            {t(`casesCodes.closure.${c.closureReason}`)}
          </Badge>
        )}
      </Group>
      <Group gap="lg" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('cases.header.opened', { date: fmt.date(c.openedOn) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('cases.header.assignedTo', {
            name: c.assignedTo
              ? (staff.name(c.assignedTo) ?? t('cases.someone'))
              : t('cases.header.unassigned'),
          })}
        </Text>
      </Group>
      <Group gap="md" wrap="wrap" align="center">
        <Switch
          label={t('cases.showName')}
          checked={showName}
          onChange={(e) => onShowName(e.currentTarget.checked)}
        />
        {showName && (
          <Text fw={600} data-testid="real-name">
            {fullName(c.person)}
            {c.person.latinName && c.person.latinName !== fullName(c.person)
              ? ` (${c.person.latinName})`
              : ''}
          </Text>
        )}
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <ScreeningPanel screening={c.screening} episodes={episodes.data} />
          <DeterminationPanel c={c} />
        </SimpleGrid>
      </Paper>
      <WorkflowActions c={c} />
    </Stack>
  );
}
