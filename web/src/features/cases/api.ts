/**
 * React Query hooks of the case screens. Every write invalidates the case it touched (its detail
 * and every list under it), so the header, the tab and the timeline never disagree.
 */
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { queryClient } from '../../api/queryClient.ts';
import type { Page } from '../../api/types.ts';
import { toApiQuery, type CaseFilters } from './caseFilters.ts';
import type {
  CaseDetail,
  CaseListItem,
  CatalogueItem,
  DomvFactor,
  Episode,
  EpisodeChanged,
  Followup,
  HouseholdMember,
  HouseholdMemberInput,
  Person,
  Plan,
  PlanItem,
  Referral,
  RegionsResponse,
  RssAssessment,
  Service,
  StaffMember,
  TimelineEvent,
  VulnerabilityAssessment,
} from './types.ts';

/** Rows per page of the case list: a phone on 3G gets a screenful at a time. */
export const CASES_PAGE_SIZE = 25;

/** Query keys of the case screens, all under `cases` (reference data under `cases-ref`). */
export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  list: (filters: CaseFilters) => ['cases', 'list', filters] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  part: (id: string, part: string) => ['cases', 'detail', id, part] as const,
  regions: ['cases-ref', 'regions'] as const,
  staff: ['cases-ref', 'staff'] as const,
  catalogue: ['cases-ref', 'catalogue'] as const,
  services: ['cases-ref', 'services'] as const,
};

const path = (id: string, rest = '') => `/cases/${encodeURIComponent(id)}${rest}`;

/** After a write in a case: refetch what is on screen for it, and mark the lists stale. */
export function refreshCase(id: string): Promise<void> {
  void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
  return queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) });
}

/** Put a case returned by a write into the cache at once (no second request for the header). */
function storeCase(detail: CaseDetail) {
  queryClient.setQueryData(caseKeys.detail(detail.id), detail);
  void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
  void queryClient.invalidateQueries({ queryKey: caseKeys.part(detail.id, 'timeline') });
}

