import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../db/client.ts';
import { episodes } from '../../db/schema/index.ts';
import { newId } from '../../db/schema/ids.ts';
import type { EpisodeFacts, ScreeningResult } from '../../domain/screening.ts';
import { AppError, Conflict, Invalid, NotFound } from '../../errors.ts';
import { loadCase } from '../cases/access.ts';
import { caseEventWith, recordCaseEvent } from '../cases/events.ts';
import { refreshScreening } from '../cases/screening.ts';
import { type Ctx, transact, view } from '../shared/context.ts';
import { formatMinorUnits, toMinorUnits } from './currency.ts';
import { type createEpisodeIn, episodeProblems, type updateEpisodeIn } from './schema.ts';

type EpisodeRow = typeof episodes.$inferSelect;

const present = (e: EpisodeRow) => ({
  ...e,
  wagesUnpaidMinor: e.wagesUnpaidAmount,
  wagesUnpaidAmount:
    e.wagesUnpaidAmount !== null && e.wagesUnpaidCurrency
      ? formatMinorUnits(e.wagesUnpaidAmount, e.wagesUnpaidCurrency)
      : null,
});

const screeningOf = (s: ScreeningResult) => ({
  likelihood: s.likelihood,
  indicators: s.indicators,
  reasons: s.reasons,
  rulesVersion: s.rulesVersion,
});

// An amount of unpaid wages contradicts a recorded "wages were paid".
function requireWagesConsistent(facts: EpisodeFacts, amount: number | null | undefined) {
  if (facts.wagesUnpaid === false && amount !== null && amount !== undefined) {
    throw new Invalid(
      'wages_not_unpaid',
      'The facts say the wages were paid; an unpaid amount contradicts them',
      {
        field: 'wagesUnpaidAmount',
      },
    );
  }
}

type AmountIn = {
  wagesUnpaidAmount?: number | null | undefined;
  wagesUnpaidCurrency?: string | null | undefined;
};

// The amount as stored: minor units of its currency. The body carries hundredths, and the schema
// has made amount and currency a pair that fits, so both are set or both cleared.
function stored({ wagesUnpaidAmount: amount, wagesUnpaidCurrency: currency }: AmountIn) {
  if (amount === undefined && currency === undefined) return {};
  if (amount === null || amount === undefined || !currency)
    return { wagesUnpaidAmount: null, wagesUnpaidCurrency: null };
  return { wagesUnpaidAmount: toMinorUnits(amount, currency)!, wagesUnpaidCurrency: currency };
}

/** The episodes recorded in a case, in the order the person travelled. */
export function listEpisodes(ctx: Ctx, caseId: string) {
  return view(ctx, { action: 'episode.list', entityType: 'case', entityId: caseId }, async (db, audit) => {
    await loadCase(db, ctx.actor, caseId, 'case:read');
    const rows = await db
      .select()
      .from(episodes)
      .where(eq(episodes.caseId, caseId))
      .orderBy(sql`${episodes.departedOn} asc nulls last`, asc(episodes.createdAt), asc(episodes.id));
    await audit();
    return rows.map(present);
  });
}

/** Records a stay abroad for the case's person and screens them again over all their episodes. */
export function createEpisode(ctx: Ctx, caseId: string, input: z.infer<typeof createEpisodeIn>) {
  return transact(ctx, { action: 'episode.create', entityType: 'episode' }, async (tx, _audit, along) => {
    const c = await loadCase(tx, ctx.actor, caseId, 'case:write');
    requireWagesConsistent(input.facts, input.wagesUnpaidAmount);
    const { wagesUnpaidAmount, wagesUnpaidCurrency, ...rest } = input;
    const id = newId();
    const [row] = await tx
      .with(
        caseEventWith(tx, caseId, ctx.actor.userId, 'episode_added', {
          episodeId: id,
          destinationCountry: input.destinationCountry,
        }),
      )
      .insert(episodes)
      .values({
        ...rest,
        ...stored({ wagesUnpaidAmount, wagesUnpaidCurrency }),
        id,
        personId: c.personId,
        caseId,
        createdBy: ctx.actor.userId,
      })
      .returning();
    const episode = row!;
    const screened = await refreshScreening(tx, c.personId, ctx.actor.userId, [
      along({ entityId: episode.id, fields: Object.keys(input) }),
    ]);
    return screened.map((screening) => ({ episode: present(episode), screening: screeningOf(screening) }));
  });
}

