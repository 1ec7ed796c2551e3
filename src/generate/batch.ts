/**
 * The rows one batch of generated persons adds, table by table, typed by the drizzle schema so a
 * renamed or new NOT NULL column fails the typecheck here rather than the load. Case events and
 * audit events are written the way the services write them: one of each per act on a case.
 */
import type { Role } from '../access/policy.ts';
import type { ChainedFields } from '../audit/chain.ts';
import type {
  caseEvents,
  cases,
  episodes,
  followups,
  householdMembers,
  persons,
  planItems,
  plans,
  referrals,
  rssAssessments,
  vulnerabilityAssessments,
} from '../db/schema/index.ts';
import type { CaseEventKind } from '../domain/codes.ts';

/** A member of staff who acts in generated cases. */
export interface Staff {
  id: string;
  username: string;
  role: Role;
}

/**
 * A case row whose number is taken from the counters at load time, inside the transaction that
 * inserts it; `opened` is the data of its `case_opened` event, which carries the number too.
 */
export interface CaseDraft {
  row: typeof cases.$inferInsert & { id: string };
  numberRegion: string | null;
  opened: Record<string, unknown> & { number: string };
}

type EventRow = typeof caseEvents.$inferInsert & { at: Date };

/** One batch's rows; `audit` holds events without their hashes, which are chained at load time. */
export class Batch {
  readonly persons: (typeof persons.$inferInsert)[] = [];
  readonly cases: CaseDraft[] = [];
  readonly episodes: (typeof episodes.$inferInsert)[] = [];
  readonly household: (typeof householdMembers.$inferInsert)[] = [];
  readonly vulnerability: (typeof vulnerabilityAssessments.$inferInsert)[] = [];
  readonly rss: (typeof rssAssessments.$inferInsert)[] = [];
  readonly plans: (typeof plans.$inferInsert)[] = [];
  readonly planItems: (typeof planItems.$inferInsert)[] = [];
  readonly referrals: (typeof referrals.$inferInsert)[] = [];
  readonly followups: (typeof followups.$inferInsert)[] = [];
  readonly caseEvents: EventRow[] = [];
  readonly audit: ChainedFields[] = [];
  private pending: EventRow[] = [];

  constructor(private readonly requestId: string) {}

  /** An audit event of a generated act, marked with the run's request id. */
  audited(
    at: Date,
    actor: Staff | null,
    action: string,
    entityType: string,
    entityId: string | null,
    fields: string[],
  ): void {
    this.audit.push({
      at,
      actorId: actor?.id ?? null,
      actorUsername: actor?.username ?? 'system',
      actorRole: actor?.role ?? null,
      action,
      entityType,
      entityId,
      outcome: 'ok',
      requestId: this.requestId,
      ip: null,
      fields,
    });
  }

  /** An act on a case: its timeline event and, when `audit` is given, the audit event of the use case. */
  act(
    caseId: string,
    at: Date,
    actor: Staff | null,
    kind: CaseEventKind,
    data: Record<string, unknown>,
    audit?: { action: string; entityType: string; entityId: string | null; fields: string[] },
  ): void {
    this.pending.push({ caseId, at, actorId: actor?.id ?? null, kind, data });
    if (audit) this.audited(at, actor, audit.action, audit.entityType, audit.entityId, audit.fields);
  }

  /** Ends a person: timelines go in time order, since a timeline is read in insertion order. */
  flushEvents(): void {
    this.pending.sort((a, b) => a.at.getTime() - b.at.getTime());
    this.caseEvents.push(...this.pending);
    this.pending = [];
  }

  /** Rows of the batch by table, for the run's report. */
  counts(): Record<string, number> {
    return {
      persons: this.persons.length,
      cases: this.cases.length,
      episodes: this.episodes.length,
      household_members: this.household.length,
      vulnerability_assessments: this.vulnerability.length,
      rss_assessments: this.rss.length,
      plans: this.plans.length,
      plan_items: this.planItems.length,
      referrals: this.referrals.length,
      followups: this.followups.length,
      case_events: this.caseEvents.length,
      audit_events: this.audit.length,
    };
  }
}
