import type { ReactNode } from 'react';
import { LoadMore } from './LoadMore.tsx';
import { QueryStates } from './QueryStates.tsx';

/** What a paged ("load more") list query gives its screen. */
export interface PagedQuery<T> {
  data: { pages: readonly { items: T[] }[] } | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * A paged list's states as QueryStates says them, then the items of every page loaded so far and
 * "Load more" under them, so the paged screens count and fetch the next page the same way.
 */
export function PagedQueryStates<T>({
  query,
  empty,
  children,
}: {
  query: PagedQuery<T>;
  /** Said when there is nothing (with the filters applied). */
  empty: string;
  /** The items shown so far, each with its key. */
  children: (items: T[]) => ReactNode;
}) {
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <QueryStates query={query} isEmpty={items.length === 0} empty={empty}>
      <>
        {children(items)}
        <LoadMore shown={items.length} query={query} />
      </>
    </QueryStates>
  );
}
