import { Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan, useSession } from '../../api/auth.ts';
import { RequireAbility } from '../../auth/RequireAbility.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PagedQueryStates } from '../../components/PagedQueryStates.tsx';
import { placeNamer, useRegions } from '../admin/regions.ts';
import { isCode, REFERRAL_STATUSES, type ReferralStatus } from '../cases/codes.ts';
import { useReferralsPages } from './api.ts';
import { ReferralCard } from './ReferralCard.tsx';

/** The list itself; the status filter lives in the address (?status=sent) so it survives a reload. */
function ReferralsList() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { user } = useSession();
  const canAnswer = can('referral:update');
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: ReferralStatus | '' = isCode(REFERRAL_STATUSES, raw) ? raw : '';
  const query = useReferralsPages(status);
  const regions = useRegions();
  const placeName = placeNamer(regions.data, i18n.language);

  return (
    <Stack>
      <PageTitle>{t('partner.title')}</PageTitle>
      <Text maw={720}>
        {canAnswer
          ? t('partner.introPartner', { organisation: user.officeName ?? t('session.noOffice') })
          : t('partner.introStaff')}
      </Text>
      <Group align="flex-end">
        <NativeSelect
          label={t('partner.filter')}
          value={status}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setParams(isCode(REFERRAL_STATUSES, value) ? { status: value } : {}, { replace: true });
          }}
          data={[
            { value: '', label: t('partner.filterAll') },
            ...REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`partner.status.${s}`) })),
          ]}
          w={240}
          maw="100%"
        />
      </Group>
      <PagedQueryStates query={query} empty={status ? t('partner.emptyFiltered') : t('partner.empty')}>
        {(referrals) => (
          <Stack gap="md" maw={880}>
            {referrals.map((r) => (
              <ReferralCard key={r.id} referral={r} canAnswer={canAnswer} placeName={placeName} />
            ))}
          </Stack>
        )}
      </PagedQueryStates>
    </Stack>
  );
}

/**
 * Referrals (ability `referral:read`): a partner sees those sent to their organisation and answers
 * them (`referral:update`); staff of the referring office see theirs read-only.
 */
export function ReferralsPage() {
  return (
    <RequireAbility ability="referral:read">
      <ReferralsList />
    </RequireAbility>
  );
}
