import { z } from 'zod';
import { ROLES } from '../../access/policy.ts';
import { LOCALES } from '../../domain/organisation.ts';
import { versionIn } from '../../http/schemas.ts';

/** A user as every API response shows it. */
export const userOut = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    officeId: z.uuid().nullable(),
    officeName: z.string().nullable(),
    locale: z.enum(LOCALES),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'User' });

/** A new password: long enough to resist guessing, short enough to type. */
export const newPassword = z.string().min(10, 'At least 10 characters').max(200);

/** Body of POST /users. */
export const createUserIn = z
  .object({
    username: z
      .string()
      .min(3)
      .max(40)
      .regex(/^[a-z0-9._-]+$/i, 'Letters, digits, dot, dash and underscore only'),
    displayName: z.string().trim().min(1).max(120),
    role: z.enum(ROLES),
    officeId: z.uuid().nullable(),
    locale: z.enum(LOCALES).default('en'),
    password: newPassword.optional(),
  })
  .strict()
  .meta({
    example: {
      username: 'caseworker.kara-suu',
      displayName: 'Жыпар Абдыкадырова',
      role: 'caseworker',
      officeId: '7d2f4c1a-93b8-4e56-a1c0-5f8e2b9d6a47',
      locale: 'ky',
    },
  });

/** Body of PATCH /users/:id; `version` is the one the client read. */
export const updateUserIn = z
  .object({
    displayName: z.string().trim().min(1).max(120).optional(),
    role: z.enum(ROLES).optional(),
    officeId: z.uuid().nullable().optional(),
    locale: z.enum(LOCALES).optional(),
    active: z.boolean().optional(),
    version: versionIn,
  })
  .strict()
  .meta({ example: { displayName: 'Жыпар Абдыкадырова', role: 'supervisor', version: 3 } });

/** Body of POST /users/:id/reset-password: without a password, one is generated and shown once. */
export const resetPasswordIn = z
  .object({ password: newPassword.optional() })
  .strict()
  .meta({ example: { password: 'Жалал-Абад-2026!' } });

/** Query of GET /users. */
export const listUsersQuery = z.object({
  role: z.enum(ROLES).optional(),
  officeId: z.uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional(),
  sort: z.enum(['username', '-username', 'createdAt', '-createdAt']).default('username'),
});
