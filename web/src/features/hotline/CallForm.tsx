import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../hooks/useServerErrors.ts';
import { apiErrorMessage } from '../../i18n/messages.ts';
import {
  CALL_CHANNELS,
  CALL_OUTCOMES,
  CALL_TOPICS,
  URGENCIES,
  type CallChannel,
  type Urgency,
} from '../cases/codes.ts';
import { RegionDistrictFields } from '../intake/PlaceFields.tsx';
import { normalizePhone } from '../intake/phone.ts';
import { useLogCall } from './api.ts';
import {
  CALL_FIELDS,
  EMPTY_CALL,
  callBody,
  validateCall,
  type CallField,
  type CallFormValues,
} from './callForm.ts';
import type { Call } from './types.ts';
import '../intake/styles.ts';

const id = (field: CallField) => `call-${field}`;

function focusField(field: CallField) {
  document.getElementById(id(field))?.focus();
}

/**
 * The call log form, built for speed with the keyboard: it opens focused on the first field, Tab
 * follows the conversation (line, anonymity, who, where from, topic, urgency, what was said,
 * outcome), Ctrl+Enter saves from anywhere, and after saving it is empty and focused again for
 * the next call. A failed save keeps everything typed and points at the field to fix.
 */
export function CallForm({ onSaved }: { onSaved?: (call: Call) => void }) {
  const { t } = useTranslation();
  const save = useLogCall();
  const [values, setValues] = useState<CallFormValues>(EMPTY_CALL);
  const [submitted, setSubmitted] = useState(false);
  const server = useServerErrors(CALL_FIELDS);
  const [otherError, setOtherError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // Focus after the layout has placed its own focus on <main> (it does so on every navigation).
  useEffect(() => {
    const frame = requestAnimationFrame(() => focusField('channel'));
    return () => cancelAnimationFrame(frame);
  }, []);

  const problems = submitted ? validateCall(values) : {};
  const errorFor = (field: CallField) => {
    const key = problems[field];
    return key ? t(key) : server.messages[field];
  };

  const set = <F extends CallField>(field: F, value: CallFormValues[F]) => {
    setValues((v) => ({ ...v, [field]: value }));
    server.edited(field);
    setSaved(false);
  };
  const text = (field: 'callerName' | 'callerPhone' | 'summary') => ({
    id: id(field),
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value),
    error: errorFor(field),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSubmitted(true);
    setOtherError(null);
    const found = validateCall(values);
    const first = CALL_FIELDS.find((f) => f in found);
    if (first) {
      focusField(first);
      return;
    }
    save.mutate(callBody(values), {
      onSuccess: ({ call }) => {
        setValues(EMPTY_CALL);
        setSubmitted(false);
        server.clear();
        setSaved(true);
        onSaved?.(call);
        focusField('channel');
      },
      onError: (error) => {
        const field = server.report(error);
        if (field) focusField(field);
        else setOtherError(error);
      },
    });
  };

  // Ctrl+Enter (⌘+Enter on a Mac) saves from any field. Deferred one tick so that a choice just
  // made with Enter in a picker is in the state the submit reads.
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      setTimeout(() => formRef.current?.requestSubmit(), 0);
    }
  };

  const choose = t('hotline.choose');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="call-form-title">
      <Title order={2} size="h4" mb="sm" id="call-form-title">
        {t('hotline.form.title')}
      </Title>
      <form ref={formRef} onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate>
        <Stack gap="sm">
          {otherError != null && (
            <Alert color="red" role="alert">
              {apiErrorMessage(t, otherError)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
            <NativeSelect
              id={id('channel')}
              label={t('hotline.form.channel')}
              value={values.channel}
              onChange={(e) => set('channel', e.currentTarget.value as CallChannel)}
              data={CALL_CHANNELS.map((c) => ({ value: c, label: t(`hotline.channels.${c}`) }))}
              error={errorFor('channel')}
            />
            <Switch
              id={id('anonymous')}
              label={t('hotline.form.anonymous')}
              description={t('hotline.form.anonymousHint')}
              checked={values.anonymous}
              onChange={(e) => set('anonymous', e.currentTarget.checked)}
              mt={{ base: 0, xs: 'lg' }}
            />
          </SimpleGrid>
          {!values.anonymous && (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput {...text('callerName')} label={t('hotline.form.callerName')} autoComplete="off" />
              <TextInput
                {...text('callerPhone')}
                type="tel"
                label={t('hotline.form.callerPhone')}
                description={t('intake.phoneHint')}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                onBlur={() => values.callerPhone && set('callerPhone', normalizePhone(values.callerPhone))}
                autoComplete="off"
              />
            </SimpleGrid>
          )}
          <RegionDistrictFields
            idPrefix="call-caller"
            region={values.callerRegion}
            district={values.callerDistrict}
            onChange={({ region, district }) => {
              setValues((v) => ({ ...v, callerRegion: region, callerDistrict: district }));
              server.edited('callerRegion');
              server.edited('callerDistrict');
            }}
            regionLabel={t('hotline.form.callerRegion')}
            districtLabel={t('hotline.form.callerDistrict')}
            regionError={errorFor('callerRegion')}
            districtError={errorFor('callerDistrict')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              id={id('topic')}
              label={t('hotline.form.topic')}
              value={values.topic}
              onChange={(e) => set('topic', e.currentTarget.value as CallFormValues['topic'])}
              data={[
                { value: '', label: choose },
                ...CALL_TOPICS.map((c) => ({ value: c, label: t(`hotline.topics.${c}`) })),
              ]}
              error={errorFor('topic')}
              required
            />
            <NativeSelect
              id={id('urgency')}
              label={t('hotline.form.urgency')}
              value={values.urgency}
              onChange={(e) => set('urgency', e.currentTarget.value as Urgency)}
              data={URGENCIES.map((u) => ({ value: u, label: t(`hotline.urgencies.${u}`) }))}
              error={errorFor('urgency')}
            />
          </SimpleGrid>
          <Textarea
            {...text('summary')}
            label={t('hotline.form.summary')}
            description={t('hotline.form.summaryHint')}
            rows={4}
            required
          />
          <NativeSelect
            id={id('outcome')}
            label={t('hotline.form.outcome')}
            value={values.outcome}
            onChange={(e) => set('outcome', e.currentTarget.value as CallFormValues['outcome'])}
            data={[
              { value: '', label: t('hotline.form.outcomeOpen') },
              ...CALL_OUTCOMES.filter((o) => o !== 'case_opened').map((o) => ({
                value: o,
                label: t(`hotline.outcomes.${o}`),
              })),
            ]}
            error={errorFor('outcome')}
          />
          <Group justify="space-between" align="center" wrap="nowrap">
            <Stack gap={0}>
              <Text size="sm" c="dimmed" id="call-shortcut" visibleFrom="sm">
                {t('hotline.form.shortcut')}
              </Text>
              <Text size="sm" c="green.9" fw={600} role="status" aria-live="polite">
                {saved ? t('hotline.form.saved') : ''}
              </Text>
            </Stack>
            <Button
              type="submit"
              loading={save.isPending}
              aria-describedby="call-shortcut"
              style={{ flexShrink: 0 }}
            >
              {t('hotline.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
