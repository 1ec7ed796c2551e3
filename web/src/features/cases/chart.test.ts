import { describe, expect, it } from 'vitest';
import { chartGeometry, type ChartBox } from './chart.ts';

const box: ChartBox = { width: 200, height: 120, left: 20, right: 20, top: 10, bottom: 10 };
const scores = (economic: number | null, composite: number | null) => ({
  economic,
  social: null,
  psychosocial: null,
  composite,
});

describe('scores chart geometry', () => {
  it('places dates by time and scores from the bottom (0) to the top (1)', () => {
    const g = chartGeometry(
      [
        { takenOn: '2026-01-01', scores: scores(0, 0.5) },
        { takenOn: '2026-01-03', scores: scores(1, 1) },
        { takenOn: '2026-01-11', scores: scores(0.5, 0.75) },
      ],
      box,
    );
    const economic = g.lines.find((l) => l.series === 'economic')!;
    expect(economic.points.map((p) => [p.x, p.y])).toEqual([
      [20, 110],
      [52, 10],
      [180, 60],
    ]);
    expect(economic.d).toBe('M20 110 L52 10 L180 60');
    expect(g.lines.find((l) => l.series === 'social')!.d).toBe('');
    expect(g.yTicks.map((t) => t.y)).toEqual([110, 77, 44, 10]);
    expect(g.xTicks.map((t) => t.takenOn)).toEqual(['2026-01-01', '2026-01-03', '2026-01-11']);
  });

  it('breaks a line where a score is missing and centres a single assessment', () => {
    const g = chartGeometry(
      [
        { takenOn: '2026-01-01', scores: scores(0.5, 0.5) },
        { takenOn: '2026-02-01', scores: scores(null, 0.5) },
        { takenOn: '2026-03-01', scores: scores(0.5, 0.5) },
      ],
      box,
    );
    expect(g.lines[0]!.d.match(/M/g)).toHaveLength(2);
    const single = chartGeometry([{ takenOn: '2026-01-01', scores: scores(1, 1) }], box);
    expect(single.lines[0]!.points[0]!.x).toBe(100);
  });

  it('spreads same-day assessments and labels at most a few dates', () => {
    const same = chartGeometry(
      [
        { takenOn: '2026-01-01', scores: scores(0, 0) },
        { takenOn: '2026-01-01', scores: scores(1, 1) },
      ],
      box,
    );
    expect(same.lines[0]!.points.map((p) => p.x)).toEqual([20, 180]);
    const many = Array.from({ length: 12 }, (_, i) => ({
      takenOn: `2026-${String(i + 1).padStart(2, '0')}-01`,
      scores: scores(0.5, 0.5),
    }));
    expect(chartGeometry(many, box, 6).xTicks.length).toBeLessThanOrEqual(7);
  });
});
