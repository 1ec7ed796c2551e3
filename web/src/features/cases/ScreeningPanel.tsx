import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LikelihoodBadge } from './Badges.tsx';
import { ILO_INDICATOR_CODES } from './codes.ts';
import { episodeLabel } from './episodeLabel.ts';
import type { Episode, Screening } from './types.ts';

/**
 * The trafficking screening with its reasons: every indicator present (translated), its weight,
 * and each episode and fact it came from. A screening aid; the caseworker decides beside it.
 */
export function ScreeningPanel({
  screening,
  episodes,
}: {
  screening: Screening;
  episodes: Episode[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const byId = new Map((episodes ?? []).map((e) => [e.id, e]));
  const indicators = ILO_INDICATOR_CODES.filter((code) =>
    screening.reasons.some((r) => r.indicator === code),
  );

  return (
    <Stack gap="xs" data-testid="screening">
      <Group gap="xs">
        <Title order={2} size="h5" id="screening-title">
          {t('cases.screening.title')}
        </Title>
        <LikelihoodBadge likelihood={screening.likelihood} />
      </Group>
      {indicators.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.screening.noIndicators')}
        </Text>
      ) : (
        <List size="sm" spacing={6} aria-labelledby="screening-title">
          {indicators.map((code) => {
            const reasons = screening.reasons.filter((r) => r.indicator === code);
            const weight = reasons[0]!.weight;
            return (
              <List.Item key={code}>
                <Group gap={6} wrap="wrap">
                  <Text span size="sm" fw={600}>
                    {t(`casesCodes.indicator.${code}`)}
                  </Text>
                  <Badge size="sm" tt="none" variant="outline" color={weight === 'strong' ? 'red' : 'orange'}>
                    {t(`casesCodes.weight.${weight}`)}
                  </Badge>
                </Group>
                <List size="xs" withPadding listStyleType="none">
                  {reasons.map((r) => {
                    const episode = byId.get(r.episodeId);
                    return (
                      <List.Item key={`${r.episodeId}-${r.fact}`}>
                        <Text span size="xs" c="dimmed">
                          {t('cases.screening.reason', {
                            fact: t(`casesCodes.fact.${r.fact}`),
                            episode: episode
                              ? episodeLabel(episode, i18n.language)
                              : t('cases.screening.otherEpisode'),
                          })}
                        </Text>
                      </List.Item>
                    );
                  })}
                </List>
              </List.Item>
            );
          })}
        </List>
      )}
      <Text size="xs" c="dimmed">
        {t('cases.screening.rules', { version: screening.rulesVersion })}
      </Text>
    </Stack>
  );
}
