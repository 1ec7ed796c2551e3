import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOfficesPages } from '../../api/offices.ts';
import type { Office } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';

/** The offices list with "load more"; shared by Home and the Offices page (which adds Edit buttons). */
export function OfficesTable({ onEdit }: { onEdit?: (office: Office) => void }) {
  const { t } = useTranslation();
  const query = useOfficesPages();

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const offices = query.data.pages.flatMap((p) => p.items);
  if (offices.length === 0) return <Text c="dimmed">{t('offices.empty')}</Text>;

  return (
    <>
      <ScrollTable label={t('offices.tableLabel')} minWidth={560} striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('offices.name')}</Table.Th>
            <Table.Th scope="col">{t('offices.kind')}</Table.Th>
            <Table.Th scope="col">{t('offices.country')}</Table.Th>
            <Table.Th scope="col">{t('offices.regionCodes')}</Table.Th>
            {onEdit && <Table.Th scope="col">{t('offices.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offices.map((office) => (
            <Table.Tr key={office.id}>
              <Table.Td>{office.name}</Table.Td>
              <Table.Td>{t(`officeKinds.${office.kind}`, { defaultValue: office.kind })}</Table.Td>
              <Table.Td>{office.country}</Table.Td>
              <Table.Td>
                {office.regionCodes.length > 0 ? office.regionCodes.join(', ') : t('common.none')}
              </Table.Td>
              {onEdit && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => onEdit(office)}
                    aria-label={t('offices.editNamed', { name: office.name })}
                  >
                    {t('offices.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <LoadMore shown={offices.length} query={query} />
    </>
  );
}
