import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { type ExtraFieldErrors, useServerErrors } from '../../hooks/useServerErrors.ts';
import { mergeLatest } from './merge.ts';
import { useTouched } from './useTouched.ts';

/**
 * The save path the admin forms share: problems shown once a field was left, server errors on
 * their fields, nothing typed lost on failure, and after a 409 the latest version merged under
 * the user's edits (with the fields someone else changed marked).
 */
export function useMergingForm<V extends object, F extends keyof V & string>(opts: {
  initial: V;
  /** The version the form was opened at (0 for a new record). */
  version: number;
  fields: readonly F[];
  fieldId: (field: F) => string;
  extraErrors?: ExtraFieldErrors<F>;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<V>(opts.initial);
  const [base, setBase] = useState<V>(opts.initial);
  const [version, setVersion] = useState(opts.version);
  const touched = useTouched<F>();
  const server = useServerErrors(opts.fields, opts.extraErrors);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [merged, setMerged] = useState<{ changed: F[]; clashes: F[] } | null>(null);
  const [otherError, setOtherError] = useState<unknown>(null);

  const focus = (field: F) => document.getElementById(opts.fieldId(field))?.focus();

  /** Before a save: every problem shows and the first gets focus; true when the request may go. */
  const check = (problems: Partial<Record<F, unknown>>): boolean => {
    touched.submit();
    setOtherError(null);
    const first = opts.fields.find((f) => f in problems);
    if (first) {
      focus(first);
      return false;
    }
    return true;
  };

  /** A failed save: a 409 offers the merge, a field's error lands on it, the rest above the form. */
  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'version_conflict') {
      setConflict(true);
      return;
    }
    const firstServer = server.report(error);
    if (firstServer) focus(firstServer);
    else setOtherError(error);
  };

  /** After a 409: load the latest version (as form values) and merge it under the user's edits. */
  const reload = async (load: () => Promise<{ values: V; version: number }>) => {
    setReloading(true);
    setOtherError(null);
    try {
      const latest = await load();
      const result = mergeLatest(base, values, latest.values);
      setValues(result.values);
      setBase(latest.values);
      setVersion(latest.version);
      setMerged({ changed: result.theirChanges as F[], clashes: result.clashes as F[] });
      setConflict(false);
      server.clear();
    } catch (error) {
      setOtherError(error);
    } finally {
      setReloading(false);
    }
  };

  /** A field's description after a merge: whether someone else changed it, else its usual hint. */
  const mergeNote = (field: F, hint?: string) => {
    if (merged?.clashes.includes(field)) return t('admin.conflict.fieldClash');
    if (merged?.changed.includes(field)) return t('admin.conflict.fieldChanged');
    return hint;
  };

  return {
    values,
    setValues,
    version,
    touched,
    server,
    conflict,
    reloading,
    merged,
    otherError,
    check,
    failed,
    reload,
    mergeNote,
  };
}
