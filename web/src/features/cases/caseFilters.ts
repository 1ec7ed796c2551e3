/**
 * The case list's filters live in the address bar (`/cases?status=open&overdue=1&q=…`), so a
 * filtered list can be bookmarked and shared. These pure helpers read and write that query.
 */
import type { QueryParams } from '../../api/client.ts';
import { CASE_STATUSES, CASE_TYPES, RISK_LEVELS, TRAFFICKING_LIKELIHOODS, isCode } from './codes.ts';
import type { CaseStatus, CaseType, RiskLevel, TraffickingLikelihood } from './codes.ts';

/** The filters of the case list; absent means "any". */
export interface CaseFilters {
  status?: CaseStatus;
  type?: CaseType;
  risk?: RiskLevel;
  likelihood?: TraffickingLikelihood;
  region?: string;
  assignedTo?: string;
  overdue?: boolean;
  q?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REGION = /^[A-Z]{2}(-[A-Z0-9-]{1,36})?$/;

/** Filters from the address bar; unknown or malformed values are ignored, never sent. */
export function readFilters(params: URLSearchParams): CaseFilters {
  const out: CaseFilters = {};
  const status = params.get('status');
  if (isCode(CASE_STATUSES, status)) out.status = status;
  const type = params.get('type');
  if (isCode(CASE_TYPES, type)) out.type = type;
  const risk = params.get('risk');
  if (isCode(RISK_LEVELS, risk)) out.risk = risk;
  const likelihood = params.get('likelihood');
  if (isCode(TRAFFICKING_LIKELIHOODS, likelihood)) out.likelihood = likelihood;
  const region = params.get('region');
  if (region && REGION.test(region)) out.region = region;
  const assignedTo = params.get('assignedTo');
  if (assignedTo && UUID.test(assignedTo)) out.assignedTo = assignedTo;
  if (params.get('overdue') === '1') out.overdue = true;
  const q = params.get('q')?.trim();
  if (q) out.q = q.slice(0, 100);
  return out;
}

/** The address-bar query of a set of filters, in a stable order (so equal filters give equal URLs). */
export function writeFilters(filters: CaseFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.type) params.set('type', filters.type);
  if (filters.risk) params.set('risk', filters.risk);
  if (filters.likelihood) params.set('likelihood', filters.likelihood);
  if (filters.region) params.set('region', filters.region);
  if (filters.assignedTo) params.set('assignedTo', filters.assignedTo);
  if (filters.overdue) params.set('overdue', '1');
  return params;
}

/** The GET /cases query of a set of filters. */
export function toApiQuery(filters: CaseFilters): QueryParams {
  return {
    q: filters.q,
    status: filters.status,
    type: filters.type,
    risk: filters.risk,
    likelihood: filters.likelihood,
    region: filters.region,
    assignedTo: filters.assignedTo,
    overdue: filters.overdue ? 'true' : undefined,
  };
}

/** How many filters are set (the search text counts as one). */
export function countFilters(filters: CaseFilters): number {
  return Object.values(filters).filter((v) => v !== undefined && v !== '' && v !== false).length;
}
