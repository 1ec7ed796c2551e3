import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cases, rssAssessments, rssInstruments, vulnerabilityAssessments } from '../../db/schema/index.ts';
import {
  type RssInstrument,
  type RssScores,
  band,
  scoreAssessment,
  validateAnswers,
} from '../../domain/rss.ts';
import { suggestRiskLevel } from '../../domain/vulnerability.ts';
import { AppError, Invalid } from '../../errors.ts';
import { loadCase } from '../cases/access.ts';
import { recordCaseEvent } from '../cases/events.ts';
import { type Ctx, transact, view } from '../shared/context.ts';
import { keepInstrument } from './instrument-store.ts';
import { findInstrument, instrumentKeys } from './instruments.ts';
import type { rssIn, vulnerabilityIn } from './schema.ts';

type RssRow = typeof rssAssessments.$inferSelect;

// Bands come from the stored instrument: an assessment keeps the cut-offs it was scored with.
const present = (row: RssRow, bands: RssInstrument['bands']) => {
  const bandOf = (score: number | null) => (score === null ? null : band(score, bands));
  const s: RssScores = row.scores;
  return {
    ...row,
    bands: {
      economic: bandOf(s.economic),
      social: bandOf(s.social),
      psychosocial: bandOf(s.psychosocial),
      composite: bandOf(s.composite),
    },
  };
};

/** Records a Reintegration Sustainability Survey, scored with the instrument it names, kept with that instrument. */
export function createRssAssessment(ctx: Ctx, caseId: string, input: z.infer<typeof rssIn>) {
  return transact(ctx, { action: 'rss.create', entityType: 'rss_assessment' }, async (tx, audit) => {
    await loadCase(tx, ctx.actor, caseId, 'case:write');
    const instrument = findInstrument(input.instrument);
    if (!instrument) {
      throw new Invalid('unknown_instrument', `No instrument ${input.instrument}`, {
        field: 'instrument',
        known: instrumentKeys(),
      });
    }
    const problems = validateAnswers(instrument, input.answers);
    if (problems.length > 0) {
      throw new AppError(400, 'invalid_answers', 'Some answers do not fit the instrument', { problems });
    }
    const [row] = await tx
      .insert(rssAssessments)
      .values({
        caseId,
        instrument: await keepInstrument(tx, instrument),
        takenOn: input.takenOn,
        answers: input.answers,
        scores: scoreAssessment(instrument, input.answers),
        createdBy: ctx.actor.userId,
      })
      .returning();
    const a = row!;
    await recordCaseEvent(tx, caseId, ctx.actor.userId, 'rss_assessed', {
      assessmentId: a.id,
      instrument: a.instrument,
      takenOn: a.takenOn,
      composite: a.scores.composite,
    });
    await audit({ entityId: a.id, fields: Object.keys(input) });
    return present(a, instrument.bands);
  });
}

/** The RSS assessments of a case oldest first: the reintegration trend. */
export function listRssAssessments(ctx: Ctx, caseId: string) {
  return view(ctx, { action: 'rss.list', entityType: 'case', entityId: caseId }, async (db, audit) => {
    await loadCase(db, ctx.actor, caseId, 'case:read');
    const rows = await db
      .select({
        row: rssAssessments,
        bands: sql<RssInstrument['bands']>`${rssInstruments.definition} -> 'bands'`,
      })
      .from(rssAssessments)
      .innerJoin(rssInstruments, eq(rssInstruments.key, rssAssessments.instrument))
      .where(eq(rssAssessments.caseId, caseId))
      .orderBy(asc(rssAssessments.takenOn), asc(rssAssessments.createdAt));
    await audit();
    return rows.map((r) => present(r.row, r.bands));
  });
}

/**
 * Records a DoMV assessment with its suggested level beside the caseworker's. The case takes the
 * assessment's level unless a later-dated assessment already exists (entering an old paper form
 * must not overwrite a newer judgement); the case version moves in the same statement.
 */
export function createVulnerabilityAssessment(
  ctx: Ctx,
  caseId: string,
  input: z.infer<typeof vulnerabilityIn>,
) {
  return transact(
    ctx,
    { action: 'vulnerability.create', entityType: 'vulnerability_assessment' },
    async (tx, audit) => {
      const c = await loadCase(tx, ctx.actor, caseId, 'case:write');
      const suggestedLevel = suggestRiskLevel(input.factors);
      const riskLevel = input.riskLevel ?? suggestedLevel;
      const [newer] = await tx
        .select({ id: vulnerabilityAssessments.id })
        .from(vulnerabilityAssessments)
        .where(
          and(
            eq(vulnerabilityAssessments.caseId, caseId),
            gt(vulnerabilityAssessments.takenOn, input.takenOn),
          ),
        )
        .limit(1);
      const [row] = await tx
        .insert(vulnerabilityAssessments)
        .values({
          caseId,
          takenOn: input.takenOn,
          factors: input.factors,
          suggestedLevel,
          riskLevel,
          note: input.note,
          createdBy: ctx.actor.userId,
        })
        .returning();
      const a = row!;
      let current = { id: c.id, riskLevel: c.riskLevel, version: c.version };
      if (!newer) {
        const [updated] = await tx
          .update(cases)
          .set({ riskLevel, version: sql`${cases.version} + 1`, updatedAt: new Date() })
          .where(eq(cases.id, caseId))
          .returning({ id: cases.id, riskLevel: cases.riskLevel, version: cases.version });
        current = updated!;
      }
      await recordCaseEvent(tx, caseId, ctx.actor.userId, 'vulnerability_assessed', {
        assessmentId: a.id,
        takenOn: a.takenOn,
        suggestedLevel,
        riskLevel,
        caseRiskLevelSet: !newer,
      });
      await audit({ entityId: a.id, fields: Object.keys(input) });
      return { assessment: a, case: current };
    },
  );
}

/** The DoMV assessments of a case, oldest first. */
export function listVulnerabilityAssessments(ctx: Ctx, caseId: string) {
  return view(
    ctx,
    { action: 'vulnerability.list', entityType: 'case', entityId: caseId },
    async (db, audit) => {
      await loadCase(db, ctx.actor, caseId, 'case:read');
      const rows = await db
        .select()
        .from(vulnerabilityAssessments)
        .where(eq(vulnerabilityAssessments.caseId, caseId))
        .orderBy(asc(vulnerabilityAssessments.takenOn), asc(vulnerabilityAssessments.createdAt));
      await audit();
      return rows;
    },
  );
}
