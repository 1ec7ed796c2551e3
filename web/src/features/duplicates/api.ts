/**
 * React Query hooks of the duplicate review: the registry scan and its progress, the candidate
 * pairs, their decisions, merging two persons, the merges made and undoing one. A decision, a
 * merge or an undo marks every pair and merge list stale (a pair moves between statuses, a merge
 * is made or undone) and the case lists (cases change person).
 */
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { queryClient } from '../../api/queryClient.ts';
import type { Page } from '../../api/types.ts';
import type {
  DuplicatePair,
  DuplicateScan,
  MergeRecord,
  MergeResult,
  MergeStatus,
  PairStatus,
} from './types.ts';

/** Pairs per page: each is a card with two persons and their evidence. */
export const PAIRS_PAGE_SIZE = 10;
/** Merges per page. */
export const MERGES_PAGE_SIZE = 20;
/** How often a running scan is asked for its progress. */
export const SCAN_POLL_MS = 1000;

/** Query keys of the duplicate review. */
export const duplicateKeys = {
  all: ['duplicates'] as const,
  pairs: ['duplicates', 'pairs'] as const,
  list: (status: PairStatus) => ['duplicates', 'pairs', status] as const,
  scan: (id: string) => ['duplicates', 'scan', id] as const,
  merges: ['duplicates', 'merges'] as const,
  mergeList: (status: MergeStatus | null) => ['duplicates', 'merges', status ?? 'all'] as const,
};

const enc = encodeURIComponent;

/** After a decision, a merge or an undo: pairs may have changed status, merges too, and cases their person. */
function refreshAfterChange(): void {
  void queryClient.invalidateQueries({ queryKey: duplicateKeys.pairs });
  void queryClient.invalidateQueries({ queryKey: duplicateKeys.merges });
  void queryClient.invalidateQueries({ queryKey: ['cases'] });
}

/** POST /duplicates/scan: starts the registry scan (202 with it; 409 `scan_running` while one runs). */
export function useStartScan() {
  return useMutation({
    mutationFn: () => api.post<{ scan: DuplicateScan }>('/duplicates/scan').then((r) => r.scan),
    onSuccess: (scan) => queryClient.setQueryData(duplicateKeys.scan(scan.id), scan),
  });
}

/** GET /duplicates/scans/:id, asked again every second until the scan has finished. */
export function useScan(id: string | null) {
  return useQuery({
    queryKey: duplicateKeys.scan(id ?? ''),
    enabled: id !== null,
    queryFn: ({ signal }) =>
      api.get<{ scan: DuplicateScan }>(`/duplicates/scans/${enc(id ?? '')}`, { signal }).then((r) => r.scan),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? SCAN_POLL_MS : false),
  });
}

/** GET /duplicates?status=…, highest score first, one page at a time ("load more"). */
export function usePairs(status: PairStatus, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: duplicateKeys.list(status),
    enabled,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<DuplicatePair>>('/duplicates', {
        query: { status, limit: PAIRS_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** GET /persons/merges (every merge, or those standing or undone), newest first, a page at a time. */
export function useMerges(status: MergeStatus | null) {
  return useInfiniteQuery({
    queryKey: duplicateKeys.mergeList(status),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<MergeRecord>>('/persons/merges', {
        query: { status: status ?? undefined, limit: MERGES_PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** POST /duplicates/:id/confirm or /reject, with a reason and the version read. */
export function useDecidePair() {
  return useMutation({
    mutationFn: (v: { id: string; verb: 'confirm' | 'reject'; reason: string; version: number }) =>
      api
        .post<{ pair: DuplicatePair }>(`/duplicates/${enc(v.id)}/${v.verb}`, {
          reason: v.reason,
          version: v.version,
        })
        .then((r) => r.pair),
    onSuccess: refreshAfterChange,
  });
}

/** Body of POST /persons/:id/merge. */
export interface MergeInput {
  /** The person merged away (their cases move). */
  personId: string;
  intoPersonId: string;
  reason: string;
  pairId: string;
  /** The merged person's version as the pair showed it. */
  version: number;
}

/** POST /persons/:id/merge. */
export function useMerge() {
  return useMutation({
    mutationFn: ({ personId, ...body }: MergeInput) =>
      api.post<MergeResult>(`/persons/${enc(personId)}/merge`, body),
    onSuccess: refreshAfterChange,
  });
}

/** POST /persons/merges/:mergeId/undo, with an optional reason. */
export function useUndoMerge() {
  return useMutation({
    mutationFn: (v: { mergeId: string; reason: string }) =>
      api.post<MergeResult>(`/persons/merges/${enc(v.mergeId)}/undo`, v.reason ? { reason: v.reason } : {}),
    onSuccess: refreshAfterChange,
  });
}
