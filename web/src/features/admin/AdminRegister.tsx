import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { SavedNotice } from '../../components/SavedNotice.tsx';
import { useFormWithNotice } from '../../hooks/useFormWithNotice.ts';

/** The registers an admin keeps, each with its texts under `admin.<section>`. */
export const REGISTER_SECTIONS = ['catalogue', 'services'] as const;

/** What a save leaves in the notice: whether the record is new, and its name. */
export interface Saved {
  result: 'created' | 'updated';
  name: string;
}

/**
 * An admin register's page: its title and an add button, the intro, the notice of the last save,
 * the form when adding or editing (scrolled to, above a long table), then the rest (`children`,
 * given how to open a record for editing).
 */
export function AdminRegister<T>({
  section,
  form: renderForm,
  children,
}: {
  section: (typeof REGISTER_SECTIONS)[number];
  form: (props: {
    editing: T | undefined;
    onSaved: (saved: Saved) => void;
    onCancel: () => void;
  }) => ReactNode;
  children: (edit: (record: T) => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const { editing, notice: saved, ...form } = useFormWithNotice<T | 'new', Saved>();
  const open = (target: T | 'new') => {
    form.open(target);
    window.scrollTo({ top: 0 });
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <PageTitle>{t(`admin.${section}.title`)}</PageTitle>
        {editing === null && <Button onClick={() => open('new')}>{t(`admin.${section}.add`)}</Button>}
      </Group>
      <Text maw={720}>{t(`admin.${section}.intro`)}</Text>
      {saved && (
        <SavedNotice onClose={form.dismiss}>
          {t(`admin.${section}.${saved.result}`, { name: saved.name })}
        </SavedNotice>
      )}
      {editing !== null &&
        renderForm({
          editing: editing === 'new' ? undefined : editing,
          onSaved: form.finish,
          onCancel: form.close,
        })}
      {children(open)}
    </Stack>
  );
}

/** A record's state in a register's table: active, or what the register calls the rest. */
export function StateBadge({ active, inactiveLabel }: { active: boolean; inactiveLabel: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal' : 'gray'} variant="light" miw="max-content">
      {active ? t('admin.active') : inactiveLabel}
    </Badge>
  );
}

/** The button that opens a record of a register's table in the form, named for screen readers. */
export function EditButton({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size="xs" variant="default" onClick={onClick} aria-label={t('admin.editNamed', { name })}>
      {t('admin.edit')}
    </Button>
  );
}
