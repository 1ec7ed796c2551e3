/**
 * Geometry of the RSS scores chart, kept pure so it is tested without a browser: dates spread by
 * time along x, scores 0–1 along y, one polyline per dimension (a gap where a score is missing).
 */
import { SCORE_SERIES, type ScoreSeries } from './codes.ts';
import type { RssScores } from './types.ts';

/** The drawing box: outer size and the padding left for axis labels. */
export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** One plotted score. */
export interface ChartPoint {
  x: number;
  y: number;
  value: number;
  takenOn: string;
}

/** One line of the chart. */
export interface ChartLine {
  series: ScoreSeries;
  points: ChartPoint[];
  /** SVG path data; a missing score starts a new segment. */
  d: string;
}

/** Everything the SVG needs. */
export interface ChartGeometry {
  lines: ChartLine[];
  xTicks: { x: number; takenOn: string }[];
  yTicks: { y: number; value: number }[];
}

const DAY = 86_400_000;
const round = (n: number) => Math.round(n * 10) / 10;

/** Default box: wide enough to read on a phone, scaled by the SVG viewBox. */
export const DEFAULT_BOX: ChartBox = { width: 640, height: 220, left: 40, right: 16, top: 12, bottom: 30 };

/** Gridlines at the interpretation cut-offs as well as the ends. */
export const Y_TICKS = [0, 0.33, 0.66, 1] as const;

/** Lays out the trend (oldest first) in `box`. At most `maxTicks` dates are labelled. */
export function chartGeometry(
  trend: readonly { takenOn: string; scores: RssScores }[],
  box: ChartBox = DEFAULT_BOX,
  maxTicks = 6,
): ChartGeometry {
  const innerW = box.width - box.left - box.right;
  const innerH = box.height - box.top - box.bottom;
  const times = trend.map((p) => Date.parse(`${p.takenOn}T00:00:00Z`));
  const min = Math.min(...times);
  const max = Math.max(...times);
  const span = max - min;
  const xOf = (time: number, index: number) => {
    if (trend.length === 1) return round(box.left + innerW / 2);
    // Same-day assessments side by side: spread by index when the dates do not differ.
    const ratio = span < DAY ? index / (trend.length - 1) : (time - min) / span;
    return round(box.left + ratio * innerW);
  };
  const yOf = (value: number) => round(box.top + (1 - value) * innerH);

  const lines = SCORE_SERIES.map((series): ChartLine => {
    const points: ChartPoint[] = [];
    const parts: string[] = [];
    let open = false;
    trend.forEach((p, index) => {
      const value = p.scores[series];
      if (value === null || value === undefined) {
        open = false;
        return;
      }
      const point = { x: xOf(times[index]!, index), y: yOf(value), value, takenOn: p.takenOn };
      points.push(point);
      parts.push(`${open ? 'L' : 'M'}${point.x} ${point.y}`);
      open = true;
    });
    return { series, points, d: parts.join(' ') };
  });

  const step = Math.max(1, Math.ceil(trend.length / maxTicks));
  const xTicks = trend
    .map((p, index) => ({ x: xOf(times[index]!, index), takenOn: p.takenOn, index }))
    .filter((tick) => tick.index % step === 0 || tick.index === trend.length - 1)
    .map(({ x, takenOn }) => ({ x, takenOn }));

  return { lines, xTicks, yTicks: Y_TICKS.map((value) => ({ y: yOf(value), value })) };
}
