import { z } from 'zod';

/** The error body, as documented in OpenAPI. */
export const errorOut = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) }),
  })
  .meta({ id: 'Error' });

/** The error statuses every authenticated route may answer. */
export const errorResponses = {
  400: errorOut,
  401: errorOut,
  403: errorOut,
  404: errorOut,
  409: errorOut,
  422: errorOut,
  429: errorOut,
} as const;

/**
 * The version a client read, sent back on update for optimistic locking; bounded by the integer
 * column that stores it (a larger number used to reach PostgreSQL and fail there with a 500).
 */
export const versionIn = z.number().int().positive().max(2_147_483_647);

/** The empty body of a 204 answer. */
export const noContent = z.null().describe('No content');
