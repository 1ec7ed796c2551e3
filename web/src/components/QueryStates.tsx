import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';
import { PageLoader } from './PageLoader.tsx';

/**
 * A query's loading, failed (with retry) and empty states, so every list says them the same way;
 * `children` once there is something to show. Without children it is the early return of a screen
 * whose data has not arrived: `if (!query.isSuccess) return <QueryStates query={query} />`.
 */
export function QueryStates({
  query,
  isEmpty = false,
  empty,
  emptySize,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  isEmpty?: boolean;
  /** The dimmed text shown instead of `children` when the data `isEmpty`. */
  empty?: string;
  emptySize?: 'sm';
  children?: ReactNode;
}) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (isEmpty) {
    return (
      <Text size={emptySize} c="dimmed">
        {empty}
      </Text>
    );
  }
  return children;
}
