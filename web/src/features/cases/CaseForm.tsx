import { Button, Group, Paper } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A case form's element: submitted by script rather than by a page load, and checked by the
 * form's own rules (useCaseForm) rather than the browser's bubbles, which speak only one language.
 */
export function CaseForm({
  onSubmit,
  frame,
  labelledBy,
  children,
}: {
  onSubmit: () => Promise<unknown>;
  /** The padding of the bordered paper around a form that stands on its own; none inside a panel. */
  frame?: 'md' | 'sm';
  /** The id of the heading that names the form. */
  labelledBy?: string;
  children: ReactNode;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void onSubmit();
  };
  if (!frame) {
    return (
      <form onSubmit={submit} noValidate aria-labelledby={labelledBy}>
        {children}
      </form>
    );
  }
  return (
    <Paper withBorder p={frame} component="form" onSubmit={submit} noValidate aria-labelledby={labelledBy}>
      {children}
    </Paper>
  );
}

/** A case form's closing buttons, submit then Cancel, so every form ends the same way. */
export function FormActions({
  label,
  pending,
  onCancel,
  size,
  gap = size === 'xs' ? 'xs' : undefined,
  disabled,
  color,
  children,
}: {
  /** The submit button's text when it says more than "Save". */
  label?: string;
  pending: boolean;
  onCancel: () => void;
  /** Small buttons for a form inside a card or beside other content. */
  size?: 'xs';
  /** Small buttons sit closer together unless told otherwise. */
  gap?: 'xs' | 'md';
  /** Set when the record was removed meanwhile: there is nothing left to save. */
  disabled?: boolean;
  /** Red when the submit undoes something (cancelling a plan item). */
  color?: 'red';
  /** Buttons that come before the submit (adding another row, say). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group gap={gap}>
      {children}
      <Button type="submit" size={size} color={color} loading={pending} disabled={disabled}>
        {label ?? t('cases.save')}
      </Button>
      <Button size={size} variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </Group>
  );
}
