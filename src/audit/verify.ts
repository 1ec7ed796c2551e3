import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';
import { GENESIS_HASH, eventHash } from './chain.ts';

/** The verdict on the audit chain: intact, or the first event where it breaks and how. */
export type VerifyResult =
  { ok: true; count: number } | { ok: false; count: number; seq: number; problem: 'altered' | 'broken_link' };

/**
 * Walks the whole chain in order, recomputing every hash. An edited event fails its own hash;
 * a removed or reordered one breaks the link to its predecessor.
 */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (checked: number) => void,
  batch = 2000,
): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, after))
      .orderBy(asc(auditEvents.seq))
      .limit(batch);
    for (const row of rows) {
      count++;
      if (row.prevHash !== prev) return { ok: false, count, seq: row.seq, problem: 'broken_link' };
      if (eventHash(prev, row) !== row.hash) return { ok: false, count, seq: row.seq, problem: 'altered' };
      prev = row.hash;
      after = row.seq;
    }
    onProgress?.(count);
    if (rows.length < batch) return { ok: true, count };
  }
}
