import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useServerErrors } from '../../hooks/useServerErrors.ts';
import { useFormat } from '../../i18n/format.ts';
import { apiErrorMessage } from '../../i18n/messages.ts';
import { isCode, SEXES, type ReferralStatus } from '../cases/codes.ts';
import {
  isStaffView,
  markReferralsStale,
  reloadReferral,
  type PartnerReferral,
  useUpdateReferral,
} from './api.ts';
import {
  ageBandLabel,
  type AnswerStatus,
  NOTE_MAX,
  nextActions,
  noteProblem,
  noteToSend,
} from './referralActions.ts';

/** Badge colour per status: new work stands out, finished work is quiet. */
const STATUS_COLOR: Record<ReferralStatus, string> = {
  sent: 'blue',
  accepted: 'teal',
  completed: 'gray',
  declined: 'red',
};

/** A referral's status as a translated badge (used in the card and nowhere else yet). */
function StatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      size="lg"
      radius="sm"
      style={{ flexShrink: 0 }}
      miw="max-content"
    >
      {t(`partner.status.${status}`)}
    </Badge>
  );
}

/** One labelled value of the shared snapshot, as a <dt>/<dd> pair. */
function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/**
 * One referral: what the caseworker shared (and nothing else — the API gives a partner no more),
 * and, for the receiving organisation, the answers its status allows with an optional note.
 * A stale version (409) offers a reload that keeps the typed note.
 */
