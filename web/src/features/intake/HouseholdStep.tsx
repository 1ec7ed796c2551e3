import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { HOUSEHOLD_RELATIONSHIPS, SEXES, WHEREABOUTS } from '../cases/codes.ts';
import { withChoose } from './fields.tsx';
import { CountrySelect } from './PlaceFields.tsx';
import { emptyMember, fieldId, type MemberValues } from './wizard.ts';

/**
 * Step 2: the household — who lives with or depends on the person, and where each one is now
 * (a child left with a relative in Moscow is a case of its own to follow).
 */
export function HouseholdStep({
  members,
  onChange,
  err,
}: {
  members: MemberValues[];
  onChange: (members: MemberValues[], changedPath?: string) => void;
  err: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const setMember = (i: number, patch: Partial<MemberValues>) =>
    onChange(
      members.map((m, j) => (j === i ? { ...m, ...patch } : m)),
      `household.${i}.${Object.keys(patch)[0] ?? ''}`,
    );
  const add = () => {
    onChange([...members, emptyMember()]);
    requestAnimationFrame(() =>
      document.getElementById(fieldId(`household.${members.length}.name`))?.focus(),
    );
  };
  const remove = (i: number) => onChange(members.filter((_, j) => j !== i));
  const choose = t('intake.choose');
  return (
    <Stack gap="md">
      {members.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('intake.household.empty')}
        </Text>
      )}
      {members.map((m, i) => {
        const id = (f: keyof MemberValues) => fieldId(`household.${i}.${f}`);
        const e = (f: keyof MemberValues) => err(`household.${i}.${f}`);
        return (
          <Paper key={m.key} withBorder p="sm" component="section" aria-labelledby={`${id('name')}-title`}>
            <Title order={3} size="h5" mb="xs" id={`${id('name')}-title`}>
              {m.name.trim() || t('intake.household.memberN', { n: i + 1 })}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                id={id('name')}
                label={t('intake.household.name')}
                value={m.name}
                onChange={(ev) => setMember(i, { name: ev.currentTarget.value })}
                error={e('name')}
                required
                autoComplete="off"
              />
              <NativeSelect
                id={id('relationship')}
                label={t('intake.household.relationship')}
                value={m.relationship}
                onChange={(ev) =>
                  setMember(i, { relationship: ev.currentTarget.value as MemberValues['relationship'] })
                }
                data={withChoose(
                  choose,
                  HOUSEHOLD_RELATIONSHIPS.map((r) => ({ value: r, label: t(`intake.relationships.${r}`) })),
                )}
                error={e('relationship')}
                required
              />
              <NativeSelect
                id={id('sex')}
                label={t('intake.household.sex')}
                value={m.sex}
                onChange={(ev) => setMember(i, { sex: ev.currentTarget.value as MemberValues['sex'] })}
                data={withChoose(
                  choose,
                  SEXES.map((s) => ({ value: s, label: t(`intake.sexes.${s}`) })),
                )}
                error={e('sex')}
              />
              <TextInput
                id={id('age')}
                label={t('intake.household.age')}
                value={m.age}
                onChange={(ev) => setMember(i, { age: ev.currentTarget.value })}
                error={e('age')}
                inputMode="numeric"
              />
              <NativeSelect
                id={id('whereNow')}
                label={t('intake.household.whereNow')}
                value={m.whereNow}
                onChange={(ev) =>
                  setMember(i, { whereNow: ev.currentTarget.value as MemberValues['whereNow'] })
                }
                data={withChoose(
                  choose,
                  WHEREABOUTS.map((w) => ({ value: w, label: t(`intake.whereabouts.${w}`) })),
                )}
                error={e('whereNow')}
                required
              />
              {m.whereNow === 'abroad' && (
                <CountrySelect
                  id={id('country')}
                  label={t('intake.household.country')}
                  value={m.country}
                  onChange={(country) => setMember(i, { country })}
                  error={e('country')}
                />
              )}
            </SimpleGrid>
            <TextInput
              mt="sm"
              id={id('withWhom')}
              label={t('intake.household.withWhom')}
              description={t('intake.household.withWhomHint')}
              value={m.withWhom}
              onChange={(ev) => setMember(i, { withWhom: ev.currentTarget.value })}
              error={e('withWhom')}
            />
            <Group justify="space-between" mt="sm" wrap="wrap">
              <Checkbox
                id={id('caresForChildren')}
                label={t('intake.household.caresForChildren')}
                checked={m.caresForChildren}
                onChange={(ev) => setMember(i, { caresForChildren: ev.currentTarget.checked })}
              />
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => remove(i)}
                aria-label={t('intake.household.removeNamed', { name: m.name.trim() || String(i + 1) })}
              >
                {t('intake.remove')}
              </Button>
            </Group>
          </Paper>
        );
      })}
      <Group>
        <Button variant="default" onClick={add}>
          {t('intake.household.add')}
        </Button>
      </Group>
    </Stack>
  );
}
