import { LRUCache } from 'lru-cache';
import type { Db } from '../../db/client.ts';
import type { Authenticated } from './service.ts';

/**
 * How long a resolved session or token is taken on trust without asking the database again. Every
 * API request starts by resolving its credential, a statement of its own (half of those of a case
 * list page). A change made through this process (a token revoked, an account
 * deactivated, a role or password changed, a logout) forgets every remembered sign-in at once;
 * one made by another process on the same database (the CLI, a second server) applies within this
 * time, as a token authentication cache's time to live does elsewhere.
 */
export const REMEMBER_MS = 5_000;

class Remembered {
  private readonly cache = new LRUCache<string, Authenticated>({ max: 10_000, ttl: REMEMBER_MS });
  // Bumped by every forget: a lookup that began before a change must not store what it read.
  private epoch = 0;

  get(key: string): Authenticated | undefined {
    return this.cache.get(key);
  }

  /** Remembers a sign-in read in `epoch` until it expires, or for `REMEMBER_MS` at most. */
  set(key: string, auth: Authenticated, epoch: number, expiresAt: number | null): void {
    if (epoch !== this.epoch) return;
    const ttl = expiresAt === null ? REMEMBER_MS : Math.min(REMEMBER_MS, expiresAt - Date.now());
    if (ttl > 0) this.cache.set(key, Object.freeze(auth), { ttl });
  }

  current(): number {
    return this.epoch;
  }

  forget(): void {
    this.epoch++;
    this.cache.clear();
  }
}

const byDb = new WeakMap<Db, Remembered>();

/** The sign-ins remembered for a database. */
export function remembered(db: Db): Remembered {
  let r = byDb.get(db);
  if (!r) {
    r = new Remembered();
    byDb.set(db, r);
  }
  return r;
}

/**
 * Forgets every remembered sign-in: call it once a change to accounts, sessions or tokens has
 * committed. Forgetting all is simpler than tracking which sign-ins a change touches, and such
 * changes are rare.
 */
export function forgetSignIns(db: Db): void {
  remembered(db).forget();
}
