import { z } from 'zod';
import { LOCALES } from '../../domain/organisation.ts';
import { newPassword } from '../users/schema.ts';

/** Body of POST /auth/login. */
export const loginIn = z
  .object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) })
  .meta({ example: { username: 'caseworker.osh', password: 'Ош-шаары-2026' } });

/** Body of PATCH /auth/me: what users may change about themselves. */
export const profileIn = z
  .object({ locale: z.enum(LOCALES).optional(), displayName: z.string().trim().min(1).max(120).optional() })
  .strict()
  .meta({ example: { locale: 'ky', displayName: 'Бакыт Ташиев' } });

/** Body of POST /auth/password. */
export const passwordIn = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword })
  .strict()
  .meta({ example: { currentPassword: 'Ош-шаары-2026', newPassword: 'Сулайман-Тоо-1999' } });

/** Body of POST /auth/tokens. */
export const tokenIn = z
  .object({
    name: z.string().trim().min(1).max(80),
    expiresInDays: z.number().int().min(1).max(366).optional(),
  })
  .strict()
  .meta({ example: { name: 'Отчёты для донора (USAID), 2026', expiresInDays: 90 } });
