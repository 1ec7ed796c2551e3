import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES } from '../cases/codes.ts';
import { emptyDocument, fieldId, type DocumentRow } from './wizard.ts';

/** How a step reads and changes its part of the wizard, and asks for a field's message. */
export interface StepProps<T> {
  values: T;
  /** Merge a change; the changed fields' server messages no longer apply. */
  set: (patch: Partial<T>) => void;
  /** The message to show under a field (client check or server answer), by wizard path. */
  err: (path: string) => string | undefined;
}

/** NativeSelect options with a leading "Choose…" for a value not yet given. */
export function withChoose(choose: string, options: { value: string; label: string }[]) {
  return [{ value: '', label: choose }, ...options];
}

/**
 * Identity documents as an editable list (type, number, who holds it): used twice on the person
 * step, for documents the person holds and documents someone else retains.
 */
export function DocumentsEditor({
  path,
  title,
  rows,
  onChange,
  err,
  withHolder,
}: {
  path: 'person.documentsHeld' | 'person.documentsRetained';
  title: string;
  rows: DocumentRow[];
  onChange: (rows: DocumentRow[]) => void;
  err: (path: string) => string | undefined;
  withHolder: boolean;
}) {
  const { t } = useTranslation();
  const setRow = (i: number, patch: Partial<DocumentRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () => {
    const row = emptyDocument();
    onChange([...rows, row]);
    requestAnimationFrame(() => document.getElementById(fieldId(`${path}.${rows.length}.type`))?.focus());
  };
  const types = DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`intake.documentTypes.${d}`) }));
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {title}
      </Text>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('intake.person.noDocuments')}
        </Text>
      )}
      {rows.map((row, i) => (
        <Paper key={row.key} withBorder p="xs">
          <SimpleGrid cols={{ base: 1, sm: withHolder ? 3 : 2 }} spacing="xs">
            <NativeSelect
              id={fieldId(`${path}.${i}.type`)}
              label={t('intake.person.documentType')}
              value={row.type}
              onChange={(e) => setRow(i, { type: e.currentTarget.value as DocumentRow['type'] })}
              data={withChoose(t('intake.choose'), types)}
              error={err(`${path}.${i}.type`)}
              required
            />
            <TextInput
              id={fieldId(`${path}.${i}.number`)}
              label={t('intake.person.documentNumber')}
              value={row.number}
              onChange={(e) => setRow(i, { number: e.currentTarget.value })}
              error={err(`${path}.${i}.number`)}
              spellCheck={false}
            />
            {withHolder && (
              <TextInput
                id={fieldId(`${path}.${i}.heldBy`)}
                label={t('intake.person.documentHeldBy')}
                value={row.heldBy}
                onChange={(e) => setRow(i, { heldBy: e.currentTarget.value })}
                error={err(`${path}.${i}.heldBy`)}
              />
            )}
          </SimpleGrid>
          <Group justify="flex-end" mt="xs">
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              aria-label={t('intake.person.removeDocumentNamed', { n: i + 1 })}
            >
              {t('intake.remove')}
            </Button>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button size="xs" variant="default" onClick={add}>
          {t('intake.person.addDocument')}
        </Button>
      </Group>
    </Stack>
  );
}

/** A group of checkboxes over a list of codes (languages, facts, consent scopes). */
export function CodeCheckboxes<C extends string>({
  id,
  label,
  description,
  codes,
  labelOf,
  value,
  onChange,
  error,
  cols = 2,
}: {
  id: string;
  label: string;
  description?: string;
  codes: readonly C[];
  labelOf: (code: C) => string;
  value: readonly C[];
  onChange: (next: C[]) => void;
  error?: string;
  cols?: number;
}) {
  return (
    <Checkbox.Group
      id={id}
      label={label}
      description={description}
      value={[...value]}
      onChange={(next) => onChange(codes.filter((c) => next.includes(c)))}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, xs: cols }} spacing="xs" mt="xs">
        {codes.map((c) => (
          <Checkbox key={c} value={c} label={labelOf(c)} id={`${id}-${c}`} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
