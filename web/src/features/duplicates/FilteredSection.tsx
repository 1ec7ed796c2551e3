import { Group, SegmentedControl, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { type PagedQuery, PagedQueryStates } from '../../components/PagedQueryStates.tsx';

/**
 * A titled section of the review screen with a filter beside its title, then its paged list:
 * a loader while the first page comes, the error with a retry, the empty text, or the items and
 * "load more".
 */
export function FilteredSection<F extends string, T>({
  titleId,
  title,
  intro,
  filter,
  filters,
  filterLabel,
  optionLabel,
  onFilter,
  query,
  empty,
  children,
}: {
  /** The heading's id, which names the section. */
  titleId: string;
  title: string;
  /** Shown between the heading and the list. */
  intro?: ReactNode;
  filter: F;
  filters: readonly F[];
  /** The filter's accessible name. */
  filterLabel: string;
  optionLabel: (f: F) => string;
  onFilter: (f: F) => void;
  query: PagedQuery<T>;
  /** Said when the filter leaves nothing. */
  empty: string;
  /** The items shown so far, each with its key. */
  children: (items: T[]) => ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" gap="xs">
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        <SegmentedControl
          w={{ base: '100%', sm: 'auto' }}
          fullWidth
          styles={{ label: { whiteSpace: 'normal' } }}
          value={filter}
          onChange={(v) => {
            const chosen = filters.find((f) => f === v);
            if (chosen !== undefined) onFilter(chosen);
          }}
          aria-label={filterLabel}
          data={filters.map((f) => ({ value: f, label: optionLabel(f) }))}
        />
      </Group>
      {intro}
      <PagedQueryStates query={query} empty={empty}>
        {children}
      </PagedQueryStates>
    </Stack>
  );
}
