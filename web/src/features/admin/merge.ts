/**
 * Three-way merge of a form after a 409: the version the form was opened from (`base`), what the
 * user typed (`mine`) and the latest saved version (`theirs`). The user's edits are kept; fields
 * only the other person changed take their value; both are reported so the form can mark them.
 */

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The merged values and which fields someone else changed (clashes: both changed, differently). */
export interface Merge<V> {
  values: V;
  theirChanges: (keyof V)[];
  clashes: (keyof V)[];
}

/** Merge field by field; see the module comment. */
export function mergeLatest<V extends object>(base: V, mine: V, theirs: V): Merge<V> {
  const values = { ...mine };
  const theirChanges: (keyof V)[] = [];
  const clashes: (keyof V)[] = [];
  for (const key of Object.keys(base) as (keyof V)[]) {
    if (same(base[key], theirs[key])) continue; // they did not touch it: keep mine
    theirChanges.push(key);
    if (same(base[key], mine[key])) values[key] = theirs[key];
    else if (!same(mine[key], theirs[key])) clashes.push(key);
  }
  return { values, theirChanges, clashes };
}
