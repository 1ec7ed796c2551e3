import { z } from 'zod';
import { OFFICE_KINDS } from '../../domain/organisation.ts';
import { isAdminCode } from '../../reference/admin.ts';
import { versionIn } from '../../http/schemas.ts';

/** An ISO 3166-1 alpha-2 country code. */
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code such as KG or RU');

/** A region (ISO 3166-2:KG) or district code from the shipped administrative data. */
export const adminCode = z.string().refine(isAdminCode, 'Not a region or district code of the shipped list');

/** An office as the API shows it. */
export const officeOut = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(OFFICE_KINDS),
    country: z.string(),
    regionCodes: z.array(z.string()),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Office' });

const fields = {
  name: z.string().trim().min(2).max(160),
  kind: z.enum(OFFICE_KINDS),
  country: countryCode,
  regionCodes: z.array(adminCode).max(50),
};

/** Body of POST /offices. */
export const createOfficeIn = z
  .object({ ...fields, regionCodes: fields.regionCodes.default([]) })
  .strict()
  .meta({
    example: {
      name: 'Single Window Centre, Aravan',
      kind: 'single_window_centre',
      country: 'KG',
      regionCodes: ['KG-O-ARAVAN'],
    },
  });

/** Body of PATCH /offices/:id. */
export const updateOfficeIn = z
  .object({
    name: fields.name.optional(),
    kind: fields.kind.optional(),
    country: fields.country.optional(),
    regionCodes: fields.regionCodes.optional(),
    active: z.boolean().optional(),
    version: versionIn,
  })
  .strict()
  .meta({ example: { regionCodes: ['KG-O-ARAVAN', 'KG-O-KARA-SUU'], version: 2 } });

/** Query of GET /offices. */
export const listOfficesQuery = z.object({
  kind: z.enum(OFFICE_KINDS).optional(),
  country: countryCode.optional(),
  region: z.string().max(40).optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt']).default('name'),
});
