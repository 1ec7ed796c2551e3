import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { RequireAbility } from '../../auth/RequireAbility.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageLoader } from '../../components/PageLoader.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useServerErrors } from '../../hooks/useServerErrors.ts';
import { useFormat } from '../../i18n/format.ts';
import { apiErrorMessage } from '../../i18n/messages.ts';
import { CASE_TYPES } from '../cases/codes.ts';
import { type Ceiling, fetchCeiling, useCeilings, useSaveCeiling } from './api.ts';
import { ConflictAlert } from './ConflictAlert.tsx';
import { formatKgs, kgsToInput, parseKgsInput } from './money.ts';

const FIELDS = ['amount'] as const;

/**
 * One case type's ceiling, read as a large amount and edited in place. On 409 the reload shows
 * the amount someone else saved and keeps the one typed here until the user decides.
 */
function CeilingCard({ ceiling }: { ceiling: Ceiling }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const locale = i18n.language;
  const titleId = useId();
  const inputId = useId();
  const save = useSaveCeiling();
  const server = useServerErrors(FIELDS);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [version, setVersion] = useState(ceiling.version);
  const [touched, setTouched] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [theirs, setTheirs] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [otherError, setOtherError] = useState<unknown>(null);

  const label = t(`admin.caseTypes.${ceiling.caseType}`);
  const som = (kgs: string) => t('admin.som', { amount: formatKgs(kgs, locale) });
  const parsed = parseKgsInput(value, locale);
  const problem = !value.trim()
    ? t('admin.ceilings.amountRequired')
    : parsed === null
      ? t('admin.ceilings.amountInvalid')
      : undefined;
  const error = (touched ? problem : undefined) ?? server.messages.amount;

  const start = () => {
    setValue(kgsToInput(ceiling.amount.kgs, locale));
    setVersion(ceiling.version);
    setTouched(false);
    setConflict(false);
    setTheirs(null);
    setSaved(false);
    setOtherError(null);
    server.clear();
    setEditing(true);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    setOtherError(null);
    if (problem || parsed === null) {
      document.getElementById(inputId)?.focus();
      return;
    }
    save.mutate(
      { caseType: ceiling.caseType, amount: parsed, version },
      {
        onSuccess: () => {
          setEditing(false);
          setSaved(true);
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'version_conflict') {
            setConflict(true);
            return;
          }
          if (server.report(err)) document.getElementById(inputId)?.focus();
          else setOtherError(err);
        },
      },
    );
  };

  const reload = async () => {
    setReloading(true);
    setOtherError(null);
    try {
      const latest = await fetchCeiling(ceiling.caseType);
      if (!latest) throw new ApiError(404, 'not_found', 'The ceiling is gone');
      setVersion(latest.version);
      setTheirs(latest.amount.kgs);
      setConflict(false);
      server.clear();
    } catch (err) {
      setOtherError(err);
    } finally {
      setReloading(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Title order={2} size="h4" id={titleId}>
              {label}
            </Title>
            <Text size="sm" c="dimmed">
              {t('admin.ceilings.changed', { date: fmt.date(ceiling.updatedAt) })}
            </Text>
          </div>
          {!editing && (
            <Group gap="sm" wrap="nowrap">
              <Text fw={700} size="lg" style={{ whiteSpace: 'nowrap' }}>
                {som(ceiling.amount.kgs)}
              </Text>
              <Button
                variant="default"
                size="xs"
                onClick={start}
                aria-label={t('admin.editNamed', { name: label })}
              >
                {t('admin.edit')}
              </Button>
            </Group>
          )}
        </Group>
        {saved && !editing && (
          <Alert color="green" role="status" p="xs">
            {t('admin.ceilings.saved', { type: label, amount: som(ceiling.amount.kgs) })}
          </Alert>
        )}
        {editing && (
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              {conflict && <ConflictAlert onReload={() => void reload()} reloading={reloading} />}
              {theirs !== null && (
                <Alert color="blue" role="status">
                  {t('admin.ceilings.theirs', { amount: som(theirs) })}
                </Alert>
              )}
              {otherError != null && (
                <Alert color="red" role="alert">
                  {apiErrorMessage(t, otherError)}
                </Alert>
              )}
              <TextInput
                id={inputId}
                label={t('admin.ceilings.amount', { type: label })}
                description={t('admin.ceilings.amountHint', { example: kgsToInput('150000.00', locale) })}
                value={value}
                onChange={(e) => {
                  setValue(e.currentTarget.value);
                  server.edited('amount');
                }}
                onBlur={() => setTouched(true)}
                error={error}
                inputMode="decimal"
                autoComplete="off"
                rightSection={
                  <Text size="sm" c="dimmed" aria-hidden="true">
                    {t('admin.somShort')}
                  </Text>
                }
                rightSectionWidth={56}
                maw={360}
                required
                autoFocus
              />
              <Group>
                <Button type="submit" loading={save.isPending} disabled={conflict}>
                  {t('admin.save')}
                </Button>
                <Button variant="default" onClick={() => setEditing(false)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

/** The page: one card per case type, in the order case types are listed everywhere. */
function CeilingsAdmin() {
  const { t } = useTranslation();
  const query = useCeilings();
  const byType = new Map((query.data?.items ?? []).map((c) => [c.caseType, c]));
  const ceilings = CASE_TYPES.flatMap((type) => byType.get(type) ?? []);

  return (
    <Stack>
      <PageTitle>{t('admin.ceilings.title')}</PageTitle>
      <Text maw={720}>{t('admin.ceilings.intro')}</Text>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : ceilings.length === 0 ? (
        <Text c="dimmed">{t('admin.ceilings.empty')}</Text>
      ) : (
        <Stack gap="sm" maw={720}>
          {ceilings.map((c) => (
            <CeilingCard key={c.caseType} ceiling={c} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** Budget ceilings per case type for admins (ability `catalogue:write`), edited with their version. */
export function CeilingsPage() {
  return (
    <RequireAbility ability="catalogue:write">
      <CeilingsAdmin />
    </RequireAbility>
  );
}
