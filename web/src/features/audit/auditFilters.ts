/** Audit filters as they live in the URL (shareable, survive reload) and as the API wants them. */
import type { AuditFilters } from '../../api/types.ts';

/** Form/URL values: plain strings, dates as YYYY-MM-DD from <input type="date">. */
export interface AuditFilterValues {
  actorId: string;
  entityType: string;
  action: string;
  from: string;
  to: string;
}

/** Names of the filter fields, in form order. */
export const AUDIT_FILTER_FIELDS = ['actorId', 'entityType', 'action', 'from', 'to'] as const;

/** Read the filters from URL search params (missing ones are empty). */
export function filtersFromParams(params: URLSearchParams): AuditFilterValues {
  return {
    actorId: params.get('actorId') ?? '',
    entityType: params.get('entityType') ?? '',
    action: params.get('action') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/** Write the non-empty filters to URL search params. */
export function filtersToParams(values: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_FIELDS) {
    const v = values[key].trim();
    if (v) params.set(key, v);
  }
  return params;
}

/** Start of a local calendar day as an ISO instant; `days` shifts it (for an exclusive end). */
function localDayToIso(day: string, days = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * API query from the form: dates are the user's local days, so `from` is the start of that day
 * and `to` the start of the day after (the whole "to" day is included).
 */
export function toApiFilters(values: AuditFilterValues): AuditFilters {
  const out: AuditFilters = {};
  if (values.actorId.trim()) out.actorId = values.actorId.trim();
  if (values.entityType.trim()) out.entityType = values.entityType.trim();
  if (values.action.trim()) out.action = values.action.trim();
  const from = localDayToIso(values.from);
  const to = localDayToIso(values.to, 1);
  if (from) out.from = from;
  if (to) out.to = to;
  return out;
}

/** True when both dates are set and the end is before the start. */
export function isRangeInvalid(values: AuditFilterValues): boolean {
  return Boolean(values.from && values.to && values.to < values.from);
}
