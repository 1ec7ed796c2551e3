import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerErrors } from '../../hooks/useServerErrors.ts';
import { caseFieldErrors, isVersionConflict } from './errors.ts';
import { reapply, type Problems } from './validation.ts';

/** Options of one case form. */
export interface CaseFormOptions<V extends object, F extends keyof V & string> {
  /** Prefix of the inputs' ids (`<id>-<field>`), used to move focus to the first problem. */
  id: string;
  initial: V;
  /** The version read, for edits of versioned records. */
  version?: number;
  fields: readonly F[];
  /** Client checks; `base` is what was loaded. */
  validate: (values: V, base: V) => Problems<F>;
  /** API error codes (422) or request field names (400) that belong to a form field. */
  fieldOf?: Partial<Record<string, F>>;
}

/** The fields of a form whose values are text (what a text input or a native select edits). */
type TextField<V, F extends keyof V> = { [K in F]: V[K] extends string ? K : never }[F];

/** What the latest stored version looks like as form values, for "reload and re-apply". */
export type Latest<V> = { values: V; version: number } | null;

/**
 * State of one case form: values as typed (never lost on failure), checks as the user types
 * (shown once a field is touched, all of them after a submit), API errors mapped onto fields,
 * and the 409 path: reload the latest version and re-apply the user's own changes on top.
 */
export function useCaseForm<V extends object, F extends keyof V & string>(opts: CaseFormOptions<V, F>) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(opts.initial);
  const [base, setBase] = useState<V>(opts.initial);
  const [version, setVersion] = useState<number | undefined>(opts.version);
  const [touched, setTouched] = useState<ReadonlySet<F>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState<'reapplied' | 'gone' | null>(null);
  const [otherError, setOtherError] = useState<unknown>(null);
  const [reloading, setReloading] = useState(false);
  const [pending, setPending] = useState(false);

  const extra = (tt: TFunction, error: unknown) => caseFieldErrors(tt, error, opts.fields, opts.fieldOf);
  const server = useServerErrors<F>(opts.fields, extra);

  const problems = opts.validate(values, base);
  const fieldId = (field: F) => `${opts.id}-${field}`;

  /** The message under a field: the client check once touched, else the server's answer. */
  const error = (field: F): string | undefined => {
    const found = submitted || touched.has(field) ? problems[field] : undefined;
    return found ? t(found.key, found.values) : server.messages[field];
  };

  /** Change one field (marks it touched; its old server message no longer applies). */
  const set = <K extends F>(field: K, value: V[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setTouched((s) => (s.has(field) ? s : new Set([...s, field])));
    server.edited(field);
  };

  /** What a text input or native select takes from the form for one field, so each is wired alike. */
  const inputProps = (field: TextField<V, F>) => ({
    id: fieldId(field),
    value: values[field] as string,
    onChange: (e: { currentTarget: { value: string } }) =>
      set(field, e.currentTarget.value as V[typeof field]),
    error: error(field),
  });

  const focus = (field: F) => {
    const el = document.getElementById(fieldId(field));
    el?.focus();
  };

  /**
   * Check, then run the request with the values and version; on failure keep what was typed and
   * explain it (on the field, as a conflict, or above the form). Resolves true on success.
   */
  const submit = async (
    run: (values: V, version: number | undefined) => Promise<unknown>,
  ): Promise<boolean> => {
    setSubmitted(true);
    setNotice(null);
    setOtherError(null);
    const first = opts.fields.find((f) => problems[f]);
    if (first) {
      focus(first);
      return false;
    }
    setPending(true);
    try {
      await run(values, version);
      server.clear();
      setSubmitted(false);
      setTouched(new Set());
      setConflict(false);
      return true;
    } catch (caught) {
      if (isVersionConflict(caught)) {
        setConflict(true);
        return false;
      }
      const firstServer = server.report(caught);
      if (firstServer) focus(firstServer);
      else setOtherError(caught);
      return false;
    } finally {
      setPending(false);
    }
  };

  /** After a 409: load the latest version and put the user's own changes back on top of it. */
  const reloadAndReapply = async (load: () => Promise<Latest<V>>) => {
    setReloading(true);
    setOtherError(null);
    try {
      const latest = await load();
      setConflict(false);
      server.clear();
      if (!latest) {
        setNotice('gone');
        return;
      }
      setValues((typed) => reapply(base, typed, latest.values));
      setBase(latest.values);
      setVersion(latest.version);
      setNotice('reapplied');
    } catch (caught) {
      setOtherError(caught);
    } finally {
      setReloading(false);
    }
  };

  /** Start again from stored values (after a successful save of a create form, or on cancel). */
  const reset = (next: V, nextVersion?: number) => {
    setValues(next);
    setBase(next);
    setVersion(nextVersion);
    setTouched(new Set());
    setSubmitted(false);
    setConflict(false);
    setNotice(null);
    setOtherError(null);
    server.clear();
  };

  return {
    values,
    setValues,
    base,
    version,
    set,
    error,
    fieldId,
    inputProps,
    submit,
    pending,
    reset,
    reloadAndReapply,
    conflict,
    notice,
    otherError,
    reloading,
    hasProblems: opts.fields.some((f) => problems[f]),
  };
}

/** The state a form hands to <FormAlerts>. */
export type CaseFormState = Pick<
  ReturnType<typeof useCaseForm>,
  'conflict' | 'notice' | 'otherError' | 'reloading'
>;
