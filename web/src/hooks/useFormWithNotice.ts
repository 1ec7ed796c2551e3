import { useState } from 'react';

/**
 * Which record a screen's form is open for (`T`, e.g. `'new'` or the record) and the notice its
 * last save left (`N`): opening a form clears the old notice, a save closes the form and raises
 * the new one, cancelling just closes it.
 */
export function useFormWithNotice<T, N = true>() {
  const [editing, setEditing] = useState<T | null>(null);
  const [notice, setNotice] = useState<N | null>(null);
  return {
    editing,
    notice,
    open: (target: T) => {
      setNotice(null);
      setEditing(target);
    },
    finish: (next: N | null) => {
      setEditing(null);
      setNotice(next);
    },
    close: () => setEditing(null),
    dismiss: () => setNotice(null),
  };
}