/** GET /cases with the list filters, one page at a time ("load more"). */
export function useCaseList(filters: CaseFilters) {
  return useInfiniteQuery({
    queryKey: caseKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CaseListItem>>('/cases', {
        query: { ...toApiQuery(filters), limit: CASES_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** GET /cases/:id (the header, person, household, screening, trend, abilities). */
export function fetchCase(id: string, signal?: AbortSignal): Promise<CaseDetail> {
  return api.get<{ case: CaseDetail }>(path(id), { signal }).then((r) => r.case);
}

/** The case as a query; 404 is not retried (another office's case answers 404). */
export function useCase(id: string) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => fetchCase(id, signal),
  });
}

/** GET /regions: the shipped oblasts and districts (never changes while the app runs). */
export function useRegions() {
  return useQuery({
    queryKey: caseKeys.regions,
    queryFn: ({ signal }) => api.get<RegionsResponse>('/regions', { signal }),
    staleTime: Infinity,
  });
}

/** Active colleagues the actor may see (GET /users), to name assignees and filter by them. */
export function useStaff(enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.staff,
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async ({ signal }) => {
      const all: StaffMember[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page: Page<StaffMember> = await api.get<Page<StaffMember>>('/users', {
          query: { limit: 100, cursor, active: 'true' },
          signal,
        });
        all.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return all;
    },
  });
}

/** The version-checked change of the case itself (determination, consent, risk…). */
export interface CasePatch {
  determination?: { likelihood: string; note?: string };
  consent?: { givenOn: string; scope: string[] };
  version: number;
}

/** PATCH /cases/:id. */
export function useUpdateCase(id: string) {
  return useMutation({
    mutationFn: (body: CasePatch) => api.patch<{ case: CaseDetail }>(path(id), body).then((r) => r.case),
    onSuccess: storeCase,
  });
}

/** POST /cases/:id/transitions. */
export function useTransition(id: string) {
  return useMutation({
    mutationFn: (body: { to: string; reason?: string; note?: string; version: number }) =>
      api.post<{ case: CaseDetail }>(path(id, '/transitions'), body).then((r) => r.case),
    onSuccess: storeCase,
  });
}

/** PATCH /persons/:id (changed fields plus the version read). */
export function useUpdatePerson(caseId: string) {
  return useMutation({
    mutationFn: ({ personId, body }: { personId: string; body: Record<string, unknown> }) =>
      api.patch<{ person: Person }>(`/persons/${encodeURIComponent(personId)}`, body).then((r) => r.person),
    onSuccess: () => refreshCase(caseId),
  });
}

/** Household add / change / remove. */
export function useHouseholdMutations(caseId: string) {
  const onSuccess = () => refreshCase(caseId);
  return {
    add: useMutation({
      mutationFn: (body: HouseholdMemberInput) =>
        api.post<{ member: HouseholdMember }>(path(caseId, '/household'), body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ memberId, body }: { memberId: string; body: Record<string, unknown> }) =>
        api.patch<{ member: HouseholdMember }>(
          path(caseId, `/household/${encodeURIComponent(memberId)}`),
          body,
        ),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (memberId: string) =>
        api.delete<void>(path(caseId, `/household/${encodeURIComponent(memberId)}`)),
      onSuccess,
    }),
  };
}

/** GET /cases/:id/household (used to reload one member after a conflict). */
export function fetchHousehold(caseId: string): Promise<HouseholdMember[]> {
  return api.get<{ items: HouseholdMember[] }>(path(caseId, '/household')).then((r) => r.items);
}

/** GET /cases/:id/episodes. */
export function fetchEpisodes(caseId: string, signal?: AbortSignal): Promise<Episode[]> {
  return api.get<{ items: Episode[] }>(path(caseId, '/episodes'), { signal }).then((r) => r.items);
}

/** The episodes of the case (not fetched while `enabled` is false, e.g. no screening reason needs them). */
export function useEpisodes(caseId: string, enabled = true) {
  return useQuery({
    queryKey: caseKeys.part(caseId, 'episodes'),
    enabled,
    queryFn: ({ signal }) => fetchEpisodes(caseId, signal),
  });
}

/** The screening answered by an episode write goes straight into the cached case header. */
function storeScreening(caseId: string, result: EpisodeChanged | undefined) {
  if (result) {
    queryClient.setQueryData(caseKeys.detail(caseId), (old: CaseDetail | undefined) =>
      old ? { ...old, screening: result.screening, traffickingLikelihood: result.screening.likelihood } : old,
    );
  }
  return refreshCase(caseId);
}

/** Episode add / change / remove; each answers the new screening. */
export function useEpisodeMutations(caseId: string) {
  return {
    add: useMutation({
      mutationFn: (body: Record<string, unknown>) =>
        api.post<EpisodeChanged>(path(caseId, '/episodes'), body),
      onSuccess: (result) => storeScreening(caseId, result),
    }),
    update: useMutation({
      mutationFn: ({ episodeId, body }: { episodeId: string; body: Record<string, unknown> }) =>
        api.patch<EpisodeChanged>(path(caseId, `/episodes/${encodeURIComponent(episodeId)}`), body),
      onSuccess: (result) => storeScreening(caseId, result),
    }),
    remove: useMutation({
      mutationFn: (episodeId: string) =>
        api.delete<void>(path(caseId, `/episodes/${encodeURIComponent(episodeId)}`)),
      onSuccess: () => storeScreening(caseId, undefined),
    }),
  };
}

/** RSS assessments of the case, oldest first. */
export function useRssAssessments(caseId: string) {
  return useQuery({
    queryKey: caseKeys.part(caseId, 'rss'),
    queryFn: ({ signal }) =>
      api.get<{ items: RssAssessment[] }>(path(caseId, '/assessments'), { signal }).then((r) => r.items),
  });
}

/** POST /cases/:id/assessments. */
export function useAddRss(caseId: string) {
  return useMutation({
    mutationFn: (body: { instrument: string; takenOn: string; answers: Record<string, number> }) =>
      api.post<RssAssessment>(path(caseId, '/assessments'), body),
    onSuccess: () => refreshCase(caseId),
  });
}

/** DoMV assessments of the case. */
export function useVulnerability(caseId: string) {
  return useQuery({
    queryKey: caseKeys.part(caseId, 'domv'),
    queryFn: ({ signal }) =>
      api
        .get<{ items: VulnerabilityAssessment[] }>(path(caseId, '/vulnerability'), { signal })
        .then((r) => r.items),
  });
}

/** POST /cases/:id/vulnerability. */
export function useAddVulnerability(caseId: string) {
  return useMutation({
    mutationFn: (body: { takenOn: string; factors: DomvFactor[]; riskLevel?: string; note?: string }) =>
      api.post<{ assessment: VulnerabilityAssessment }>(path(caseId, '/vulnerability'), body),
    onSuccess: () => refreshCase(caseId),
  });
}

/** GET /cases/:id/plan. */
export function fetchPlan(caseId: string, signal?: AbortSignal): Promise<Plan> {
  return api.get<Plan>(path(caseId, '/plan'), { signal });
}

/** The plan of the case with its items and budget. */
export function usePlan(caseId: string) {
  return useQuery({
    queryKey: caseKeys.part(caseId, 'plan'),
    queryFn: ({ signal }) => fetchPlan(caseId, signal),
  });
}

/** The active assistance catalogue. */
export function useCatalogue() {
  return useQuery({
    queryKey: caseKeys.catalogue,
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) =>
      api
        .get<{ items: CatalogueItem[] }>('/catalogue', { query: { active: 'true' }, signal })
        .then((r) => r.items),
  });
}

