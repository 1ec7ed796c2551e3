import { useState } from 'react';

/**
 * "Validate as the user types" without scolding too early: a field's problem shows once the field
 * was left (blur) or a save was tried, and from then on it follows every keystroke.
 */
export function useTouched<F extends string>() {
  const [touched, setTouched] = useState<ReadonlySet<F>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  return {
    /** Whether `field`'s client-side problem should be on screen now. */
    visible: (field: F) => submitted || touched.has(field),
    /** The user left `field` (call from onBlur). */
    touch: (field: F) => setTouched((s) => (s.has(field) ? s : new Set([...s, field]))),
    /** A save was tried: every problem shows. */
    submit: () => setSubmitted(true),
  };
}
