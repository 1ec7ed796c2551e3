import { z } from 'zod';
import { errorResponses } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { DISTRICTS, REGIONS } from '../../reference/admin.ts';

const names = z.object({ en: z.string(), ky: z.string(), ru: z.string() });

/** The shipped administrative divisions, for pickers and validation in clients. */
export function referenceRoutes(app: App): void {
  app.get(
    '/regions',
    {
      schema: {
        tags: ['reference'],
        description:
          'The shipped oblasts, cities and districts with ISO 3166-2:KG codes, OCHA P-codes and names in en, ky, ru.',
        response: {
          200: z.object({
            regions: z.array(z.object({ iso: z.string(), pcode: z.string(), type: z.string(), names })),
            districts: z.array(
              z.object({ code: z.string(), regionIso: z.string(), pcode: z.string().nullable(), names }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    () => ({ regions: [...REGIONS], districts: [...DISTRICTS] }),
  );
}
