import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api } from './client.ts';
import { queryClient, queryKeys } from './queryClient.ts';
import type { Page, UserCreateInput, UserSummary } from './types.ts';

/** GET /users one page at a time ("load more"). */
export function useUsersPages() {
  return useInfiniteQuery({
    queryKey: queryKeys.usersList,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<UserSummary>>('/users', { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** POST /users, then refresh the list. */
export function useCreateUser() {
  return useMutation({
    mutationFn: (input: UserCreateInput) => api.post<{ user: UserSummary }>('/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
