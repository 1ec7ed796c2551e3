import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import { queryKeys } from './queryClient.ts';
import type { AuditEvent, AuditFilters, Page } from './types.ts';

/** GET /audit with filters; "load more" follows nextCursor. */
export function useAuditPages(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.audit, filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEvent>>('/audit', { query: { ...filters, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
