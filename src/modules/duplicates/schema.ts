import { z } from 'zod';
import { versionIn } from '../../http/schemas.ts';
import { matchComponentsOut, personOut, personSummaryOut } from '../persons/schema.ts';

/** The statuses a candidate pair goes through. */
export const PAIR_STATUSES = ['pending', 'confirmed', 'rejected'] as const;

const reason = z.string().trim().min(1).max(2000);

/** A registry scan and its progress (counts only, never a person). */
export const scanOut = z
  .object({
    id: z.uuid(),
    requestedBy: z.uuid().nullable(),
    status: z.enum(['running', 'done', 'failed']),
    phase: z.string(),
    done: z.number(),
    total: z.number(),
    candidates: z.number(),
    pairsFound: z.number(),
    pairsNew: z.number(),
    threshold: z.number(),
    weightsVersion: z.string(),
    error: z.string().nullable(),
    startedAt: z.date(),
    updatedAt: z.date(),
    finishedAt: z.date().nullable(),
  })
  .meta({ id: 'DuplicateScan' });

/** Query of GET /duplicates. */
export const listPairsQuery = z.object({ status: z.enum(PAIR_STATUSES).default('pending') });

/**
 * A person of a candidate pair: the summary, what the merge form weighs to propose the record to
 * keep (never a document number), and the version a merge of this person is checked against.
 */
export const pairPersonOut = personSummaryOut.extend({
  patronymic: z.string().nullable(),
  phone: z.string().nullable(),
  documents: z
    .object({ count: z.number(), numbered: z.number() })
    .describe('Identity documents on record (held or retained), and how many of them have a number'),
  version: z.number(),
  createdAt: z.date(),
});

/** A candidate pair as the reviewer sees it: both persons, the score and why. */
export const pairOut = z
  .object({
    id: z.uuid(),
    personA: pairPersonOut,
    personB: pairPersonOut,
    score: z.number(),
    evidence: z.array(z.string()),
    components: matchComponentsOut,
    weightsVersion: z.string(),
    status: z.enum(PAIR_STATUSES),
    decidedBy: z.uuid().nullable(),
    decidedAt: z.date().nullable(),
    reason: z.string().nullable(),
    version: z.number(),
    createdAt: z.date(),
  })
  .meta({ id: 'DuplicatePair' });

/** Body of POST /duplicates/:id/confirm and /reject: why, and the version read. */
export const decideIn = z
  .object({ reason, version: versionIn })
  .strict()
  .meta({
    example: { reason: 'Same passport number and household; hotline wrote the name in Cyrillic', version: 1 },
  });

/** Body of POST /persons/:id/merge: the person that stays, why, and the pair reviewed if any. */
export const mergeIn = z
  .object({
    intoPersonId: z.uuid(),
    reason,
    pairId: z.uuid().optional(),
    version: versionIn
      .optional()
      .describe('The version of the person being merged, as read; stale answers 409'),
  })
  .strict()
  .meta({
    example: {
      intoPersonId: '5b8e1f3c-2a7d-4c9e-8f16-0d3b7a5e9c21',
      reason: 'Registered twice: by the hotline in Cyrillic and by the SWC Kara-Suu in Latin',
    },
  });

/** Body of POST /persons/merges/:mergeId/undo. */
export const undoIn = z
  .object({ reason: reason.optional() })
  .strict()
  .meta({ example: { reason: 'Brothers with the same name, not one person' } });

/** A merge as recorded: who merged whom into whom, why, what moved, and whether it was undone. */
export const mergeOut = z
  .object({
    id: z.uuid(),
    mergedPersonId: z.uuid(),
    intoPersonId: z.uuid(),
    pairId: z.uuid().nullable(),
    reason: z.string(),
    moved: z.object({
      cases: z.array(z.uuid()),
      episodes: z.array(z.uuid()),
      householdMembers: z.array(z.uuid()),
    }),
    mergedBy: z.uuid(),
    mergedAt: z.date(),
    undoneBy: z.uuid().nullable(),
    undoneAt: z.date().nullable(),
    undoReason: z.string().nullable(),
  })
  .meta({ id: 'PersonMerge' });

/** Answer of a merge or its undo: the record and the person who now holds the cases. */
export const mergeResultOut = z.object({ merge: mergeOut, person: personOut });

/** Whether a merge stands or was undone. */
export const MERGE_STATUSES = ['active', 'undone'] as const;

/** Why undoing a merge would not give back exactly what it took (details.reason of 409 merge_not_undoable). */
export const UNDO_BLOCKERS = [
  'merged_person_changed',
  'survivor_merged_since',
  'cases_changed',
  'episodes_changed',
  'episodes_added_since',
  'household_links_changed',
] as const;
/** One of UNDO_BLOCKERS. */
export type UndoBlocker = (typeof UNDO_BLOCKERS)[number];

/** Query of GET /persons/merges: every merge, or only those standing or undone. */
export const listMergesQuery = z.object({ status: z.enum(MERGE_STATUSES).optional() });

/** A merge as the merges list shows it: both persons, who did what and when, and whether it can be undone now. */
export const mergeRecordOut = z
  .object({
    id: z.uuid(),
    mergedPerson: personSummaryOut.describe(
      'The person merged away, as their record stands (kept, marked merged)',
    ),
    intoPerson: personSummaryOut.describe('The person that stayed'),
    pairId: z.uuid().nullable(),
    reason: z.string(),
    movedCounts: z
      .object({ cases: z.number(), episodes: z.number(), householdMembers: z.number() })
      .describe('How many cases, migration episodes and household links moved'),
    mergedBy: z.uuid(),
    mergedByName: z.string(),
    mergedAt: z.date(),
    status: z.enum(MERGE_STATUSES),
    undoneBy: z.uuid().nullable(),
    undoneByName: z.string().nullable(),
    undoneAt: z.date().nullable(),
    undoReason: z.string().nullable(),
    undoable: z.boolean().describe('Whether you may undo it now'),
    undoBlocker: z
      .enum(UNDO_BLOCKERS)
      .nullable()
      .describe('Why a standing merge can no longer be undone: records changed since'),
  })
  .meta({ id: 'PersonMergeRecord' });
