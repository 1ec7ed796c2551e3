/** React Query hooks of intake: reference places, creating a case and its first episode. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { queryClient } from '../../api/queryClient.ts';
import type { CaseCreateInput, CaseDetail, EpisodeInput, RegionsResponse } from './types.ts';

/** Query keys of the intake area (kept apart from the shared ones other areas own). */
export const intakeKeys = {
  regions: ['intake', 'regions'] as const,
  cases: ['cases'] as const,
};

/** GET /regions: the shipped oblasts and districts; they change with a release, so cache long. */
export function useRegions() {
  return useQuery({
    queryKey: intakeKeys.regions,
    queryFn: ({ signal }) => api.get<RegionsResponse>('/regions', { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** POST /cases with the person, household and consent inline. */
export function useCreateCase() {
  return useMutation({
    mutationFn: (body: CaseCreateInput) => api.post<{ case: CaseDetail }>('/cases', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: intakeKeys.cases }),
  });
}

/** POST /cases/:id/episodes: the first migration episode, which also re-screens the person. */
export function useCreateEpisode() {
  return useMutation({
    mutationFn: ({ caseId, body }: { caseId: string; body: EpisodeInput }) =>
      api.post<unknown>(`/cases/${encodeURIComponent(caseId)}/episodes`, body),
  });
}
