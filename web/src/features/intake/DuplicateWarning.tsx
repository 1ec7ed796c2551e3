import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EvidenceList, ScoreBadge, usePersonFacts } from '../duplicates/Evidence.tsx';
import type { PersonMatch } from '../duplicates/types.ts';

/** How many likely records are shown; the best come first. */
const SHOWN = 5;

/** One likely existing record: who, how sure, why, and the cases the worker may open instead. */
function MatchItem({ match }: { match: PersonMatch }) {
  const { t } = useTranslation();
  const facts = usePersonFacts();
  const p = match.person;
  const { born, origin } = facts(p);
  return (
    <Paper component="li" withBorder p="sm" data-testid="possible-match">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={0}>
            <Text size="sm" fw={700}>
              {p.pseudonym ?? p.name}
            </Text>
            <Text size="sm">
              {[p.pseudonym ? p.name : null, t(`intake.sexes.${p.sex}`), born, origin]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
          <ScoreBadge score={match.score} />
        </Group>
        <EvidenceList components={match.components} evidence={match.evidence} />
        {match.cases.length === 0 ? (
          <Text size="xs" c="dimmed">
            {t('intake.duplicates.noOpenableCase')}
          </Text>
        ) : (
          <Group gap="sm">
            {match.cases.map((c) => (
              <Anchor key={c.id} component={Link} to={`/cases/${c.id}`} size="sm" fw={600}>
                {t('intake.duplicates.openCase', { number: c.number })}
              </Anchor>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * "This person may already be registered": shown before a new person is created when the matcher
 * finds likely records of them, each with its score and evidence. The worker opens the existing
 * case, or says it is a different person and goes on.
 */
export function DuplicateWarning({
  matches,
  onContinue,
}: {
  matches: PersonMatch[];
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  const shown = matches.slice(0, SHOWN);
  return (
    <Alert
      color="orange"
      title={t('intake.duplicates.title')}
      role="alert"
      id="wiz-duplicates"
      tabIndex={-1}
      styles={{ title: { color: 'var(--mantine-color-orange-9)' } }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('intake.duplicates.body', { n: matches.length })}</Text>
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {shown.map((m) => (
            <MatchItem key={m.person.id} match={m} />
          ))}
        </Stack>
        {matches.length > shown.length && (
          <Text size="xs" c="dimmed">
            {t('intake.duplicates.more', { n: matches.length - shown.length })}
          </Text>
        )}
        <Group>
          <Button variant="default" onClick={onContinue}>
            {t('intake.duplicates.continue')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
