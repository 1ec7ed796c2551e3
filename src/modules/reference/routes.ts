import { z } from 'zod';
import { errorResponses } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { DISTRICTS, REGIONS, regionBoundaries } from '../../reference/admin.ts';

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

  app.get(
    '/regions.geojson',
    {
      schema: {
        tags: ['reference'],
        description:
          'Boundaries of the oblasts and cities as a GeoJSON FeatureCollection (simplified, WGS 84); each ' +
          'feature carries `iso3166_2`, `adm1_pcode` and `name_en`, `name_ky`, `name_ru`. Cached for a day.',
        response: {
          200: z
            .object({
              type: z.literal('FeatureCollection'),
              features: z.array(
                z.object({
                  type: z.literal('Feature'),
                  properties: z.object({
                    iso3166_2: z.string(),
                    adm1_pcode: z.string(),
                    name_en: z.string(),
                    name_ky: z.string(),
                    name_ru: z.string(),
                  }),
                  geometry: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }),
                }),
              ),
            })
            .describe('application/geo+json'),
          ...errorResponses,
        },
      },
    },
    async (_req, reply) => {
      return reply
        .type('application/geo+json; charset=utf-8')
        .header('cache-control', 'private, max-age=86400')
        .send(regionBoundaries() as never); // the schema documents the parsed shape of this text
    },
  );
}
