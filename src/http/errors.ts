import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { sqlState } from '../db/client.ts';
import { AppError } from '../errors.ts';

/** The JSON body of every error the API returns. */
export interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

const body = (code: string, message: string, details: Record<string, unknown> = {}): ErrorBody => ({
  error: { code, message, details },
});

const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send JSON (application/json)'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json', 'The JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json', 'The body is not valid JSON'],
};

const INVALID_TEXT: [number, string, string] = [
  400,
  'invalid_text',
  'The text contains a character that cannot be stored (such as NUL)',
];

// PostgreSQL SQLSTATEs that a client can cause and fix.
const PG_CODES: Record<string, [number, string, string]> = {
  '23505': [409, 'duplicate', 'A record with the same unique value exists'],
  '23503': [422, 'unknown_reference', 'A referenced record does not exist'],
  // A NUL character in any text a client sends: PostgreSQL cannot store or compare it; in JSON the
  // database reads (an audit event's body), \u0000 has no text form either.
  '22021': INVALID_TEXT,
  '22P05': INVALID_TEXT,
};

/**
 * One place that turns anything thrown into `{ error: { code, message, details } }` with the
 * right status. Unexpected errors are logged and answered 500 without internals.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.status === 429 && typeof err.details.retryAfterSeconds === 'number') {
        void reply.header('retry-after', String(err.details.retryAfterSeconds));
      }
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: [err.validationContext ?? 'body', ...String(v.instancePath).split('/').filter(Boolean)],
        message: v.message ?? 'invalid',
        // fastify-type-provider-zod puts the zod issue code in `keyword` (and leaves it out of params).
        code: v.keyword,
      }));
      return reply.status(400).send(body('validation_failed', 'The request is not valid', { issues }));
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return reply.status(known[0]).send(body(known[1], known[2]));
    const state = sqlState(err);
    const pg = state ? PG_CODES[state] : undefined;
    if (pg) return reply.status(pg[0]).send(body(pg[1], pg[2]));
    if (
      err.statusCode &&
      err.statusCode >= 400 &&
      err.statusCode < 500 &&
      !isResponseSerializationError(err)
    ) {
      return reply.status(err.statusCode).send(body('bad_request', err.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('internal', 'Something went wrong on the server; it has been logged'));
  });
}
