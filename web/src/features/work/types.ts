/** Shapes of GET /me/work and GET /me/approvals (src/modules/work, src/modules/plans). */
import type { CaseStatus, CaseType, RiskLevel } from '../cases/codes.ts';

/** An amount as the API returns it: integer tyiyn and the KGS text. */
export interface Money {
  tyiyn: number;
  kgs: string;
}

/** One of my open cases (pseudonym only, never the name). */
export interface WorkCase {
  id: string;
  number: string;
  status: CaseStatus;
  type: CaseType;
  riskLevel: RiskLevel | null;
  traffickingLikelihood: 'likely' | 'possible' | 'unlikely' | null;
  pseudonym: string | null;
}

/** A follow-up in a worklist. */
export interface FollowupRow {
  id: string;
  caseId: string;
  caseNumber: string;
  kind: 'visit' | 'call';
  dueOn: string;
  assignedTo: string;
  assignedToName: string;
  version: number;
}

/** A referral waiting for a partner's answer (the partner's view: nothing that leads to the case). */
export interface WaitingReferral {
  id: string;
  status: string;
  reason: string;
  shared: { displayName: string; needs: string; phone?: string; originRegion?: string };
  serviceName: string;
  createdAt: string;
}

/** GET /me/work: each section is present only when the user's grants make it meaningful. */
export interface Work {
  today: string;
  cases?: WorkCase[];
  followupsDue?: FollowupRow[];
  followupsOverdue?: FollowupRow[];
  approvals?: number;
  officeOverdue?: FollowupRow[];
  callsToday?: number;
  referralsWaiting?: WaitingReferral[];
}

/** One plan item waiting for approval (GET /me/approvals). */
export interface Approval {
  id: string;
  case: { id: string; number: string; type: CaseType };
  catalogueCode: string;
  description: string | null;
  quantity: number;
  unitCost: Money;
  amount: Money;
  proposedBy: string;
  createdAt: string;
}
