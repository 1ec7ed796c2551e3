import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useAllOffices } from '../../api/offices.ts';
import { SERVICE_KINDS } from '../cases/codes.ts';
import { fetchService, type Service, useSaveService } from './api.ts';
import { AreaPicker } from './AreaPicker.tsx';
import { SaveAlerts } from './ConflictAlert.tsx';
import {
  EMPTY_SERVICE,
  formToCreate,
  formToUpdate,
  SERVICE_FIELDS,
  type ServiceField,
  type ServiceFormValues,
  serviceToForm,
  validateService,
} from './serviceForm.ts';
import { useMergingForm } from './useMergingForm.ts';

const fieldId = (field: ServiceField) => `service-${field}`;

/** Field errors of a 422 that names its field (the organisation no longer exists). */
function ruleErrors(t: TFunction, error: unknown): Partial<Record<ServiceField, string>> {
  if (error instanceof ApiError && error.code === 'unknown_organisation') {
    return { organisationId: t('admin.services.organisationUnknown') };
  }
  return {};
}

/**
 * Create or edit one service of the directory. Problems show as the user types (once a field was
 * left); server errors land on their fields; a failed save keeps everything typed; a 409 offers
 * to merge the latest version under the user's edits.
 */
export function ServiceForm({
  service,
  onDone,
  onCancel,
}: {
  service?: Service;
  onDone: (result: 'created' | 'updated', saved: Service) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveService();
  const offices = useAllOffices();
  const form = useMergingForm<ServiceFormValues, ServiceField>({
    initial: service ? serviceToForm(service) : EMPTY_SERVICE,
    version: service?.version ?? 0,
    fields: SERVICE_FIELDS,
    fieldId,
    extraErrors: ruleErrors,
  });
  const { values, setValues, server, mergeNote } = form;

  const problems = validateService(values);
  const errorFor = (field: ServiceField) => {
    const key = problems[field];
    return key && form.touched.visible(field) ? t(key) : server.messages[field];
  };
  const label = (field: ServiceField) => t(`admin.services.fields.${field}`);

  const set = <K extends ServiceField>(field: K, value: ServiceFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    server.edited(field);
  };
  // Props shared by the text inputs and selects: value, change, blur (shows problems), error.
  const text = (field: Exclude<ServiceField, 'regionCodes' | 'active'>) => ({
    id: fieldId(field),
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [field]: value }));
      server.edited(field);
    },
    onBlur: () => form.touched.touch(field),
    error: errorFor(field),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!form.check(problems)) return;
    const input = service
      ? { id: service.id, body: formToUpdate(values, form.version) }
      : { body: formToCreate(values) };
    save.mutate(input, {
      onSuccess: ({ service: saved }) => onDone(service ? 'updated' : 'created', saved),
      onError: form.failed,
    });
  };

  const reloadLatest = async () => {
    if (!service) return;
    await form.reload(async () => {
      const latest = await fetchService(service.id);
      return { values: serviceToForm(latest), version: latest.version };
    });
  };

  const organisations = [...(offices.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="service-form-title">
      <Title order={2} size="h4" mb="sm" id="service-form-title">
        {service ? t('admin.services.editTitle', { name: service.name }) : t('admin.services.addTitle')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <SaveAlerts form={form} label={label} onReload={() => void reloadLatest()} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              {...text('organisationId')}
              label={label('organisationId')}
              description={mergeNote('organisationId', t('admin.services.organisationHint'))}
              required
              disabled={offices.isPending}
            >
              <option value="">{t('admin.services.chooseOrganisation')}</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </NativeSelect>
            <NativeSelect
              {...text('kind')}
              label={label('kind')}
              description={mergeNote('kind')}
              data={SERVICE_KINDS.map((k) => ({ value: k, label: t(`admin.serviceKinds.${k}`) }))}
            />
          </SimpleGrid>
          <TextInput {...text('name')} label={label('name')} description={mergeNote('name')} required />
          <Textarea
            {...text('description')}
            label={label('description')}
            description={mergeNote('description', t('admin.services.descriptionHint'))}
            rows={3}
          />
          <AreaPicker
            id={fieldId('regionCodes')}
            value={values.regionCodes}
            onChange={(codes) => set('regionCodes', codes)}
            onBlur={() => form.touched.touch('regionCodes')}
            error={errorFor('regionCodes')}
            note={mergeNote('regionCodes')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              {...text('phone')}
              type="tel"
              autoComplete="off"
              label={label('phone')}
              description={mergeNote('phone', t('admin.services.phoneHint'))}
            />
            <TextInput
              {...text('email')}
              type="email"
              autoComplete="off"
              spellCheck={false}
              label={label('email')}
              description={mergeNote('email')}
            />
          </SimpleGrid>
          <TextInput {...text('address')} label={label('address')} description={mergeNote('address')} />
          <Checkbox
            id={fieldId('active')}
            checked={values.active}
            onChange={(e) => set('active', e.currentTarget.checked)}
            label={label('active')}
            description={mergeNote('active', t('admin.services.activeHint'))}
            error={server.messages.active}
          />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={form.conflict}>
              {service ? t('admin.save') : t('admin.services.create')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
