import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.ts';

/** "Load more" for cursor-paginated lists: fetches the next page only when asked (saves data). */
export function LoadMore({
  shown,
  query,
}: {
  shown: number;
  /** The paged query whose next page the button asks for. */
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.shown', { shown: fmt.number(shown) })}
      </Text>
      {query.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void query.fetchNextPage()}
          loading={query.isFetchingNextPage}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Group>
  );
}
