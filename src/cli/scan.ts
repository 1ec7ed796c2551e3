/** The `koldoo duplicates scan` command body: the registry scan with a progress bar per phase. */
import { writeAudit } from '../audit/writer.ts';
import type { Db } from '../db/client.ts';
import { type ScanSummary, scanDuplicates } from '../modules/duplicates/scan.ts';
import { SYSTEM } from '../modules/users/bootstrap.ts';
import { progressBar } from './progress.ts';

const UNITS = { keys: 'persons keyed', blocking: 'blocks', scoring: 'candidate pairs scored', done: '' };

/** Scans the whole registry for likely duplicates, showing each phase's progress on stderr. */
export async function runScan(
  db: Db,
  opts: { threshold?: number | undefined; threads?: number | undefined },
  out: (line: string) => void,
): Promise<ScanSummary> {
  const started = performance.now();
  const bar = progressBar(0, 'keys', '');
  let summary: ScanSummary;
  try {
    summary = await scanDuplicates(db, {
      ...(opts.threshold !== undefined ? { threshold: opts.threshold } : {}),
      ...(opts.threads !== undefined ? { threads: opts.threads } : {}),
      onProgress: (p) => {
        if (p.phase !== 'done')
          bar.update(p.done, { total: p.total, label: p.phase, note: ` ${UNITS[p.phase]}` });
      },
    });
  } finally {
    bar.stop();
  }
  await writeAudit(db, SYSTEM, {
    action: 'duplicate.scan',
    entityType: 'duplicate_scan',
    entityId: summary.scanId,
  });
  const seconds = (performance.now() - started) / 1000;
  out(
    `Scan ${summary.scanId} done in ${seconds.toFixed(1)} s: ${summary.candidates} candidate pairs, ${summary.pairsFound} likely duplicates (${summary.pairsNew} new) to review.`,
  );
  return summary;
}
