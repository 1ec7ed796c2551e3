import { Alert, Button, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { fetchAllOffices, useSaveOffice } from '../../api/offices.ts';
import { queryClient, queryKeys } from '../../api/queryClient.ts';
import { OFFICE_KINDS, type Office } from '../../api/types.ts';
import { useServerErrors } from '../../hooks/useServerErrors.ts';
import { apiErrorMessage } from '../../i18n/messages.ts';
import {
  EMPTY_OFFICE,
  formToOffice,
  officeToForm,
  validateOffice,
  type OfficeFormValues,
} from './officeForm.ts';

type Field = keyof OfficeFormValues;
const FIELDS: readonly Field[] = ['name', 'kind', 'country', 'regionCodes'];
const id = (field: Field) => `office-${field}`;

/**
 * Create or edit one office. Edits send the version that was read; on 409 `version_conflict` the
 * form explains that someone else saved first and offers to load the latest version.
 */
export function OfficeForm({
  office,
  onDone,
  onCancel,
}: {
  office?: Office;
  onDone: (result: 'created' | 'updated') => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveOffice();
  const [values, setValues] = useState<OfficeFormValues>(office ? officeToForm(office) : EMPTY_OFFICE);
  const [version, setVersion] = useState(office?.version);
  const [submitted, setSubmitted] = useState(false);
  const server = useServerErrors(FIELDS);
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState<'reloaded' | 'gone' | null>(null);
  const [reloading, setReloading] = useState(false);
  const [otherError, setOtherError] = useState<unknown>(null);

  const problems = submitted ? validateOffice(values) : {};
  const errorFor = (field: Field) => {
    const key = field === 'name' || field === 'country' ? problems[field] : undefined;
    return key ? t(key) : server.messages[field];
  };

  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
    server.edited(field);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    setNotice(null);
    setOtherError(null);
    const found = validateOffice(values);
    const first = FIELDS.find((f) => f in found);
    if (first) {
      document.getElementById(id(first))?.focus();
      return;
    }
    save.mutate(
      { id: office?.id, version, values: formToOffice(values) },
      {
        onSuccess: () => onDone(office ? 'updated' : 'created'),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'version_conflict') {
            setConflict(true);
            return;
          }
          const firstServer = server.report(error);
          if (firstServer) document.getElementById(id(firstServer))?.focus();
          else setOtherError(error);
        },
      },
    );
  };

  const reloadLatest = async () => {
    if (!office) return;
    setReloading(true);
    try {
      const latest = (await fetchAllOffices()).find((o) => o.id === office.id);
      void queryClient.invalidateQueries({ queryKey: queryKeys.offices });
      setConflict(false);
      server.clear();
      if (latest) {
        setValues(officeToForm(latest));
        setVersion(latest.version);
        setNotice('reloaded');
      } else {
        setNotice('gone');
      }
    } catch (error) {
      setOtherError(error);
    } finally {
      setReloading(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="office-form-title">
      <Title order={2} size="h4" mb="sm" id="office-form-title">
        {office ? t('offices.editTitle') : t('offices.addTitle')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {conflict && (
            <Alert color="orange" title={t('offices.conflictTitle')} role="alert">
              <Stack gap="xs" align="flex-start">
                {t('offices.conflictBody')}
                <Button size="xs" variant="default" onClick={() => void reloadLatest()} loading={reloading}>
                  {t('offices.conflictReload')}
                </Button>
              </Stack>
            </Alert>
          )}
          {notice && (
            <Alert color={notice === 'gone' ? 'red' : 'blue'} role="status">
              {notice === 'gone' ? t('offices.gone') : t('offices.reloaded')}
            </Alert>
          )}
          {otherError != null && (
            <Alert color="red" role="alert">
              {apiErrorMessage(t, otherError)}
            </Alert>
          )}
          <TextInput
            id={id('name')}
            label={t('offices.name')}
            value={values.name}
            onChange={set('name')}
            error={errorFor('name')}
            required
            autoFocus
          />
          <NativeSelect
            id={id('kind')}
            label={t('offices.kind')}
            value={values.kind}
            onChange={set('kind')}
            error={errorFor('kind')}
            data={OFFICE_KINDS.map((kind) => ({ value: kind, label: t(`officeKinds.${kind}`) }))}
          />
          <TextInput
            id={id('country')}
            label={t('offices.country')}
            description={t('offices.countryHint')}
            value={values.country}
            onChange={set('country')}
            error={errorFor('country')}
            maxLength={2}
            autoCapitalize="characters"
            spellCheck={false}
            required
          />
          <TextInput
            id={id('regionCodes')}
            label={t('offices.regionCodes')}
            description={t('offices.regionCodesHint')}
            value={values.regionCodes}
            onChange={set('regionCodes')}
            error={errorFor('regionCodes')}
            autoCapitalize="characters"
            spellCheck={false}
          />
          <Group>
            <Button type="submit" loading={save.isPending} disabled={notice === 'gone'}>
              {t('offices.save')}
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
