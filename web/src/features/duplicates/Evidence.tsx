import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.ts';
import { useRegionNames } from '../cases/labels.ts';
import { localDay } from '../intake/dates.ts';
import { evidenceLines, evidenceText, scoreLevel, scorePercent, type Tone } from './evidence.ts';
import type { MatchComponents, PersonSummary } from './types.ts';

const TONE_COLOR: Record<Tone, string> = { for: 'teal', against: 'red', neutral: 'gray' };

/** A pair's or a match's score as a percentage with how sure it is, in words. */
export function ScoreBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const level = scoreLevel(score);
  const percent = fmt.number(scorePercent(score) / 100, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <Badge
      variant="light"
      color={level === 'veryLikely' ? 'red' : level === 'likely' ? 'orange' : 'yellow'}
      tt="none"
      size="lg"
      h="auto"
      py={4}
      maw="100%"
      // Long in Kyrgyz and Russian: wrap on a phone rather than cut the words off.
      styles={{ label: { whiteSpace: 'normal', overflow: 'visible' } }}
      data-testid="match-score"
    >
      {t('duplicates.score.text', { percent, level: t(`duplicates.score.${level}`) })}
    </Badge>
  );
}

/**
 * The matcher's explanation field by field: what each compared field found, in words, and
 * whether it speaks for one person or against; fields missing on either side are named once.
 */
export function EvidenceList({
  components,
  evidence,
}: {
  components: MatchComponents;
  evidence: readonly string[];
}) {
  const { t } = useTranslation();
  const lines = evidenceLines(components, evidence);
  const sentence = (code: string) => {
    const e = evidenceText(code);
    return t(e.key, e.values);
  };
  const compared = lines.filter((l) => l.compared);
  const skipped = lines.filter((l) => !l.compared);
  return (
    <Stack gap={4}>
      <Stack
        component="ul"
        gap={4}
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
        aria-label={t('duplicates.evidence.title')}
      >
        {compared.map((line) => (
          <li key={line.component} data-component={line.component} data-tone={line.tone}>
            <Group gap={6} wrap="nowrap" align="baseline">
              <Badge size="xs" variant="light" color={TONE_COLOR[line.tone]} tt="none" miw={86}>
                {t(`duplicates.tone.${line.tone}`)}
              </Badge>
              <Text size="sm">
                <Text span fw={600} inherit>
                  {t(`duplicates.components.${line.component}`)}
                </Text>
                : {line.codes.map(sentence).join('; ')}
              </Text>
            </Group>
          </li>
        ))}
      </Stack>
      {skipped.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('duplicates.evidence.notCompared', {
            fields: skipped.map((l) => t(`duplicates.components.${l.component}`)).join(', '),
          })}
        </Text>
      )}
    </Stack>
  );
}

/** Birth date, age and origin of a person as one short line. */
export function usePersonFacts() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const places = useRegionNames();
  return (p: Pick<PersonSummary, 'birthDate' | 'estimatedAge' | 'originRegion' | 'originDistrict'>) => {
    const born = p.birthDate
      ? t('duplicates.person.born', { date: fmt.date(localDay(p.birthDate)) })
      : p.estimatedAge !== null
        ? t('duplicates.person.age', { age: fmt.number(p.estimatedAge) })
        : t('duplicates.person.ageUnknown');
    const place = [p.originDistrict, p.originRegion]
      .filter((c): c is string => !!c)
      .map((c) => places.name(c))
      .join(', ');
    const origin = place ? t('duplicates.person.origin', { place }) : t('duplicates.person.originUnknown');
    return { born, origin };
  };
}
