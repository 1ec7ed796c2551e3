import { Badge, Button, Group, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/auth.ts';
import { useAllOffices } from '../../api/offices.ts';
import { useUsersPages } from '../../api/users.ts';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { PagedQueryStates } from '../../components/PagedQueryStates.tsx';
import { SavedNotice } from '../../components/SavedNotice.tsx';
import { useFormWithNotice } from '../../hooks/useFormWithNotice.ts';
import { UserCreateForm } from './UserCreateForm.tsx';

/** User accounts (ability `user:read`), with the create form for `user:write`. */
export function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('user:write');
  const users = useUsersPages();
  const offices = useAllOffices();
  const form = useFormWithNotice<'new'>();

  const officeName = new Map((offices.data ?? []).map((o) => [o.id, o.name]));

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t('users.title')}</PageTitle>
        {canWrite && !form.editing && <Button onClick={() => form.open('new')}>{t('users.add')}</Button>}
      </Group>
      {form.notice && <SavedNotice onClose={form.dismiss}>{t('users.created')}</SavedNotice>}
      {canWrite && form.editing && (
        <UserCreateForm
          offices={offices.data ?? []}
          onCreated={() => form.finish(true)}
          onCancel={form.close}
        />
      )}
      <PagedQueryStates query={users} empty={t('users.empty')}>
        {(rows) => (
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
        )}
      </PagedQueryStates>
    </Stack>
  );
}
