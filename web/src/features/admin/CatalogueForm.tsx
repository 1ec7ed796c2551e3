import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Checkbox.css';
import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { issueMessage } from '../../i18n/messages.ts';
import { type CatalogueItem, fetchCatalogueItem, useSaveCatalogueItem } from './api.ts';
import {
  CATALOGUE_FIELDS,
  type CatalogueField,
  type CatalogueFormValues,
  EMPTY_ITEM,
  formToCreate,
  formToUpdate,
  itemToForm,
  suggestCode,
  validateItem,
} from './catalogueForm.ts';
import { SaveAlerts } from './ConflictAlert.tsx';
import { formatKgs } from './money.ts';
import { useMergingForm } from './useMergingForm.ts';

const fieldId = (field: CatalogueField) => `catalogue-${field}`;
const NAME_FIELDS = { en: 'nameEn', ru: 'nameRu', ky: 'nameKy' } as const;

/**
 * Errors the generic mapping cannot place: a taken code (409 duplicate_code) and issues of one
 * language's name (`names.ru` → the Russian input).
 */
function extraErrors(t: TFunction, error: unknown): Partial<Record<CatalogueField, string>> {
  if (!(error instanceof ApiError)) return {};
  if (error.code === 'duplicate_code') return { code: t('admin.catalogue.codeTaken') };
  const out: Partial<Record<CatalogueField, string>> = {};
  for (const issue of error.issues) {
    const path = issue.path[0] === 'body' ? issue.path.slice(1) : issue.path;
    const lng = path[0] === 'names' ? String(path[1]) : '';
    if (lng === 'en' || lng === 'ru' || lng === 'ky') {
      out[NAME_FIELDS[lng]] ??= issueMessage(t, issue);
    }
  }
  return out;
}

/**
 * Create or edit one item of the assistance catalogue: names in the three languages, unit and a
 * default unit cost in KGS typed the way the user's language writes numbers. The code is chosen
 * once (suggested from the English name) and never changes, because plans refer to it.
 */
export function CatalogueForm({
  item,
  onDone,
  onCancel,
}: {
  item?: CatalogueItem;
  onDone: (result: 'created' | 'updated', saved: CatalogueItem) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const save = useSaveCatalogueItem();
  const namesId = useId();
  const form = useMergingForm<CatalogueFormValues, CatalogueField>({
    initial: item ? itemToForm(item, locale) : EMPTY_ITEM,
    version: item?.version ?? 0,
    fields: CATALOGUE_FIELDS,
    fieldId,
    extraErrors,
  });
  const { values, setValues, server, mergeNote } = form;
  const [codeEdited, setCodeEdited] = useState(false);

  const problems = validateItem(values, locale, !item);
  // Examples are written the way the user's language writes numbers (19,500.50 or 19 500,50).
  const example = formatKgs('19500.50', locale);
  const errorFor = (field: CatalogueField) => {
    const key = problems[field];
    return key && form.touched.visible(field) ? t(key, { example }) : server.messages[field];
  };
  const label = (field: CatalogueField) => t(`admin.catalogue.fields.${field}`);

  const input = (field: Exclude<CatalogueField, 'active'>) => ({
    id: fieldId(field),
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setValues((v) => {
        const next = { ...v, [field]: value };
        // A new item's code follows its English name until the user writes a code of their own.
        if (!item && field === 'nameEn' && !codeEdited) next.code = suggestCode(value);
        return next;
      });
      if (field === 'code') setCodeEdited(true);
      server.edited(field);
    },
    onBlur: () => form.touched.touch(field),
    error: errorFor(field),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!form.check(problems)) return;
    const request = item
      ? { code: item.code, body: formToUpdate(values, locale, form.version) }
      : { body: formToCreate(values, locale) };
    save.mutate(request, {
      onSuccess: ({ item: saved }) => onDone(item ? 'updated' : 'created', saved),
      onError: form.failed,
    });
  };

  const reloadLatest = async () => {
    if (!item) return;
    await form.reload(async () => {
      const latest = await fetchCatalogueItem(item.code);
      if (!latest) throw new ApiError(404, 'not_found', 'The item is gone');
      return { values: itemToForm(latest, locale), version: latest.version };
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="catalogue-form-title">
      <Title order={2} size="h4" mb="sm" id="catalogue-form-title">
        {item ? t('admin.catalogue.editTitle', { code: item.code }) : t('admin.catalogue.addTitle')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <SaveAlerts form={form} label={label} onReload={() => void reloadLatest()} />
          <Stack gap="xs" role="group" aria-labelledby={namesId}>
            <div>
              <Text id={namesId} size="sm" fw="var(--mantine-font-weight-medium)">
                {t('admin.catalogue.names')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('admin.catalogue.namesHint')}
              </Text>
            </div>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <TextInput
                {...input('nameEn')}
                label={label('nameEn')}
                lang="en"
                required
                description={mergeNote('nameEn')}
              />
              <TextInput
                {...input('nameRu')}
                label={label('nameRu')}
                lang="ru"
                required
                description={mergeNote('nameRu')}
              />
              <TextInput
                {...input('nameKy')}
                label={label('nameKy')}
                lang="ky"
                required
                description={mergeNote('nameKy')}
              />
            </SimpleGrid>
          </Stack>
          {item ? (
            <div>
              <Text size="sm" fw="var(--mantine-font-weight-medium)">
                {label('code')}
              </Text>
              <Text size="sm" ff="monospace">
                {item.code}
              </Text>
              <Text size="xs" c="dimmed">
                {t('admin.catalogue.codeFixed')}
              </Text>
            </div>
          ) : (
            <TextInput
              {...input('code')}
              label={label('code')}
              description={t('admin.catalogue.codeHint')}
              spellCheck={false}
              autoCapitalize="none"
              ff="monospace"
              required
              maw={420}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
            <TextInput
              {...input('unit')}
              label={label('unit')}
              description={mergeNote('unit', t('admin.catalogue.unitHint'))}
              required
            />
            <TextInput
              {...input('defaultUnitCost')}
              label={label('defaultUnitCost')}
              description={mergeNote('defaultUnitCost', t('admin.catalogue.costHint', { example }))}
              inputMode="decimal"
              autoComplete="off"
            />
          </SimpleGrid>
          {item && (
            <Checkbox
              id={fieldId('active')}
              checked={values.active}
              onChange={(e) => {
                const checked = e.currentTarget.checked;
                setValues((v) => ({ ...v, active: checked }));
                server.edited('active');
              }}
              label={label('active')}
              description={mergeNote('active', t('admin.catalogue.activeHint'))}
              error={server.messages.active}
            />
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={form.conflict}>
              {item ? t('admin.save') : t('admin.catalogue.create')}
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
