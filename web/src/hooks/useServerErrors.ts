import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverFieldErrors } from '../i18n/messages.ts';

/** Extra error → field mapping a form adds (e.g. 401 `invalid_credentials` → currentPassword). */
export type ExtraFieldErrors<F extends string> = (t: TFunction, error: unknown) => Partial<Record<F, string>>;

/**
 * Server-side field errors of a form. Keeps the error itself (not translated text) so messages
 * follow a language switch, and hides a field's message once the user edits that field.
 */
export function useServerErrors<F extends string>(fields: readonly F[], extra?: ExtraFieldErrors<F>) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ error: unknown; edited: ReadonlySet<F> }>({
    error: null,
    edited: new Set(),
  });

  const messagesFor = (error: unknown): Partial<Record<F, string>> => ({
    ...serverFieldErrors(t, error, fields),
    ...extra?.(t, error),
  });

  const all = messagesFor(state.error);
  const messages: Partial<Record<F, string>> = {};
  for (const f of fields) if (all[f] && !state.edited.has(f)) messages[f] = all[f];

  return {
    /** Current message per field (translated now, in the current language). */
    messages,
    /** True when the last error was explained on at least one field. */
    hasFieldErrors: fields.some((f) => all[f]),
    /** Record a failed submit; returns the first field with a message, to move focus there. */
    report: (error: unknown): F | undefined => {
      setState({ error, edited: new Set() });
      const now = messagesFor(error);
      return fields.find((f) => now[f]);
    },
    /** The user changed `field`: its server message no longer applies. */
    edited: (field: F) =>
      setState((s) => (s.edited.has(field) ? s : { ...s, edited: new Set([...s.edited, field]) })),
    /** Forget everything (after success). */
    clear: () => setState({ error: null, edited: new Set() }),
  };
}
