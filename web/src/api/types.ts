/**
 * Shapes of the API payloads the web app reads and writes.
 *
 * Why here: the server's zod schemas are not shared with the browser bundle yet; these mirror the
 * HTTP contract in one place so a contract change is a one-file edit on the web side.
 */
import type { Locale, OfficeKind, Role } from '../../../src/domain/organisation.ts';

/**
 * Roles, UI languages and office kinds are the server's own lists (a module with no imports, so
 * the sign-in page loads nothing more); labels come from i18n, who may assign what from the server.
 */
export {
  LOCALES,
  OFFICE_KINDS,
  ROLES,
  type Locale,
  type OfficeKind,
  type Role,
} from '../../../src/domain/organisation.ts';

/** The signed-in user as returned by the auth endpoints. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  officeId: string | null;
  officeName: string | null;
  locale: Locale;
  mustChangePassword: boolean;
}

/** GET /auth/me. */
export interface MeResponse {
  user: SessionUser;
  csrfToken: string;
  abilities: string[];
  /** The offices' time zone (IANA), in which "today" is judged. */
  timeZone: string;
}

/** POST /auth/login. */
export interface LoginResponse {
  user: SessionUser;
  csrfToken: string;
}

/** One office. */
export interface Office {
  id: string;
  name: string;
  kind: OfficeKind;
  country: string;
  regionCodes: string[];
  version: number;
}

/** Body of POST /offices (PATCH adds `version`). */
export interface OfficeInput {
  name: string;
  kind: OfficeKind;
  country: string;
  regionCodes: string[];
}

/** One row of GET /users. */
export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  officeId: string | null;
  locale: Locale;
  active: boolean;
  version: number;
}

/** Body of POST /users. */
export interface UserCreateInput {
  username: string;
  displayName: string;
  role: Role;
  officeId: string;
  locale: Locale;
  password: string;
}

/** One audit event. */
export interface AuditEvent {
  seq: number | string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  ip: string | null;
  fields: string[];
  outcome: string;
}

/** Filters of GET /audit (all optional). */
export interface AuditFilters {
  actorId?: string;
  entityType?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Cursor-paginated list envelope used by every list endpoint. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
