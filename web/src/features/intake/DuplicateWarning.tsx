import { Alert, Anchor, Button, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format.ts';
import { localDay } from './dates.ts';
import { casesOfPerson } from './duplicates.ts';
import type { PossibleMatch } from './types.ts';

/** One possibly-same person with the cases the worker may open for them. */
function MatchItem({ match }: { match: PossibleMatch }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cases = useQuery({
    queryKey: ['cases', 'of-person', match.id],
    queryFn: ({ signal }) => casesOfPerson(match, signal),
    staleTime: 30_000,
  });
  const born = match.birthDate
    ? t('intake.duplicates.born', { date: fmt.date(localDay(match.birthDate)) })
    : match.estimatedAge !== null
      ? t('intake.duplicates.age', { age: fmt.number(match.estimatedAge) })
      : null;
  return (
    <List.Item>
      <Stack gap={2}>
        <Text size="sm">
          <Text span fw={700}>
            {match.pseudonym ?? match.name}
          </Text>
          {match.pseudonym && match.name ? ` · ${match.name}` : ''}
          {born ? ` · ${born}` : ''}
        </Text>
        {match.reasons.length > 0 && (
          <Text size="xs" c="dimmed">
            {match.reasons.join('; ')}
          </Text>
        )}
        {cases.isPending && <Loader size="xs" aria-label={t('common.loading')} />}
        {cases.isError && (
          <Text size="xs" c="dimmed">
            {t('intake.duplicates.casesUnavailable')}
          </Text>
        )}
        {cases.data && cases.data.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('intake.duplicates.noOpenableCase')}
          </Text>
        )}
        {cases.data && cases.data.length > 0 && (
          <Group gap="sm">
            {cases.data.map((c) => (
              <Anchor key={c.id} component={Link} to={`/cases/${c.id}`} size="sm">
                {t('intake.duplicates.openCase', { number: c.number })}
              </Anchor>
            ))}
          </Group>
        )}
      </Stack>
    </List.Item>
  );
}

/**
 * "This person may already be registered": shown before a new person is created when the
 * family name (or the server's matcher) finds someone. The worker opens the existing case, or
 * says it is a different person and goes on.
 */
export function DuplicateWarning({
  matches,
  onContinue,
}: {
  matches: PossibleMatch[];
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  const shown = matches.slice(0, 5);
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
        <List spacing="xs">
          {shown.map((m) => (
            <MatchItem key={m.id} match={m} />
          ))}
        </List>
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
