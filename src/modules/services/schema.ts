import { z } from 'zod';
import { SERVICE_KINDS } from '../../domain/codes.ts';
import { versionIn } from '../../http/schemas.ts';
import { adminCode } from '../offices/schema.ts';
import { e164 } from '../persons/schema.ts';

const fields = {
  organisationId: z.uuid(),
  kind: z.enum(SERVICE_KINDS),
  name: z.string().trim().min(2).max(160),
  description: z.string().trim().max(2000),
  regionCodes: z.array(adminCode).max(50),
  phone: e164,
  email: z.email().max(200),
  address: z.string().trim().max(300),
  active: z.boolean(),
};

/** Body of POST /services. */
export const createServiceIn = z
  .object({
    ...fields,
    description: fields.description.optional(),
    regionCodes: fields.regionCodes.default([]),
    phone: fields.phone.optional(),
    email: fields.email.optional(),
    address: fields.address.optional(),
    active: fields.active.default(true),
  })
  .strict()
  .meta({
    example: {
      organisationId: '9e4b2d71-6c3a-4f85-b2d9-1a7e0c5f3b64',
      kind: 'legal_aid',
      name: 'Бесплатная юридическая консультация для мигрантов, Кара-Суу',
      description: 'Юрист помогает составить обращения в консульства и министерства.',
      regionCodes: ['KG-O-KARA-SUU'],
      phone: '+996322250000',
      address: 'Кара-Суу, мэрия, кабинет 12',
    },
  });

/** Body of PATCH /services/:id; optional text fields may be cleared with null. */
export const updateServiceIn = z
  .object({
    organisationId: fields.organisationId.optional(),
    kind: fields.kind.optional(),
    name: fields.name.optional(),
    description: fields.description.nullable().optional(),
    regionCodes: fields.regionCodes.optional(),
    phone: fields.phone.nullable().optional(),
    email: fields.email.nullable().optional(),
    address: fields.address.nullable().optional(),
    active: fields.active.optional(),
    version: versionIn,
  })
  .strict()
  .meta({
    example: {
      phone: '+996322250011',
      email: null,
      regionCodes: ['KG-O-KARA-SUU', 'KG-O-ARAVAN'],
      version: 2,
    },
  });

/** Query of GET /services. */
export const listServicesQuery = z.object({
  kind: z.enum(SERVICE_KINDS).optional(),
  region: adminCode
    .optional()
    .describe('A region or district: services covering it, a district in it, or its whole region'),
  organisationId: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  active: z.enum(['true', 'false']).optional(),
});

/** A service as the API shows it, with its organisation's name for display. */
export const serviceOut = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    kind: z.enum(SERVICE_KINDS),
    name: z.string(),
    description: z.string().nullable(),
    regionCodes: z.array(z.string()),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Service' });