async function loadEpisode(tx: Tx, caseId: string, episodeId: string) {
  const [row] = await tx
    .select()
    .from(episodes)
    .where(and(eq(episodes.id, episodeId), eq(episodes.caseId, caseId)));
  if (!row) throw new NotFound('episode', episodeId);
  return row;
}

/** Changes an episode if the client's version is current, and screens the person again. */
export function updateEpisode(
  ctx: Ctx,
  caseId: string,
  episodeId: string,
  input: z.infer<typeof updateEpisodeIn>,
) {
  return transact(
    ctx,
    { action: 'episode.update', entityType: 'episode', entityId: episodeId },
    async (tx, _audit, along) => {
      const c = await loadCase(tx, ctx.actor, caseId, 'case:write');
      const current = await loadEpisode(tx, caseId, episodeId);
      const { version, wagesUnpaidAmount, wagesUnpaidCurrency, ...changes } = input;
      const problems = episodeProblems({
        departedOn: changes.departedOn === undefined ? current.departedOn : changes.departedOn,
        returnedOn: changes.returnedOn === undefined ? current.returnedOn : changes.returnedOn,
      });
      if (problems.length > 0) {
        // Same shape as a schema refusal: the stored dates and the changed ones together are out of order.
        throw new AppError(400, 'validation_failed', 'The episode would end before it starts', {
          issues: problems.map((p) => ({ path: ['body', p.path], message: p.message, code: 'custom' })),
        });
      }
      const amount = stored({ wagesUnpaidAmount, wagesUnpaidCurrency });
      requireWagesConsistent(
        changes.facts ?? current.facts,
        'wagesUnpaidAmount' in amount ? amount.wagesUnpaidAmount : current.wagesUnpaidAmount,
      );
      const [row] = await tx
        .update(episodes)
        .set({ ...changes, ...amount, version: sql`${episodes.version} + 1`, updatedAt: new Date() })
        .where(and(eq(episodes.id, episodeId), eq(episodes.version, version)))
        .returning();
      if (!row) {
        throw new Conflict(
          'version_conflict',
          'The episode was changed by someone else; reload and try again',
          {
            currentVersion: current.version,
          },
        );
      }
      const fields = Object.keys(input).filter((k) => k !== 'version');
      await recordCaseEvent(tx, caseId, ctx.actor.userId, 'episode_updated', { episodeId, fields });
      const screened = await refreshScreening(tx, c.personId, ctx.actor.userId, [along({ fields })]);
      return screened.map((screening) => ({ episode: present(row), screening: screeningOf(screening) }));
    },
  );
}

/** Removes an episode recorded by mistake; the person is screened again without it. */
export function removeEpisode(ctx: Ctx, caseId: string, episodeId: string) {
  return transact(
    ctx,
    { action: 'episode.delete', entityType: 'episode', entityId: episodeId },
    async (tx, _audit, along) => {
      const c = await loadCase(tx, ctx.actor, caseId, 'case:write');
      const rows = await tx
        .delete(episodes)
        .where(and(eq(episodes.id, episodeId), eq(episodes.caseId, caseId)))
        .returning({ id: episodes.id });
      if (rows.length === 0) throw new NotFound('episode', episodeId);
      await recordCaseEvent(tx, caseId, ctx.actor.userId, 'episode_removed', { episodeId });
      return (await refreshScreening(tx, c.personId, ctx.actor.userId, [along()])).map(() => undefined);
    },
  );
}
