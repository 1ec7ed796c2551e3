import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/ScrollTable.tsx';
import { fetchHousehold, useHouseholdMutations } from './api.ts';
import { CaseForm, FormActions } from './CaseForm.tsx';
import { HOUSEHOLD_RELATIONSHIPS, SEXES, WHEREABOUTS } from './codes.ts';
import { caseErrorMessage } from './errors.ts';
import { FormAlerts } from './FormAlerts.tsx';
import {
  EMPTY_MEMBER,
  MEMBER_FIELDS,
  memberBody,
  memberPatch,
  memberToForm,
  validateMember,
  type MemberField,
  type MemberFormValues,
} from './forms.ts';
import { CountrySelect } from './inputs.tsx';
import { countryName } from './labels.ts';
import { QUIET, SectionHeader } from './SectionHeader.tsx';
import type { CaseDetail, HouseholdMember, HouseholdMemberInput } from './types.ts';
import { useCaseForm } from './useCaseForm.ts';

function MemberForm({
  caseId,
  member,
  onDone,
}: {
  caseId: string;
  member?: HouseholdMember;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const mutations = useHouseholdMutations(caseId);
  const form = useCaseForm<MemberFormValues, MemberField>({
    id: member ? `member-${member.id}` : 'member-new',
    initial: member ? memberToForm(member) : EMPTY_MEMBER,
    version: member?.version,
    fields: MEMBER_FIELDS,
    validate: (v, base) => validateMember(v, member ? base : undefined),
  });
  const v = form.values;
  const text = form.inputProps;

  const save = async () => {
    const ok = await form.submit((values, version) =>
      member
        ? mutations.update.mutateAsync({
            memberId: member.id,
            body: memberPatch(form.base, values, version!),
          })
        : mutations.add.mutateAsync(memberBody(values) as unknown as HouseholdMemberInput),
    );
    if (ok) onDone();
  };

  const reload = () =>
    void form.reloadAndReapply(async () => {
      const latest = (await fetchHousehold(caseId)).find((m) => m.id === member?.id);
      return latest ? { values: memberToForm(latest), version: latest.version } : null;
    });

  return (
    <CaseForm frame="md" onSubmit={save}>
      <Stack gap="sm">
        <Text fw={600}>{member ? t('cases.household.editTitle') : t('cases.household.addTitle')}</Text>
        <FormAlerts form={form} onReload={member ? reload : undefined} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput label={t('cases.household.name')} required maxLength={120} {...text('name')} />
          <NativeSelect
            label={t('cases.household.relationship')}
            required
            data={HOUSEHOLD_RELATIONSHIPS.map((r) => ({
              value: r,
              label: t(`casesCodes.relationship.${r}`),
            }))}
            {...text('relationship')}
          />
          <NativeSelect
            label={t('cases.household.sex')}
            data={[
              { value: '', label: t('cases.notKnown') },
              ...SEXES.map((s) => ({ value: s, label: t(`casesCodes.sex.${s}`) })),
            ]}
            {...text('sex')}
          />
          <TextInput label={t('cases.household.age')} inputMode="numeric" maxLength={3} {...text('age')} />
          <NativeSelect
            label={t('cases.household.whereNow')}
            required
            data={WHEREABOUTS.map((w) => ({ value: w, label: t(`casesCodes.whereabouts.${w}`) }))}
            {...text('whereNow')}
          />
          <CountrySelect
            id={form.fieldId('country')}
            label={t('cases.household.country')}
            value={v.country}
            onChange={(value) => form.set('country', value)}
            error={form.error('country')}
            allowEmpty
          />
          <TextInput label={t('cases.household.withWhom')} maxLength={200} {...text('withWhom')} />
          <Checkbox
            id={form.fieldId('caresForChildren')}
            mt={{ base: 0, sm: 'xl' }}
            label={t('cases.household.caresForChildren')}
            checked={v.caresForChildren}
            onChange={(e) => form.set('caresForChildren', e.currentTarget.checked)}
          />
        </SimpleGrid>
        <FormActions
          label={member ? t('cases.save') : t('cases.household.add')}
          pending={form.pending}
          disabled={form.notice === 'gone'}
          onCancel={onDone}
        />
      </Stack>
    </CaseForm>
  );
}

/** The household: who lives with the beneficiary or is away (add, edit, remove with `case:write`). */
export function HouseholdSection({ c, showName }: { c: CaseDetail; showName: boolean }) {
  const { t, i18n } = useTranslation();
  const mutations = useHouseholdMutations(c.id);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const canWrite = c.abilities.includes('case:write');
  const editingMember = c.household.find((m) => m.id === editing);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="household-title">
      <SectionHeader
        title={t('cases.household.title')}
        titleId="household-title"
        mb="sm"
        action={
          canWrite &&
          editing === null && { label: t('cases.household.add'), onClick: () => setEditing('new'), ...QUIET }
        }
      />
      <Stack gap="sm">
        {editing === 'new' && <MemberForm caseId={c.id} onDone={() => setEditing(null)} />}
        {editingMember && (
          <MemberForm
            key={editingMember.id}
            caseId={c.id}
            member={editingMember}
            onDone={() => setEditing(null)}
          />
        )}
        {mutations.remove.isError && (
          <Alert color="red" role="alert">
            {caseErrorMessage(t, mutations.remove.error)}
          </Alert>
        )}
        {c.household.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('cases.household.empty')}
          </Text>
        ) : (
          <ScrollTable label={t('cases.household.tableLabel')} minWidth={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.household.name')}</Table.Th>
                <Table.Th scope="col">{t('cases.household.relationship')}</Table.Th>
                <Table.Th scope="col">{t('cases.household.age')}</Table.Th>
                <Table.Th scope="col">{t('cases.household.whereNow')}</Table.Th>
                <Table.Th scope="col">{t('cases.household.withWhom')}</Table.Th>
                {canWrite && <Table.Th scope="col">{t('cases.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.household.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    {showName ? (
                      m.name
                    ) : (
                      <Text span size="sm" c="dimmed" fs="italic">
                        {t('cases.hiddenShort')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {t(`casesCodes.relationship.${m.relationship}`)}
                    {m.sex ? ` · ${t(`casesCodes.sex.${m.sex}`)}` : ''}
                    {m.caresForChildren ? ` · ${t('cases.household.caresShort')}` : ''}
                  </Table.Td>
                  <Table.Td>{m.age ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    {t(`casesCodes.whereabouts.${m.whereNow}`)}
                    {m.country ? ` · ${countryName(m.country, i18n.language)}` : ''}
                  </Table.Td>
                  <Table.Td>{m.withWhom ?? t('common.none')}</Table.Td>
                  {canWrite && (
                    <Table.Td>
                      {removing === m.id ? (
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="xs"
                            color="red"
                            loading={mutations.remove.isPending}
                            onClick={() =>
                              mutations.remove.mutate(m.id, { onSuccess: () => setRemoving(null) })
                            }
                          >
                            {t('cases.household.confirmRemove')}
                          </Button>
                          <Button size="xs" variant="default" onClick={() => setRemoving(null)}>
                            {t('common.cancel')}
                          </Button>
                        </Group>
                      ) : (
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => setEditing(m.id)}
                            disabled={editing !== null}
                          >
                            {t('cases.edit')}
                          </Button>
                          <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(m.id)}>
                            {t('cases.remove')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </Stack>
    </Paper>
  );
}
