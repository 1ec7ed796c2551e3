/**
 * Referrals as the receiving organisation (and the referring staff) read them: GET /referrals and
 * PATCH /referrals/:id. Kept beside the partner screens; shapes mirror src/modules/referrals/schema.ts.
 */
import { type InfiniteData, useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { queryClient } from '../../api/queryClient.ts';
import type { Page } from '../../api/types.ts';
import type { ReferralStatus } from '../cases/codes.ts';

/** The snapshot the caseworker chose to share: a first name or pseudonym, the needs, and opt-in details. */
export interface SharedSnapshot {
  displayName: string;
  sex?: string;
  ageBand?: string;
  phone?: string;
  originRegion?: string;
  needs: string;
}

/** A referral as a partner sees it: nothing that leads back to the case. */
export interface PartnerReferral {
  id: string;
  status: ReferralStatus;
  reason: string;
  shared: SharedSnapshot;
  serviceId: string;
  serviceName: string;
  partnerNote: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The staff view adds the case and the receiving organisation. */
export interface StaffReferral extends PartnerReferral {
  caseId: string;
  caseNumber: string;
  organisationId: string;
  organisationName: string;
  consentRecordedOn: string;
}

/** True when the server sent the staff view (the reader may read the case). */
export function isStaffView(r: PartnerReferral): r is StaffReferral {
  return typeof (r as Partial<StaffReferral>).caseNumber === 'string';
}

/** Body of PATCH /referrals/:id. */
export interface ReferralUpdate {
  status: ReferralStatus;
  partnerNote?: string;
  version: number;
}

/** Rows per page: cards are tall, and a phone on 3G should get the first ones quickly. */
export const REFERRALS_PAGE_SIZE = 20;

// Own key prefix: the case screens cache a case's referrals under keys of their own.
const referralsKey = ['partnerReferrals'] as const;
const listKey = (status: ReferralStatus | '') => [...referralsKey, 'list', status] as const;

/** GET /referrals, newest first, optionally one status, a page at a time. */
export function useReferralsPages(status: ReferralStatus | '') {
  return useInfiniteQuery({
    queryKey: listKey(status),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<PartnerReferral>>('/referrals', {
        query: { limit: REFERRALS_PAGE_SIZE, cursor: pageParam, status },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Put a changed referral into every cached list in place, so its card stays where the user is. */
function replaceCached(updated: PartnerReferral): void {
  queryClient.setQueriesData<InfiniteData<Page<PartnerReferral>>>({ queryKey: referralsKey }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((p) => ({
            ...p,
            items: p.items.map((r) => (r.id === updated.id ? updated : r)),
          })),
        }
      : data,
  );
}

/** PATCH /referrals/:id with the version read; the answer replaces the cached card. */
export function useUpdateReferral() {
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReferralUpdate }) =>
      api.patch<{ referral: PartnerReferral }>(`/referrals/${encodeURIComponent(id)}`, body),
    onSuccess: ({ referral }) => replaceCached(referral),
  });
}

/** GET /referrals/:id: the latest version of one referral after a 409, put into the cached lists. */
export async function reloadReferral(id: string): Promise<PartnerReferral> {
  const { referral } = await api.get<{ referral: PartnerReferral }>(`/referrals/${encodeURIComponent(id)}`);
  replaceCached(referral);
  return referral;
}

/** Refetch the lists later (after answers), without disturbing what is on screen now. */
export function markReferralsStale(): void {
  void queryClient.invalidateQueries({ queryKey: referralsKey, refetchType: 'none' });
}
