import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ValidationIssue } from '../../api/client.ts';
import { useCan, useSession } from '../../api/auth.ts';
import { useAllOffices } from '../../api/offices.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { issueMessage } from '../../i18n/messages.ts';
import { useCreateCase, useCreateEpisode } from './api.ts';
import { ConsentStep } from './ConsentStep.tsx';
import { DuplicateWarning } from './DuplicateWarning.tsx';
import { findPossibleDuplicates, matchKey, type MatchQuery } from './duplicates.ts';
import { EpisodeStep } from './EpisodeStep.tsx';
import { HouseholdStep } from './HouseholdStep.tsx';
import { PersonStep } from './PersonStep.tsx';
import type { PersonMatch } from '../duplicates/types.ts';
import {
  STEPS,
  caseBody,
  channelForOfficeKind,
  emptyWizard,
  episodeBody,
  personBody,
  fieldId,
  firstStepWith,
  serverProblems,
  stepOf,
  validateStep,
  type Problems,
  type Step,
  type WizardValues,
} from './wizard.ts';
import './styles.ts';

/** Move focus to a field's input (or the first input inside a group such as checkboxes). */
function focusField(path: string): void {
  const el = document.getElementById(fieldId(path));
  if (!el) return;
  const target = el.matches('input, select, textarea, button')
    ? el
    : el.querySelector<HTMLElement>('input, select, textarea, button');
  target?.focus();
  target?.scrollIntoView({ block: 'center' });
}

/** What the duplicate check found for the person as typed; `failed` when it could not run. */
interface DuplicateCheck {
  key: string;
  matches: PersonMatch[];
  acknowledged: boolean;
  failed?: boolean;
}

/** The person as they would be created, with the household named so far: what the matcher compares. */
const matchQueryOf = (v: WizardValues): MatchQuery => ({
  ...personBody(v.person),
  householdNames: v.household.map((m) => m.name),
});

/**
 * The new-case wizard (/cases/new): person → household → first migration episode → case and
 * consent. Everything typed stays in one state across steps; before a new person is created it
 * warns about people who may already be registered; it creates the case (person, household and
 * consent inline), then the episode, then opens the case. A failed save sends the worker to the
 * step and field the server named, with nothing lost; if only the episode failed, the case is
 * kept and only the episode is sent again.
 */
