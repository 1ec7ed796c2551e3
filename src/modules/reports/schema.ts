import { z } from 'zod';
import { MIN_PUBLISHED_COUNT } from '../../domain/suppression.ts';

/** What the dashboard counts cases by. */
export const REPORT_GROUPINGS = ['region', 'status', 'type', 'month'] as const;
/** One of the dashboard's groupings. */
export type ReportBy = (typeof REPORT_GROUPINGS)[number];

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month such as 2026-03')
  .describe('A month, YYYY-MM');

// Months are counted one per row, so a range is bounded; fifty years covers any registry.
const MAX_MONTHS = 600;

/** Months since year 0 of a YYYY-MM month (or of a YYYY-MM-DD date), so that ranges are arithmetic. */
export const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** Query of GET /reports/cases. */
export const caseReportQuery = z
  .object({
    by: z
      .enum(REPORT_GROUPINGS)
      .describe(
        'Group by the person’s origin region (ISO 3166-2:KG, null when unknown), case status, case type, or month opened',
      ),
    from: month.optional().describe('Count cases opened in this month or later'),
    to: month.optional().describe('Count cases opened in this month or earlier'),
    officeId: z
      .uuid()
      .optional()
      .describe('Only this office’s cases (a supervisor may name only their own office)'),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.from > q.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The range ends before it starts' });
    } else if (q.from && q.to && monthIndex(q.to) - monthIndex(q.from) >= MAX_MONTHS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${MAX_MONTHS} months at once` });
    }
  });

/** The dashboard's table of case counts, small cells withheld. */
export const caseReportOut = z
  .object({
    by: z.enum(REPORT_GROUPINGS),
    rows: z.array(
      z.object({
        key: z
          .string()
          .nullable()
          .describe('Region code, status, type or month (YYYY-MM); null for cases whose region is unknown'),
        count: z.number().int().nullable().describe('Cases, or null when withheld'),
        suppressed: z.boolean(),
      }),
    ),
    total: z
      .number()
      .int()
      .nullable()
      .describe(`Cases counted, or null when that is itself fewer than ${MIN_PUBLISHED_COUNT}`),
    suppressedCells: z.number().int().describe('How many rows are withheld'),
    threshold: z
      .number()
      .int()
      .describe('Counts from 1 to threshold − 1 are withheld, with other cells that would give them away'),
  })
  .meta({
    id: 'CaseReport',
    example: {
      by: 'status',
      rows: [
        { key: 'open', count: 412, suppressed: false },
        { key: 'assessment', count: 97, suppressed: false },
        { key: 'planning', count: null, suppressed: true },
        { key: 'assistance', count: null, suppressed: true },
        { key: 'monitoring', count: 230, suppressed: false },
        { key: 'closed', count: 1804, suppressed: false },
      ],
      total: 2604,
      suppressedCells: 2,
      threshold: MIN_PUBLISHED_COUNT,
    },
  });
