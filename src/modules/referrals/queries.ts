import { type SQL, and, eq } from 'drizzle-orm';
import { type Actor, decide } from '../../access/policy.ts';
import type { Executor } from '../../db/client.ts';
import {
  type ReferralShare,
  cases,
  offices,
  type persons,
  referrals,
  services,
} from '../../db/schema/index.ts';
import { ageAt, ctdcAgeBand } from '../../domain/dates.ts';
import { caseRecord, caseScopeColumns } from '../cases/access.ts';

/** The columns referral scopes test: the case's (for its staff) and the receiving organisation (for partners). */
export const referralScopeColumns = { ...caseScopeColumns, organisationId: referrals.organisationId };

const columns = {
  id: referrals.id,
  status: referrals.status,
  reason: referrals.reason,
  shared: referrals.shared,
  serviceId: referrals.serviceId,
  serviceName: services.name,
  partnerNote: referrals.partnerNote,
  version: referrals.version,
  createdAt: referrals.createdAt,
  updatedAt: referrals.updatedAt,
  caseId: referrals.caseId,
  caseNumber: cases.number,
  organisationId: referrals.organisationId,
  organisationName: offices.name,
  consentRecordedOn: referrals.consentRecordedOn,
  createdBy: referrals.createdBy,
  caseOfficeId: cases.officeId,
  caseAssignedTo: cases.assignedTo,
  caseCreatedBy: cases.createdBy,
};

/** Referrals with their service, receiving organisation and case, narrowed by `where`. */
export function selectReferrals(db: Executor, where: SQL | undefined) {
  return db
    .select(columns)
    .from(referrals)
    .innerJoin(services, eq(services.id, referrals.serviceId))
    .innerJoin(offices, eq(offices.id, referrals.organisationId))
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .where(and(where));
}

/** A referral row as selected, with the attributes its scopes look at. */
export type ReferralRow = Awaited<ReturnType<typeof selectReferrals>>[number];

const caseOf = (r: ReferralRow) =>
  caseRecord({ officeId: r.caseOfficeId, assignedTo: r.caseAssignedTo, createdBy: r.caseCreatedBy });

/** The record the policy judges a referral by: its case (for staff) and its receiving organisation (for partners). */
export const referralRecord = (r: ReferralRow) => ({ ...caseOf(r), organisationId: r.organisationId });

/** The receiving organisation's view: built key by key so that nothing about the case can slip in. */
export const partnerView = (r: ReferralRow) => ({
  id: r.id,
  status: r.status,
  reason: r.reason,
  shared: r.shared,
  serviceId: r.serviceId,
  serviceName: r.serviceName,
  partnerNote: r.partnerNote,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

/** The staff view, for those who may read the case itself. */
export const staffView = (r: ReferralRow) => ({
  ...partnerView(r),
  caseId: r.caseId,
  caseNumber: r.caseNumber,
  organisationId: r.organisationId,
  organisationName: r.organisationName,
  consentRecordedOn: r.consentRecordedOn,
  createdBy: r.createdBy,
});

/** The view of a referral this actor gets: the staff one only if they may read its case. */
export const presentReferral = (actor: Actor, r: ReferralRow) =>
  decide(actor, 'case:read', caseOf(r)) === 'allow' ? staffView(r) : partnerView(r);

type Person = Pick<
  typeof persons.$inferSelect,
  | 'givenName'
  | 'pseudonym'
  | 'sex'
  | 'phone'
  | 'originRegion'
  | 'birthDate'
  | 'estimatedAge'
  | 'ageRecordedOn'
>;

/** Age in full years today from a birth date, or from an estimate grown by the years since it was taken. */
export function currentAge(
  p: Pick<Person, 'birthDate' | 'estimatedAge' | 'ageRecordedOn'>,
  today: string,
): number | undefined {
  if (p.birthDate && p.birthDate <= today) return ageAt(p.birthDate, today);
  if (p.estimatedAge === null) return undefined;
  return p.estimatedAge + (p.ageRecordedOn && p.ageRecordedOn <= today ? ageAt(p.ageRecordedOn, today) : 0);
}

/** What the caseworker chose to let the receiving organisation see. */
export interface ShareChoice {
  phone?: boolean | undefined;
  originRegion?: boolean | undefined;
  ageBand?: boolean | undefined;
  sex?: boolean | undefined;
}

/**
 * The snapshot sent with a referral: a pseudonym or given name only, the needs text, and nothing
 * else unless chosen (and known). Copied once, so later edits of the person never reach the partner.
 */
export function shareOf(p: Person, choice: ShareChoice, needs: string, today: string): ReferralShare {
  const shared: ReferralShare = { displayName: p.pseudonym ?? p.givenName, needs };
  if (choice.sex) shared.sex = p.sex;
  if (choice.phone && p.phone) shared.phone = p.phone;
  if (choice.originRegion && p.originRegion) shared.originRegion = p.originRegion;
  const age = choice.ageBand ? currentAge(p, today) : undefined;
  if (age !== undefined) shared.ageBand = ctdcAgeBand(age);
  return shared;
}
