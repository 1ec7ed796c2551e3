import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { queryClient, queryKeys } from './queryClient.ts';
import type { Office, OfficeInput, Page } from './types.ts';

/** Rows per page: small enough for a phone on 3G, big enough for a typical office list. */
export const OFFICES_PAGE_SIZE = 50;

/** GET /offices one page at a time ("load more"). */
export function useOfficesPages() {
  return useInfiniteQuery({
    queryKey: queryKeys.officesList,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Office>>('/offices', { query: { limit: OFFICES_PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Every office (follows nextCursor), for pickers and id → name lookups; capped to stay bounded. */
export async function fetchAllOffices(signal?: AbortSignal): Promise<Office[]> {
  const all: Office[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page: Page<Office> = await api.get<Page<Office>>('/offices', {
      query: { limit: 100, cursor },
      signal,
    });
    all.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return all;
}

/** All offices as a cached query. */
export function useAllOffices() {
  return useQuery({
    queryKey: queryKeys.officesAll,
    queryFn: ({ signal }) => fetchAllOffices(signal),
    staleTime: 5 * 60_000,
  });
}

/** POST /offices or PATCH /offices/:id (with the version read, for optimistic locking). */
export function useSaveOffice() {
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; values: OfficeInput }) =>
      input.id
        ? api.patch<unknown>(`/offices/${encodeURIComponent(input.id)}`, {
            ...input.values,
            version: input.version,
          })
        : api.post<unknown>('/offices', input.values),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.offices }),
  });
}
