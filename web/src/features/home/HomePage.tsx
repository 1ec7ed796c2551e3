import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/auth.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { OfficesTable } from '../offices/OfficesTable.tsx';

/** One label/value pair of the profile card, as a description-list entry. */
function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {value}
      </Text>
    </div>
  );
}

/** Landing page after sign-in: who I am (role, office, language) and the offices I can refer to. */
export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <Stack gap="lg">
      <PageTitle>{t('home.welcome', { name: user.displayName })}</PageTitle>
      <Paper withBorder p="md" component="section" aria-labelledby="profile-heading">
        <Title order={2} size="h4" mb="sm" id="profile-heading">
          {t('home.profile')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" m={0}>
          <Fact label={t('profile.displayName')} value={user.displayName} />
          <Fact label={t('profile.username')} value={user.username} />
          <Fact label={t('profile.role')} value={t(`roles.${user.role}`)} />
          <Fact label={t('profile.office')} value={user.officeName ?? t('session.noOffice')} />
          <Fact label={t('profile.language')} value={t(`language.${user.locale}`)} />
        </SimpleGrid>
      </Paper>
      <section aria-labelledby="offices-heading">
        <Title order={2} size="h4" mb="sm" id="offices-heading">
          {t('home.officesTitle')}
        </Title>
        <OfficesTable />
      </section>
    </Stack>
  );
}
