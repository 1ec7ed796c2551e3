import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../api/types.ts';
import { RequireAbility } from '../../auth/RequireAbility.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { AdminRegister, EditButton, StateBadge } from './AdminRegister.tsx';
import { type CatalogueItem, useCatalogue } from './api.ts';
import { CatalogueForm } from './CatalogueForm.tsx';
import { formatKgs } from './money.ts';

/** The catalogue as a table: names in all three languages (the reader's first), unit, cost, state. */
function CatalogueTable({ onEdit }: { onEdit: (item: CatalogueItem) => void }) {
  const { t, i18n } = useTranslation();
  const query = useCatalogue();
  const lng = LOCALES.find((l) => l === i18n.language) ?? 'en';
  const others = LOCALES.filter((l) => l !== lng);

  if (!query.isSuccess) return <QueryStates query={query} />;
  const items = query.data.items;
  if (items.length === 0) return <Text c="dimmed">{t('admin.catalogue.empty')}</Text>;

  return (
    <ScrollTable label={t('admin.catalogue.tableLabel')} minWidth={760} striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('admin.catalogue.names')}</Table.Th>
          <Table.Th scope="col">{t('admin.catalogue.fields.code')}</Table.Th>
          <Table.Th scope="col">{t('admin.catalogue.fields.unit')}</Table.Th>
          <Table.Th scope="col" ta="right">
            {t('admin.catalogue.fields.defaultUnitCost')}
          </Table.Th>
          <Table.Th scope="col">{t('admin.services.state')}</Table.Th>
          <Table.Th scope="col">{t('admin.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.code}>
            <Table.Td>
              <Text size="sm" fw={500} lang={lng}>
                {item.names[lng]}
              </Text>
              {others.map((l) => (
                <Text key={l} size="xs" c="dimmed" lang={l}>
                  {item.names[l]}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {item.code}
              </Text>
            </Table.Td>
            <Table.Td>{item.unit}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {/* The column header names the currency. */}
              {item.defaultUnitCost ? formatKgs(item.defaultUnitCost.kgs, i18n.language) : t('common.none')}
            </Table.Td>
            <Table.Td>
              <StateBadge active={item.active} inactiveLabel={t('admin.catalogue.retired')} />
            </Table.Td>
            <Table.Td>
              <EditButton name={item.names[lng]} onClick={() => onEdit(item)} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** The page: intro, the form when adding or editing, then the table. */
function CatalogueAdmin() {
  const { i18n } = useTranslation();
  const lng = LOCALES.find((l) => l === i18n.language) ?? 'en';
  return (
    <AdminRegister<CatalogueItem>
      section="catalogue"
      form={({ editing, onSaved, onCancel }) => (
        <CatalogueForm
          key={editing?.code ?? 'new'}
          item={editing}
          onDone={(result, item) => onSaved({ result, name: item.names[lng] })}
          onCancel={onCancel}
        />
      )}
    >
      {(edit) => <CatalogueTable onEdit={edit} />}
    </AdminRegister>
  );
}

/** Assistance catalogue for admins (ability `catalogue:write`): names in en/ru/ky, unit, default cost. */
export function CataloguePage() {
  return (
    <RequireAbility ability="catalogue:write">
      <CatalogueAdmin />
    </RequireAbility>
  );
}