export function ReferralCard({
  referral,
  canAnswer,
  placeName,
}: {
  referral: PartnerReferral;
  canAnswer: boolean;
  placeName: (code: string) => string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const titleId = useId();
  const noteId = useId();
  const update = useUpdateReferral();
  const server = useServerErrors(['partnerNote'] as const);
  const [note, setNote] = useState(referral.partnerNote ?? '');
  const [noteEdited, setNoteEdited] = useState(false);
  const [pending, setPending] = useState<AnswerStatus | null>(null);
  const [confirmDecline, setConfirmDecline] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [notice, setNotice] = useState<'reloaded' | AnswerStatus | null>(null);
  const [otherError, setOtherError] = useState<unknown>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  const { shared } = referral;
  const actions = canAnswer ? nextActions(referral.status) : [];
  const localProblem = noteProblem(note);
  const noteError =
    (noteEdited && localProblem ? t(localProblem, { max: fmt.number(NOTE_MAX) }) : undefined) ??
    server.messages.partnerNote;

  const answer = (status: AnswerStatus) => {
    setNotice(null);
    setOtherError(null);
    if (localProblem) {
      setNoteEdited(true);
      document.getElementById(noteId)?.focus();
      return;
    }
    setPending(status);
    update.mutate(
      {
        id: referral.id,
        body: { status, version: referral.version, partnerNote: noteToSend(note, referral.partnerNote) },
      },
      {
        onSuccess: ({ referral: saved }) => {
          setConfirmDecline(false);
          setConflict(false);
          server.clear();
          setNote(saved.partnerNote ?? '');
          setNotice(status);
          markReferralsStale();
        },
        onError: (error) => {
          // A stale version, or a move that is no longer possible: someone answered first.
          if (
            error instanceof ApiError &&
            (error.code === 'version_conflict' || error.code === 'transition_not_allowed')
          ) {
            setConflict(true);
            return;
          }
          if (server.report(error)) document.getElementById(noteId)?.focus();
          else setOtherError(error);
        },
        onSettled: () => setPending(null),
      },
    );
  };

  const reload = async () => {
    setReloading(true);
    setOtherError(null);
    try {
      await reloadReferral(referral.id);
      setConflict(false);
      setConfirmDecline(false);
      setNotice('reloaded');
    } catch (error) {
      setOtherError(error);
    } finally {
      setReloading(false);
    }
  };

  const details: { label: string; value: ReactNode }[] = [];
  if (shared.sex)
    details.push({
      label: t('partner.sex'),
      value: isCode(SEXES, shared.sex) ? t(`partner.sexes.${shared.sex}`) : shared.sex,
    });
  if (shared.ageBand)
    details.push({
      label: t('partner.age'),
      value: t('partner.ageBand', { band: ageBandLabel(shared.ageBand) }),
    });
  if (shared.phone)
    details.push({
      label: t('partner.phone'),
      value: <Anchor href={`tel:${shared.phone}`}>{shared.phone}</Anchor>,
    });
  if (shared.originRegion)
    details.push({ label: t('partner.originRegion'), value: placeName(shared.originRegion) });

  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} miw={0}>
            <Title order={2} size="h4" id={titleId} style={{ overflowWrap: 'anywhere' }}>
              {shared.displayName}
            </Title>
            <Text size="sm" c="dimmed">
              {referral.serviceName}
            </Text>
          </Stack>
          <StatusBadge status={referral.status} />
        </Group>

        <Text size="sm" c="dimmed">
          {t('partner.received', { date: fmt.date(referral.createdAt) })}
          {referral.updatedAt !== referral.createdAt &&
            ` · ${t('partner.updated', { date: fmt.date(referral.updatedAt) })}`}
          {isStaffView(referral) &&
            ` · ${t('partner.staffLine', { number: referral.caseNumber, organisation: referral.organisationName })}`}
        </Text>

        <Stack gap="xs" component="dl" m={0}>
          <Detail label={t('partner.needs')}>{shared.needs}</Detail>
          <Detail label={t('partner.reason')}>{referral.reason}</Detail>
        </Stack>
        {details.length > 0 && (
          // Short facts side by side: the card stays short on a phone and on a wide screen.
          <SimpleGrid component="dl" m={0} cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing="xs">
            {details.map((d) => (
              <Detail key={d.label} label={d.label}>
                {d.value}
              </Detail>
            ))}
          </SimpleGrid>
        )}
        {referral.partnerNote && (!canAnswer || actions.length === 0) && (
          <Stack component="dl" m={0}>
            <Detail label={canAnswer ? t('partner.yourNote') : t('partner.noteFromPartner')}>
              {referral.partnerNote}
            </Detail>
          </Stack>
        )}
        {details.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('partner.nothingElseShared')}
          </Text>
        )}

        {notice && (
          <Alert color={notice === 'reloaded' ? 'blue' : 'green'} role="status" p="xs">
            {notice === 'reloaded' ? t('partner.reloaded') : t(`partner.answered.${notice}`)}
          </Alert>
        )}
        {conflict && (
          <Alert color="orange" role="alert" title={t('partner.conflictTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('partner.conflictBody')}</Text>
              <Button size="xs" variant="default" onClick={() => void reload()} loading={reloading}>
                {t('partner.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        {otherError != null && (
          <Alert color="red" role="alert">
            {apiErrorMessage(t, otherError)}
          </Alert>
        )}

        {actions.length > 0 && (
          <Stack gap="xs">
            <Textarea
              id={noteId}
              label={t('partner.note')}
              description={t('partner.noteHint', { max: fmt.number(NOTE_MAX) })}
              value={note}
              onChange={(e) => {
                setNote(e.currentTarget.value);
                setNoteEdited(true);
                server.edited('partnerNote');
              }}
              error={noteError}
              rows={2}
            />
            {confirmDecline ? (
              <Alert color="red" variant="outline" title={t('partner.declineTitle')}>
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{t('partner.declineBody')}</Text>
                  <Group gap="xs">
                    <Button
                      ref={confirmRef}
                      color="red"
                      onClick={() => answer('declined')}
                      loading={pending === 'declined'}
                    >
                      {t('partner.declineConfirm')}
                    </Button>
                    <Button variant="default" onClick={() => setConfirmDecline(false)}>
                      {t('partner.declineKeep')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            ) : (
              <Group gap="xs">
                {actions.map((status) =>
                  status === 'declined' ? (
                    <Button
                      key={status}
                      variant="default"
                      color="red"
                      disabled={pending !== null || conflict}
                      onClick={() => {
                        setConfirmDecline(true);
                        requestAnimationFrame(() => confirmRef.current?.focus());
                      }}
                    >
                      {t('partner.actions.declined')}
                    </Button>
                  ) : (
                    <Button
                      key={status}
                      onClick={() => answer(status)}
                      loading={pending === status}
                      disabled={(pending !== null && pending !== status) || conflict}
                    >
                      {t(`partner.actions.${status}`)}
                    </Button>
                  ),
                )}
              </Group>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
