import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isSessionExpired, setCsrfToken } from './client.ts';

/** Query keys in one place so invalidation after a write cannot miss a list. */
export const queryKeys = {
  me: ['me'] as const,
  offices: ['offices'] as const,
  officesList: ['offices', 'list'] as const,
  officesAll: ['offices', 'all'] as const,
  users: ['users'] as const,
  usersList: ['users', 'list'] as const,
  audit: ['audit'] as const,
};

let sessionExpired = false;

/** True once after the server ended the session mid-use, so the sign-in page can say why. */
export function consumeSessionExpired(): boolean {
  const value = sessionExpired;
  sessionExpired = false;
  return value;
}

/** When any call reports a lost session, forget the user so RequireAuth sends them to /login. */
function onApiError(error: unknown): void {
  if (isSessionExpired(error)) {
    sessionExpired = queryClient.getQueryData(queryKeys.me) != null;
    setCsrfToken(null);
    queryClient.setQueryData(queryKeys.me, null);
    // Shared laptops: nothing of the previous session stays in memory behind the sign-in page.
    queueMicrotask(() => removeSessionData());
  }
}

/** Drop every cached record except the session query itself. */
export function removeSessionData(): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.me[0] });
}

/** Retry only what may succeed later (network, timeouts, 5xx) and at most twice: data is costly on 3G. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status >= 500;
}

/** The app's single React Query client, tuned for slow links (no refetch on focus, short retry). */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      gcTime: 10 * 60_000,
      refetchOnWindowFocus: false,
      retry: shouldRetry,
    },
    mutations: { retry: false },
  },
});
