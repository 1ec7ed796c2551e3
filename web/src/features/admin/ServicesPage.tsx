import { Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireAbility } from '../../auth/RequireAbility.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { isCode, SERVICE_KINDS } from '../cases/codes.ts';
import { AdminRegister, EditButton, StateBadge } from './AdminRegister.tsx';
import { type Service, type ServiceFilters, useServicesPages } from './api.ts';
import { placeNamer, useRegions } from './regions.ts';
import { ServiceForm } from './ServiceForm.tsx';

const NO_FILTERS: ServiceFilters = { kind: '', region: '', q: '', active: '' };

/** Kind, area, state and a name search; the text waits for a pause in typing (saves requests on 3G). */
function Filters({ onChange }: { onChange: (filters: ServiceFilters) => void }) {
  const { t, i18n } = useTranslation();
  const regions = useRegions();
  const lng = i18n.language === 'ru' || i18n.language === 'ky' ? i18n.language : 'en';
  const [filters, setFilters] = useState<ServiceFilters>(NO_FILTERS);
  const [text, setText] = useState('');

  useEffect(() => {
    const timer = setTimeout(
      () => setFilters((f) => (f.q === text.trim() ? f : { ...f, q: text.trim() })),
      400,
    );
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => onChange(filters), [filters, onChange]);

  return (
    <Group align="flex-end" gap="sm" role="search" aria-label={t('admin.services.filters')}>
      <NativeSelect
        label={t('admin.services.fields.kind')}
        value={filters.kind}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setFilters((f) => ({ ...f, kind: isCode(SERVICE_KINDS, value) ? value : '' }));
        }}
        data={[
          { value: '', label: t('admin.services.allKinds') },
          ...SERVICE_KINDS.map((k) => ({ value: k, label: t(`admin.serviceKinds.${k}`) })),
        ]}
        w={{ base: '100%', xs: 220 }}
      />
      <NativeSelect
        label={t('admin.services.area')}
        value={filters.region}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setFilters((f) => ({ ...f, region: value }));
        }}
        w={{ base: '100%', xs: 220 }}
      >
        <option value="">{t('admin.services.allAreas')}</option>
        {regions.data?.regions.map((r) => (
          <optgroup key={r.iso} label={r.names[lng]}>
            <option value={r.iso}>{t('admin.services.wholeRegion', { name: r.names[lng] })}</option>
            {regions.data.districts
              .filter((d) => d.regionIso === r.iso)
              .map((d) => (
                <option key={d.code} value={d.code}>
                  {d.names[lng]}
                </option>
              ))}
          </optgroup>
        ))}
      </NativeSelect>
      <NativeSelect
        label={t('admin.services.state')}
        value={filters.active}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setFilters((f) => ({ ...f, active: value === 'true' || value === 'false' ? value : '' }));
        }}
        data={[
          { value: '', label: t('admin.services.allStates') },
          { value: 'true', label: t('admin.active') },
          { value: 'false', label: t('admin.inactive') },
        ]}
        w={{ base: '100%', xs: 180 }}
      />
      <TextInput
        type="search"
        label={t('admin.services.search')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        w={{ base: '100%', xs: 240 }}
      />
    </Group>
  );
}

/** The directory as a table with "load more"; each row can be opened in the form. */
function ServicesTable({ filters, onEdit }: { filters: ServiceFilters; onEdit: (s: Service) => void }) {
  const { t, i18n } = useTranslation();
  const query = useServicesPages(filters);
  const regions = useRegions();
  const place = placeNamer(regions.data, i18n.language);

  if (!query.isSuccess) return <QueryStates query={query} />;
  const services = query.data.pages.flatMap((p) => p.items);
  const filtered = filters.kind || filters.region || filters.q || filters.active;
  if (services.length === 0) {
    return <Text c="dimmed">{filtered ? t('admin.services.emptyFiltered') : t('admin.services.empty')}</Text>;
  }

  return (
    <>
      <ScrollTable label={t('admin.services.tableLabel')} minWidth={880} striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.services.fields.name')}</Table.Th>
            <Table.Th scope="col">{t('admin.services.fields.organisationId')}</Table.Th>
            <Table.Th scope="col">{t('admin.services.fields.kind')}</Table.Th>
            <Table.Th scope="col">{t('admin.services.areas')}</Table.Th>
            <Table.Th scope="col">{t('admin.services.contact')}</Table.Th>
            <Table.Th scope="col">{t('admin.services.state')}</Table.Th>
            <Table.Th scope="col">{t('admin.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
          {services.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td maw={320}>
                <Text size="sm" fw={500}>
                  {s.name}
                </Text>
                {s.description && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {s.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{s.organisationName}</Table.Td>
              <Table.Td>{t(`admin.serviceKinds.${s.kind}`)}</Table.Td>
              <Table.Td>
                {s.regionCodes.length > 0 ? s.regionCodes.map(place).join('; ') : t('admin.services.noAreas')}
              </Table.Td>
              <Table.Td>{[s.phone, s.email].filter(Boolean).join(' · ') || t('common.none')}</Table.Td>
              <Table.Td>
                <StateBadge active={s.active} inactiveLabel={t('admin.inactive')} />
              </Table.Td>
              <Table.Td>
                <EditButton name={s.name} onClick={() => onEdit(s)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
      <LoadMore shown={services.length} query={query} />
    </>
  );
}

/** The page: intro, the form when adding or editing, the filters and the table. */
function ServicesDirectory() {
  const [filters, setFilters] = useState<ServiceFilters>(NO_FILTERS);
  return (
    <AdminRegister<Service>
      section="services"
      form={({ editing, onSaved, onCancel }) => (
        <ServiceForm
          key={editing?.id ?? 'new'}
          service={editing}
          onDone={(result, service) => onSaved({ result, name: service.name })}
          onCancel={onCancel}
        />
      )}
    >
      {(edit) => (
        <>
          <Filters onChange={setFilters} />
          <ServicesTable filters={filters} onEdit={edit} />
        </>
      )}
    </AdminRegister>
  );
}

/** Service directory for admins (ability `service:write`): list with filters, create and edit. */
export function ServicesPage() {
  return (
    <RequireAbility ability="service:write">
      <ServicesDirectory />
    </RequireAbility>
  );
}
