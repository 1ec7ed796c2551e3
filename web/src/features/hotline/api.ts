/** React Query hooks of the hotline console: its configuration, today's calls, logging and converting. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { queryClient } from '../../api/queryClient.ts';
import type { Page } from '../../api/types.ts';
import { startOfTodayIso } from '../intake/dates.ts';
import type { CaseCreateInput } from '../intake/types.ts';
import type { Call, CallInput, ConvertResult } from './types.ts';

/** Query keys of the hotline area. */
export const hotlineKeys = {
  all: ['calls'] as const,
  config: ['calls', 'config'] as const,
  today: (from: string) => ['calls', 'today', from] as const,
};

/** GET /calls/config: the hotline number is configuration, never hard-coded. */
export function useCallConfig() {
  return useQuery({
    queryKey: hotlineKeys.config,
    queryFn: ({ signal }) => api.get<{ hotlineNumber: string }>('/calls/config', { signal }),
    staleTime: 60 * 60_000,
  });
}

/** Rows of "today's calls": a busy shift, on one page. */
const TODAY_LIMIT = 100;

/** GET /calls since midnight in the offices' time zone, newest first (the office's calls as the server scopes them). */
export function useTodaysCalls() {
  const from = startOfTodayIso();
  return useQuery({
    queryKey: hotlineKeys.today(from),
    queryFn: ({ signal }) => api.get<Page<Call>>('/calls', { query: { from, limit: TODAY_LIMIT }, signal }),
    staleTime: 30_000,
  });
}

/** Put a call at the top of today's list at once, before the list is read again. */
function upsertToday(call: Call) {
  queryClient.setQueriesData<Page<Call>>({ queryKey: ['calls', 'today'] }, (page) => {
    if (!page) return page;
    const rest = page.items.filter((c) => c.id !== call.id);
    const existed = rest.length !== page.items.length;
    return {
      ...page,
      items: existed ? page.items.map((c) => (c.id === call.id ? call : c)) : [call, ...rest],
    };
  });
}

/** POST /calls; the saved call appears at the top of today's calls. */
export function useLogCall() {
  return useMutation({
    mutationFn: (body: CallInput) => api.post<{ call: Call }>('/calls', body),
    onSuccess: ({ call }) => {
      upsertToday(call);
      void queryClient.invalidateQueries({ queryKey: ['calls', 'today'] });
      void queryClient.invalidateQueries({ queryKey: ['work'] });
    },
  });
}

/** POST /calls/:id/convert: opens a case from the call and returns its number. */
export function useConvertCall() {
  return useMutation({
    mutationFn: ({ callId, body }: { callId: string; body: CaseCreateInput }) =>
      api.post<ConvertResult>(`/calls/${encodeURIComponent(callId)}/convert`, body),
    onSuccess: ({ call }) => {
      upsertToday(call);
      void queryClient.invalidateQueries({ queryKey: ['calls', 'today'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
