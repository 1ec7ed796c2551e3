/** React Query hooks of "My work". */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Page, UserSummary } from '../../api/types.ts';
import type { Approval, Work } from './types.ts';

/** Query keys of the work area. */
export const workKeys = {
  work: ['work', 'me'] as const,
  approvals: ['work', 'approvals'] as const,
  staff: ['work', 'staff'] as const,
  catalogue: ['work', 'catalogue'] as const,
};

/** GET /me/work: refreshed when the page is shown again, since it is the day's to-do list. */
export function useMyWork() {
  return useQuery({
    queryKey: workKeys.work,
    queryFn: ({ signal }) => api.get<Work>('/me/work', { signal }),
    staleTime: 15_000,
    refetchOnMount: 'always',
  });
}

/** GET /me/approvals (first page, oldest first): only asked when the worklist says some wait. */
export function useApprovals(enabled: boolean) {
  return useQuery({
    queryKey: workKeys.approvals,
    queryFn: ({ signal }) => api.get<Page<Approval>>('/me/approvals', { query: { limit: 50 }, signal }),
    enabled,
    staleTime: 15_000,
  });
}

/** The office's staff (GET /users), to name who proposed an item. */
export function useStaffNames(enabled: boolean) {
  return useQuery({
    queryKey: workKeys.staff,
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<UserSummary>>('/users', { query: { limit: 200 }, signal });
      return new Map(page.items.map((u) => [u.id, u.displayName]));
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Catalogue item names by code (GET /catalogue), to name what an approval is for. */
export function useCatalogueNames(enabled: boolean) {
  return useQuery({
    queryKey: workKeys.catalogue,
    queryFn: async ({ signal }) => {
      const res = await api.get<{ items: { code: string; names: { en: string; ru: string; ky: string } }[] }>(
        '/catalogue',
        { signal },
      );
      return new Map(res.items.map((i) => [i.code, i.names]));
    },
    enabled,
    staleTime: 30 * 60_000,
  });
}
