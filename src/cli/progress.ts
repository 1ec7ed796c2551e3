import cliProgress from 'cli-progress';
import type { RestoreProgress } from '../db/bulk-load.ts';

/** A progress bar on stderr: what is done of a total, the rate and the time left. */
export interface Progress {
  /** Moves the bar; `label`, `unit` and `note` replace the line's title, unit and trailing note. */
  update(done: number, extra?: { total?: number; label?: string; unit?: string; note?: string }): void;
  stop(): void;
}

const formatSeconds = (s: number): string =>
  s >= 3600
    ? `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`
    : s >= 60
      ? `${Math.floor(s / 60)}m${Math.round(s % 60)}s`
      : `${Math.round(s)}s`;

/** A rate as the bar shows it: whole numbers, but a slow phase (indexes a minute) is not "0". */
export const formatRate = (perSecond: number): string =>
  perSecond >= 10 || perSecond === 0 ? String(Math.round(perSecond)) : perSecond.toPrecision(2);

/**
 * A progress bar of `total` `unit`s titled `label`, written to stderr (every 5 s when it is not a
 * terminal, so logs of long runs show progress too).
 */
export function progressBar(total: number, label: string, unit: string): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `{label} |{bar}| {percentage}% | {value}/{total} {unit}{note} | {rate}/s | {duration_formatted} | ETA {left}`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = performance.now();
  let current = { label, unit, note: '' };
  let of = total;
  bar.start(total, 0, { ...current, rate: formatRate(0), left: '–' });
  return {
    update(done, extra = {}) {
      if (extra.label !== undefined && extra.label !== current.label) started = performance.now();
      current = {
        label: extra.label ?? current.label,
        unit: extra.unit ?? current.unit,
        note: extra.note ?? current.note,
      };
      if (extra.total !== undefined) {
        of = extra.total;
        bar.setTotal(of);
      }
      const seconds = (performance.now() - started) / 1000;
      const rate = done / Math.max(seconds, 0.001);
      // A phase without a count (one long statement) shows its time, not a made-up rate or forecast.
      const left = of > 0 && done > 0 ? formatSeconds((of - done) / rate) : '–';
      bar.update(done, { ...current, rate: of > 0 ? formatRate(rate) : '–', left });
    },
    stop: () => bar.stop(),
  };
}

/** Megabytes as a bar counts them: whole, but a small registry's do not show as 0 of 0. */
const megabytes = (bytes: number): number => {
  const mb = bytes / 2 ** 20;
  return mb >= 100 ? Math.round(mb) : Number(mb.toFixed(1));
};

const RESTORE_UNIT = 'MB of tables to index and check';

/**
 * Shows a rebuild of deferred indexes and keys on `bar`, in the megabytes of the tables its
 * restores read, which their time goes with (see RestoreProgress); the count is in the note.
 */
export function showRestore(bar: Progress, p: RestoreProgress): void {
  bar.update(megabytes(p.workDone), {
    total: megabytes(p.workTotal),
    label: 'rebuild',
    unit: RESTORE_UNIT,
    note: ` (${p.done}/${p.total} indexes and keys${p.name ? `: ${p.name}` : ''})`,
  });
}

/** A bar of its own for a rebuild, started at its first report, so a start with none shows none. */
export function restoreBar(): { show(p: RestoreProgress): void; stop(): void } {
  let bar: Progress | undefined;
  return {
    show: (p) => showRestore((bar ??= progressBar(megabytes(p.workTotal), 'rebuild', RESTORE_UNIT)), p),
    stop: () => bar?.stop(),
  };
}
