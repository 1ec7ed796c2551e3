/**
 * Thin fetch wrapper for the Koldoo JSON API (`/api/v1`).
 *
 * Why: every screen needs the same things — same-origin cookies, JSON bodies, the CSRF header on
 * writes, a timeout suited to weak mobile connections, and one typed error shape that forms can
 * map onto fields. Keeping it here means no component ever calls `fetch` directly.
 */

/** Base path of the JSON API; the dev server proxies it to the Fastify process. */
export const API_BASE = '/api/v1';

/** Default request timeout: generous because caseworkers work on 2G/3G in the regions. */
const DEFAULT_TIMEOUT_MS = 30_000;

/** One problem with one input field, as the server reports it in a 400 `validation_failed`. */
export interface ValidationIssue {
  path: (string | number)[];
  message: string;
  /** Optional zod issue code (`too_small`, `invalid_format` …) so the UI can translate the message. */
  code?: string;
  minimum?: number;
  maximum?: number;
}

// Where in the request the server says an issue lies; the field name follows it.
const LOCATIONS = new Set(['body', 'querystring', 'params', 'headers']);

/** `details` of a 400 response: the list of field issues. */
export interface ValidationDetails {
  issues: ValidationIssue[];
}

/** `details` of a 429 response: how long to wait. */
export interface RetryDetails {
  retryAfterSeconds: number;
}

/** Codes produced locally, when no usable answer came from the server. */
export type ClientErrorCode = 'network_error' | 'timeout' | 'unknown_error';

/** Typed error for every failed API call, so UI code can branch on `status`/`code` and map fields. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Field issues of a 400 response (empty when there are none). */
  get issues(): ValidationIssue[] {
    const d = this.details;
    if (this.status !== 400 || !isRecord(d) || !Array.isArray(d.issues)) return [];
    return d.issues.filter(
      (i): i is ValidationIssue => isRecord(i) && Array.isArray(i.path) && typeof i.message === 'string',
    );
  }

  /**
   * First issue per top-level field name, for showing one message under each input. The server
   * puts where the field was first (`['body', 'username']`); a rule broken on one field (422 with
   * `details.field`) counts too.
   */
  get fieldIssues(): Record<string, ValidationIssue> {
    const out: Record<string, ValidationIssue> = {};
    for (const issue of this.issues) {
      const path = LOCATIONS.has(String(issue.path[0])) ? issue.path.slice(1) : issue.path;
      const field = path.length > 0 ? String(path[0]) : '';
      if (!(field in out)) out[field] = issue;
    }
    const d = this.details;
    if (this.status === 422 && isRecord(d) && typeof d.field === 'string' && !(d.field in out)) {
      out[d.field] = { path: [d.field], message: this.message, code: this.code };
    }
    return out;
  }

  /** Seconds to wait before retrying (429), from `details.retryAfterSeconds` or the Retry-After header. */
  get retryAfterSeconds(): number | undefined {
    const d = this.details;
    if (isRecord(d) && typeof d.retryAfterSeconds === 'number' && d.retryAfterSeconds >= 0) {
      return d.retryAfterSeconds;
    }
    return undefined;
  }
}

/** True when the session is gone (as opposed to a wrong password on a form). */
export function isSessionExpired(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code !== 'invalid_credentials';
}

// The CSRF token lives only in memory: never in localStorage, so a script injected elsewhere
// cannot read it from storage, and a reload simply gets a fresh one from GET /auth/me.
let csrfToken: string | null = null;

/** Remember the CSRF token from the login or `/auth/me` response (null on sign-out). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Current CSRF token (exported for tests and diagnostics). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Query-string values; `undefined`, `null` and `''` are left out. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Options of one API request. */
export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const WRITE_METHODS: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Build `/api/v1/<path>?<query>` skipping empty values. */
export function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path.startsWith('/') ? path : `/${path}`}${qs ? `?${qs}` : ''}`;
}

/** Perform one API request and return the parsed JSON body (undefined for 204), or throw ApiError. */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (WRITE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: controller.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause; // cancelled by the caller (React Query): not an error to show
    if (timedOut) throw new ApiError(0, 'timeout', 'The request took too long');
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }

  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);
  if (response.ok) return payload as T;
  throw toApiError(response, payload);
}

/** Parse a response body as JSON when it says it is JSON; otherwise undefined. */
async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** Turn `{ error: { code, message, details } }` (or anything else) into an ApiError. */
export function toApiError(response: Pick<Response, 'status' | 'headers'>, payload: unknown): ApiError {
  const err = isRecord(payload) && isRecord(payload.error) ? payload.error : undefined;
  const code = typeof err?.code === 'string' ? err.code : 'unknown_error';
  const message = typeof err?.message === 'string' ? err.message : `HTTP ${response.status}`;
  let details: unknown = err?.details;
  if (response.status === 429 && !(isRecord(details) && typeof details.retryAfterSeconds === 'number')) {
    // Retry-After in seconds (the HTTP-date form is not used by our API); absent header → unknown.
    const raw = response.headers.get('retry-after');
    const header = raw === null || raw.trim() === '' ? NaN : Number(raw);
    if (Number.isFinite(header) && header >= 0) {
      details = { ...(isRecord(details) ? details : {}), retryAfterSeconds: header };
    }
  }
  return new ApiError(response.status, code, message, details);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shorthand helpers so call sites read like the HTTP contract. */
export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};
