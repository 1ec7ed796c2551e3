import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { setOfficesTimeZone } from '../features/intake/dates.ts';
import { api, ApiError, setCsrfToken } from './client.ts';
import { queryClient, queryKeys, removeSessionData } from './queryClient.ts';
import type { Locale, LoginResponse, MeResponse, SessionUser } from './types.ts';

/** GET /auth/me as a query: null means "not signed in" (401), never an error. */
export const meQueryOptions = queryOptions({
  queryKey: queryKeys.me,
  queryFn: async ({ signal }): Promise<MeResponse | null> => {
    try {
      const me = await api.get<MeResponse>('/auth/me', { signal });
      setCsrfToken(me.csrfToken);
      setOfficesTimeZone(me.timeZone);
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

/** The current session (or null), shared by the sign-in page and the route guard. */
export function useMe() {
  return useQuery(meQueryOptions);
}

/** Session of the signed-in user, provided by RequireAuth to everything under it. */
export const SessionContext = createContext<MeResponse | null>(null);

/** The signed-in user's session; only valid below RequireAuth (which guarantees one). */
export function useSession(): MeResponse {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() used outside <RequireAuth>');
  return session;
}

/** `can('user:read')`: the UI asks the server-computed abilities and never re-implements the rules. */
export function useCan(): (ability: string) => boolean {
  const { abilities } = useSession();
  return (ability) => abilities.includes(ability);
}

let signedOut = false;

/** True after the user signed out themselves: the next sign-in starts at home, not where they were. */
export function wasSignedOut(): boolean {
  return signedOut;
}

/** Load the full session (with abilities) right after a login and return it. */
async function reloadSession(): Promise<MeResponse | null> {
  return queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
}

/** POST /auth/login, then fetch /auth/me for the abilities. */
export function useLogin() {
  return useMutation({
    mutationFn: async (input: { username: string; password: string }) => {
      const res = await api.post<LoginResponse>('/auth/login', input);
      signedOut = false;
      removeSessionData(); // never show one user's cached lists to the next
      setCsrfToken(res.csrfToken);
      const me = await reloadSession();
      return me ?? { user: res.user, csrfToken: res.csrfToken, abilities: [] };
    },
  });
}

/** Drop every cached record (shared office laptops) and mark the session as gone. */
export function forgetSession(): void {
  setCsrfToken(null);
  removeSessionData();
  queryClient.setQueryData(queryKeys.me, null);
}

/** POST /auth/logout; the local session is forgotten even if the server call fails. */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      try {
        await api.post<void>('/auth/logout');
      } finally {
        signedOut = true;
        forgetSession(); // RequireAuth then sends the browser to /login
      }
    },
  });
}

/** PATCH /auth/me (language, display name) and keep the cached session in step. */
export function useUpdateProfile() {
  return useMutation({
    mutationFn: (input: { locale?: Locale; displayName?: string }) =>
      api.patch<{ user: SessionUser }>('/auth/me', input),
    onSuccess: ({ user }) => {
      queryClient.setQueryData(queryKeys.me, (old: MeResponse | null | undefined) =>
        old ? { ...old, user: { ...old.user, ...user } } : old,
      );
    },
  });
}

/** POST /auth/password, then reload the session (mustChangePassword, possibly a new CSRF token). */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (input: { currentPassword: string; newPassword: string }) => {
      await api.post<void>('/auth/password', input);
      return reloadSession();
    },
  });
}
