import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { LOCALES, ROLES, type Office, type UserCreateInput } from '../../api/types.ts';
import { useCreateUser } from '../../api/users.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { useServerErrors } from '../../hooks/useServerErrors.ts';
import { apiErrorMessage } from '../../i18n/messages.ts';
import { MIN_PASSWORD_LENGTH } from '../auth/passwordRules.ts';

type Field = keyof UserCreateInput;
const FIELDS: readonly Field[] = ['username', 'displayName', 'role', 'officeId', 'locale', 'password'];
const id = (field: Field) => `new-user-${field}`;

type Problem =
  'users.usernameRequired' | 'users.displayNameRequired' | 'users.officeRequired' | 'password.tooShort';

/** Client checks of the create-user form; the server validates again. */
function validate(v: UserCreateInput): Partial<Record<Field, Problem>> {
  const out: Partial<Record<Field, Problem>> = {};
  if (!v.username.trim()) out.username = 'users.usernameRequired';
  if (!v.displayName.trim()) out.displayName = 'users.displayNameRequired';
  if (!v.officeId) out.officeId = 'users.officeRequired';
  if (v.password.length < MIN_PASSWORD_LENGTH) out.password = 'password.tooShort';
  return out;
}

/** Admin form to open an account; the initial password must be changed at first sign-in. */
export function UserCreateForm({
  offices,
  onCreated,
  onCancel,
}: {
  offices: Office[];
  onCreated: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [values, setValues] = useState<UserCreateInput>({
    username: '',
    displayName: '',
    role: 'caseworker',
    officeId: '',
    locale: currentLocale(),
    password: '',
  });
  const [submitted, setSubmitted] = useState(false);
  const server = useServerErrors(FIELDS, (tr, error) =>
    error instanceof ApiError && error.status === 409 ? { username: tr('users.usernameTaken') } : {},
  );

  const problems = submitted ? validate(values) : {};
  const errorFor = (field: Field) => {
    const key = problems[field];
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
    const found = validate(values);
    const first = FIELDS.find((f) => f in found);
    if (first) {
      document.getElementById(id(first))?.focus();
      return;
    }
    create.mutate(
      { ...values, username: values.username.trim(), displayName: values.displayName.trim() },
      {
        onSuccess: onCreated,
        onError: (error) => {
          const first = server.report(error);
          if (first) document.getElementById(id(first))?.focus();
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-user-title">
      <Title order={2} size="h4" mb="sm" id="new-user-title">
        {t('users.addTitle')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {create.isError && !server.hasFieldErrors && (
            <Alert color="red" role="alert">
              {apiErrorMessage(t, create.error)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              id={id('username')}
              label={t('users.username')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              value={values.username}
              onChange={set('username')}
              error={errorFor('username')}
              required
              autoFocus
            />
            <TextInput
              id={id('displayName')}
              label={t('users.displayName')}
              autoComplete="off"
              value={values.displayName}
              onChange={set('displayName')}
              error={errorFor('displayName')}
              required
            />
            <NativeSelect
              id={id('role')}
              label={t('users.role')}
              value={values.role}
              onChange={set('role')}
              error={errorFor('role')}
              data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            />
            <NativeSelect
              id={id('officeId')}
              label={t('users.office')}
              value={values.officeId}
              onChange={set('officeId')}
              error={errorFor('officeId')}
              required
              data={[
                { value: '', label: t('users.chooseOffice'), disabled: true },
                ...offices.map((o) => ({ value: o.id, label: o.name })),
              ]}
            />
            <NativeSelect
              id={id('locale')}
              label={t('users.locale')}
              value={values.locale}
              onChange={set('locale')}
              error={errorFor('locale')}
              data={LOCALES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
            />
            <PasswordField
              id={id('password')}
              label={t('users.password')}
              description={t('users.passwordHint')}
              autoComplete="new-password"
              value={values.password}
              onChange={set('password')}
              error={errorFor('password')}
              required
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
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
