import { and, eq, gte, lt } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, grantOf } from '../../access/policy.ts';
import { requireAccess, scopeFilter } from '../../access/scope.ts';
import type { Executor } from '../../db/client.ts';
import { cases, offices } from '../../db/schema/index.ts';
import { CASE_STATUSES, CASE_TYPES } from '../../domain/codes.ts';
import { type Cell, MIN_PUBLISHED_COUNT, suppressSmallCells } from '../../domain/suppression.ts';
import { NotFound } from '../../errors.ts';
import { REGIONS } from '../../reference/admin.ts';
import { type Ctx, view } from '../shared/context.ts';
import { countCasesBy } from './queries.ts';
import { type ReportBy, type caseReportQuery, monthIndex } from './schema.ts';

type CaseReportQuery = z.infer<typeof caseReportQuery>;

const monthOf = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

// Every code a grouping knows is listed, zeros included, so that a chart keeps its categories; a
// code found in the data but not (or no longer) in the lists follows them, and unknown regions last.
const KNOWN_KEYS: Record<Exclude<ReportBy, 'month'>, readonly string[]> = {
  region: REGIONS.map((r) => r.iso),
  status: CASE_STATUSES,
  type: CASE_TYPES,
};

function cellsOf(q: CaseReportQuery, counts: { key: string | null; n: number }[]): Cell<string | null>[] {
  if (q.by === 'month') return monthCells(q, counts);
  const byKey = new Map(counts.map((c) => [c.key, c.n]));
  const known = KNOWN_KEYS[q.by];
  const extra = counts.flatMap((c) => (c.key !== null && !known.includes(c.key) ? [c.key] : [])).sort();
  const keys = [...known, ...extra, ...(q.by === 'region' ? [null] : [])];
  return keys.map((key) => ({ key, count: byKey.get(key) ?? 0 }));
}

// Counts per opening day summed into months: every month of the range asked for, or from the
// first to the last month with a case.
function monthCells(q: CaseReportQuery, counts: { key: string | null; n: number }[]): Cell<string>[] {
  const byMonth = new Map<number, number>();
  for (const c of counts) {
    const m = monthIndex(String(c.key));
    byMonth.set(m, (byMonth.get(m) ?? 0) + c.n);
  }
  const present = [...byMonth.keys()];
  const first = q.from && q.to ? monthIndex(q.from) : Math.min(...present);
  const last = q.from && q.to ? monthIndex(q.to) : Math.max(...present);
  const cells: Cell<string>[] = [];
  for (let m = first; m <= last; m++) cells.push({ key: monthOf(m), count: byMonth.get(m) ?? 0 });
  return cells;
}

// The office a report is about, for the audit trail: the one asked for, or the one a scope keeps to.
const reportOffice = (actor: Actor, q: CaseReportQuery) =>
  q.officeId ?? (grantOf(actor.role, 'report:read') === 'office' ? actor.officeId : null);

// Offices are public, so another office's figures answer 403 (not 404) and a missing office 404.
async function requireReportOffice(db: Executor, actor: Actor, officeId: string): Promise<void> {
  const [office] = await db.select({ id: offices.id }).from(offices).where(eq(offices.id, officeId));
  if (!office) throw new NotFound('office', officeId);
  requireAccess(actor, 'report:read', {
    entity: 'office',
    id: officeId,
    record: { officeId },
    readAction: 'office:read',
  });
}

/**
 * The dashboard's counts of cases by region of origin, status, type or month opened, over the
 * cases the actor's report scope reaches (optionally one office, and months opened), with small
 * cells withheld. Only counts leave the database; the read is audited with its grouping.
 */
export function caseReport(ctx: Ctx, q: CaseReportQuery) {
  const target = { action: 'report.cases', entityType: 'report', entityId: reportOffice(ctx.actor, q) };
  return view(ctx, target, async (db, audit) => {
    const scope = scopeFilter(ctx.actor, 'report:read', { officeId: cases.officeId });
    if (q.officeId) await requireReportOffice(db, ctx.actor, q.officeId);
    // Recorded while the cases are counted (see view).
    await audit({ fields: [q.by] });
    const counts = await countCasesBy(
      db,
      q.by,
      and(
        scope,
        q.officeId ? eq(cases.officeId, q.officeId) : undefined,
        q.from ? gte(cases.openedOn, `${q.from}-01`) : undefined,
        q.to ? lt(cases.openedOn, `${monthOf(monthIndex(q.to) + 1)}-01`) : undefined,
      ),
    );
    return { by: q.by, ...suppressSmallCells(cellsOf(q, counts)), threshold: MIN_PUBLISHED_COUNT };
  });
}
