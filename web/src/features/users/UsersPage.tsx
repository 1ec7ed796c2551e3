import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/auth.ts';
import { useAllOffices } from '../../api/offices.ts';
import { useUsersPages } from '../../api/users.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { UserCreateForm } from './UserCreateForm.tsx';

/** User accounts (ability `user:read`), with the create form for `user:write`. */
export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('user:write');
  const users = useUsersPages();
  const offices = useAllOffices();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState(false);

  const officeName = new Map((offices.data ?? []).map((o) => [o.id, o.name]));
  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('users.title')}</PageTitle>
        {canWrite && !creating && (
          <Button
            onClick={() => {
              setCreated(false);
              setCreating(true);
            }}
          >
            {t('users.add')}
          </Button>
        )}
      </Group>
      {created && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setCreated(false)}
        >
          {t('users.created')}
        </Alert>
      )}
      {canWrite && creating && (
        <UserCreateForm
          offices={offices.data ?? []}
          onCreated={() => {
            setCreating(false);
            setCreated(true);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
      {users.isPending ? (
        <PageLoader />
      ) : users.isError ? (
        <ErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : rows.length === 0 ? (
        <Text c="dimmed">{t('users.empty')}</Text>
      ) : (
        <>
          <ScrollTable label={t('users.tableLabel')} minWidth={640} striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.displayName')}</Table.Th>
                <Table.Th scope="col">{t('users.username')}</Table.Th>
                <Table.Th scope="col">{t('users.role')}</Table.Th>
                <Table.Th scope="col">{t('users.office')}</Table.Th>
                <Table.Th scope="col">{t('users.locale')}</Table.Th>
                <Table.Th scope="col">{t('users.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.displayName}</Table.Td>
                  <Table.Td>{u.username}</Table.Td>
                  <Table.Td>{t(`roles.${u.role}`, { defaultValue: u.role })}</Table.Td>
                  <Table.Td>
                    {u.officeId ? (officeName.get(u.officeId) ?? u.officeId) : t('common.none')}
                  </Table.Td>
                  <Table.Td>{t(`language.${u.locale}`, { defaultValue: u.locale })}</Table.Td>
                  <Table.Td>
                    <Badge color={u.active ? 'green' : 'gray'} variant="light">
                      {u.active ? t('users.active') : t('users.inactive')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          <LoadMore
            shown={rows.length}
            hasMore={users.hasNextPage}
            loading={users.isFetchingNextPage}
            onLoadMore={() => void users.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  );
}