/** A move of a plan item: approve, procure, deliver or cancel. */
export type PlanMove = 'approve' | 'procure' | 'deliver' | 'cancel';

/** Plan writes: goals, propose, edit and the moves of an item. */
export function usePlanMutations(caseId: string) {
  const onSuccess = () => refreshCase(caseId);
  return {
    goals: useMutation({
      mutationFn: (body: { goals: string[]; version?: number }) => api.put<Plan>(path(caseId, '/plan'), body),
      onSuccess,
    }),
    propose: useMutation({
      mutationFn: (body: Record<string, unknown>) =>
        api.post<{ item: PlanItem; warnings: string[] }>(path(caseId, '/plan/items'), body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ itemId, body }: { itemId: string; body: Record<string, unknown> }) =>
        api.patch<{ item: PlanItem }>(path(caseId, `/plan/items/${encodeURIComponent(itemId)}`), body),
      onSuccess,
    }),
    move: useMutation({
      mutationFn: ({
        itemId,
        move,
        body,
      }: {
        itemId: string;
        move: PlanMove;
        body: Record<string, unknown>;
      }) =>
        api.post<{ item: PlanItem }>(path(caseId, `/plan/items/${encodeURIComponent(itemId)}/${move}`), body),
      onSuccess,
    }),
  };
}

/** Referrals of the case, newest first. */
export function useReferrals(caseId: string) {
  return useQuery({
    queryKey: caseKeys.part(caseId, 'referrals'),
    queryFn: ({ signal }) =>
      api.get<{ items: Referral[] }>(path(caseId, '/referrals'), { signal }).then((r) => r.items),
  });
}

/** The active services of the directory (follows nextCursor, bounded). */
export function useServices() {
  return useQuery({
    queryKey: caseKeys.services,
    staleTime: 10 * 60_000,
    queryFn: async ({ signal }) => {
      const all: Service[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page: Page<Service> = await api.get<Page<Service>>('/services', {
          query: { limit: 100, cursor, active: 'true' },
          signal,
        });
        all.push(...page.items);
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      return all;
    },
  });
}

/** POST /cases/:id/referrals. */
export function useSendReferral(caseId: string) {
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<{ referral: Referral }>(path(caseId, '/referrals'), body),
    onSuccess: () => refreshCase(caseId),
  });
}

/** GET /cases/:id/followups. */
export function fetchFollowups(caseId: string, signal?: AbortSignal): Promise<Followup[]> {
  return api.get<{ items: Followup[] }>(path(caseId, '/followups'), { signal }).then((r) => r.items);
}

/** Follow-ups of the case by due date. */
export function useFollowups(caseId: string) {
  return useQuery({
    queryKey: caseKeys.part(caseId, 'followups'),
    queryFn: ({ signal }) => fetchFollowups(caseId, signal),
  });
}

/** Schedule a follow-up, and record its outcome (or reschedule / cancel it). */
export function useFollowupMutations(caseId: string) {
  const onSuccess = () => refreshCase(caseId);
  return {
    schedule: useMutation({
      mutationFn: (body: { kind: string; dueOn: string; assignedTo?: string }) =>
        api.post<{ followup: Followup }>(path(caseId, '/followups'), body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ followupId, body }: { followupId: string; body: Record<string, unknown> }) =>
        api.patch<{ followup: Followup }>(path(caseId, `/followups/${encodeURIComponent(followupId)}`), body),
      onSuccess,
    }),
  };
}

/** Every event of the case, oldest first. */
export function useTimeline(caseId: string) {
  return useQuery({
    queryKey: caseKeys.part(caseId, 'timeline'),
    queryFn: ({ signal }) =>
      api.get<{ items: TimelineEvent[] }>(path(caseId, '/timeline'), { signal }).then((r) => r.items),
  });
}