export function NewCasePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const can = useCan();
  const navigate = useNavigate();
  const offices = useAllOffices();
  const createCase = useCreateCase();
  const createEpisode = useCreateEpisode();

  const [values, setValues] = useState<WizardValues>(() => emptyWizard());
  const [stepIndex, setStepIndex] = useState(0);
  const [reached, setReached] = useState(0);
  const [client, setClient] = useState<Problems>({});
  const [server, setServer] = useState<Record<string, ValidationIssue>>({});
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [otherError, setOtherError] = useState<unknown>(null);
  const [dup, setDup] = useState<DuplicateCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [created, setCreated] = useState<{ id: string; number: string } | null>(null);
  const [done, setDone] = useState<{ id: string; number: string } | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const defaultsApplied = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(0);

  const step: Step = STEPS[stepIndex] ?? 'person';

  // The worker's own office and the channel that fits it, once the offices are known.
  useEffect(() => {
    if (defaultsApplied.current || !offices.data) return;
    defaultsApplied.current = true;
    const mine = offices.data.find((o) => o.id === user.officeId);
    setValues((v) => ({
      ...v,
      kase: {
        ...v.kase,
        officeId: v.kase.officeId || (mine && mine.kind !== 'hotline' ? mine.id : ''),
        intakeChannel: v.kase.intakeChannel || channelForOfficeKind(mine?.kind) || '',
      },
    }));
  }, [offices.data, user.officeId]);

  // After a step change, focus the field to fix or the step's heading (screen readers hear where they are).
  useEffect(() => {
    const stepChanged = shownStep.current !== stepIndex;
    shownStep.current = stepIndex;
    if (focusTarget) {
      focusField(focusTarget);
      setFocusTarget(null);
    } else if (stepChanged) {
      headingRef.current?.focus();
    }
  }, [stepIndex, focusTarget]);

  const markEdited = (paths: string[]) => {
    setEdited((s) => new Set([...s, ...paths]));
    setClient((c) => {
      if (!paths.some((p) => p in c)) return c;
      const next = { ...c };
      for (const p of paths) delete next[p];
      return next;
    });
  };

  const setPart =
    <K extends 'person' | 'episode' | 'kase'>(part: K) =>
    (patch: Partial<WizardValues[K]>) => {
      setValues((v) => ({ ...v, [part]: { ...v[part], ...patch } }));
      markEdited(Object.keys(patch).map((k) => `${part}.${k}`));
    };

  const err = (path: string): string | undefined => {
    const problem = client[path];
    if (problem) return t(problem);
    const issue = server[path];
    if (!issue || edited.has(path)) return undefined;
    return issue.code === 'forbidden_office' ? t('intake.problems.officeForbidden') : issueMessage(t, issue);
  };

  const goTo = (index: number, focus: string | null = null) => {
    setStepIndex(index);
    setReached((r) => Math.max(r, index));
    setFocusTarget(focus);
  };

  // Without access to persons there is nothing to match against; the office that works the case checks.
  const canMatch = can('person:read');

  /**
   * Looks for the person among those registered; true when the wizard may go on. A check that
   * cannot run does not hold intake up: the wizard goes on and says so quietly.
   */
  const checkDuplicates = async (force = false): Promise<boolean> => {
    if (!canMatch) return true;
    const query = matchQueryOf(values);
    const key = matchKey(query);
    if (!force && dup && dup.key === key && (dup.matches.length === 0 || dup.acknowledged)) return true;
    setChecking(true);
    try {
      const matches = await findPossibleDuplicates(query);
      setDup({ key, matches, acknowledged: false });
      if (matches.length > 0) requestAnimationFrame(() => document.getElementById('wiz-duplicates')?.focus());
      return matches.length === 0;
    } catch {
      setDup({ key, matches: [], acknowledged: true, failed: true });
      return true;
    } finally {
      setChecking(false);
    }
  };

  const checkAgain = async () => {
    if (!(await checkDuplicates(true)) && stepIndex !== 0) goTo(0);
  };

  const reportServer = (error: unknown, request: 'case' | 'episode') => {
    const problems = serverProblems(error, request);
    setServer(problems);
    setEdited(new Set());
    const paths = Object.keys(problems);
    const target = request === 'episode' ? 'episode' : firstStepWith(paths);
    if (paths.length === 0) setOtherError(error);
    if (target) goTo(STEPS.indexOf(target), paths.find((p) => stepOf(p) === target) ?? null);
  };

  const finish = (c: { id: string; number: string }) => {
    if (can('case:read')) navigate(`/cases/${c.id}`);
    else setDone(c);
  };

  const submit = async () => {
    for (const s of STEPS) {
      const problems = validateStep(s, values);
      const paths = Object.keys(problems);
      if (paths.length > 0) {
        setClient(problems);
        goTo(STEPS.indexOf(s), paths[0] ?? null);
        return;
      }
    }
    setOtherError(null);
    let kase = created;
    if (!kase) {
      try {
        const res = await createCase.mutateAsync(caseBody(values));
        kase = { id: res.case.id, number: res.case.number };
        setCreated(kase);
      } catch (error) {
        reportServer(error, 'case');
        return;
      }
    }
    const episode = episodeBody(values.episode);
    if (episode) {
      try {
        await createEpisode.mutateAsync({ caseId: kase.id, body: episode });
      } catch (error) {
        reportServer(error, 'episode');
        return;
      }
    }
    finish(kase);
  };

  const next = async () => {
    setOtherError(null);
    const problems = validateStep(step, values);
    setClient(problems);
    const first = Object.keys(problems)[0];
    if (first) {
      focusField(first);
      return;
    }
    if (step === 'person' && !created && !(await checkDuplicates())) return;
    if (stepIndex === STEPS.length - 1 || (created && step === 'episode')) {
      await submit();
      return;
    }
    goTo(stepIndex + 1);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void next();
  };

  const acknowledge = () => {
    setDup((d) => (d ? { ...d, acknowledged: true } : d));
    goTo(stepIndex + 1);
  };

  if (done) {
    return (
      <Stack>
        <PageTitle>{t('intake.title')}</PageTitle>
        <Alert color="green" title={t('intake.done.title', { number: done.number })} role="status">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('intake.done.noAccess')}</Text>
            <Button
              variant="default"
              onClick={() => {
                setValues(
                  emptyWizard({
                    officeId: values.kase.officeId,
                    intakeChannel: values.kase.intakeChannel || undefined,
                  }),
                );
                setCreated(null);
                setDone(null);
                setDup(null);
                setStepIndex(0);
                setReached(0);
              }}
            >
              {t('intake.done.another')}
            </Button>
          </Stack>
        </Alert>
      </Stack>
    );
  }

  const saving = createCase.isPending || createEpisode.isPending;
  const last = stepIndex === STEPS.length - 1;
  const dupShown =
    step === 'person' && dup && dup.key === matchKey(matchQueryOf(values)) && !dup.acknowledged;
  const checkSkipped = !created && dup?.failed === true;
  const stepTitle = t(`intake.steps.${step}`);

  return (
    <Stack gap="md">
      <PageTitle>{t('intake.title')}</PageTitle>
      <nav aria-label={t('intake.stepsLabel')}>
        <Group component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} wrap="wrap">
          {STEPS.map((s, i) => {
            const current = i === stepIndex;
            const locked = created !== null && s !== 'episode' && s !== 'consent';
            return (
              <li key={s}>
                <Button
                  size="xs"
                  variant={current ? 'filled' : i <= reached ? 'light' : 'default'}
                  disabled={(i > reached && !current) || locked}
                  aria-current={current ? 'step' : undefined}
                  onClick={() => goTo(i)}
                >
                  {`${i + 1}. ${t(`intake.steps.${s}`)}`}
                </Button>
              </li>
            );
          })}
        </Group>
      </nav>
      {created && (
        <Alert color="blue" role="status" title={t('intake.created.title', { number: created.number })}>
          {t('intake.created.episodeLeft')}
        </Alert>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="wizard-step-title">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <Title order={2} size="h3" id="wizard-step-title" ref={headingRef} tabIndex={-1}>
              {stepTitle}
            </Title>
            {otherError != null && <ErrorAlert error={otherError} />}
            {checkSkipped && (
              <Group gap="xs" role="status" data-testid="duplicate-check-skipped">
                <Text size="sm" c="dimmed">
                  {t('intake.duplicates.checkSkipped')}
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => void checkAgain()}
                  loading={checking}
                >
                  {t('intake.duplicates.checkAgain')}
                </Button>
              </Group>
            )}
            {step === 'person' && <PersonStep values={values.person} set={setPart('person')} err={err} />}
            {step === 'household' && (
              <HouseholdStep
                members={values.household}
                onChange={(household, changed) => {
                  setValues((v) => ({ ...v, household }));
                  if (changed) markEdited([changed]);
                }}
                err={err}
              />
            )}
            {step === 'episode' && <EpisodeStep values={values.episode} set={setPart('episode')} err={err} />}
            {step === 'consent' && <ConsentStep values={values.kase} set={setPart('kase')} err={err} />}
            {dupShown && dup.matches.length > 0 && (
              <DuplicateWarning matches={dup.matches} onContinue={acknowledge} />
            )}
            <Group justify="space-between">
              <Button
                variant="default"
                onClick={() => goTo(stepIndex - 1)}
                disabled={stepIndex === 0 || (created !== null && step === 'episode')}
              >
                {t('intake.back')}
              </Button>
              <Button type="submit" loading={saving || checking}>
                {created ? t('intake.saveEpisode') : last ? t('intake.create') : t('intake.next')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
