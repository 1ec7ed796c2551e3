import { today } from '../../clock.ts';
import { addDays } from '../followups/queries.ts';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Role } from '../../access/policy.ts';
import { auditEvents } from '../../db/schema/index.ts';
import type { Client, Harness, Res } from '../../../test/helpers/harness.ts';

/** Today as an ISO date (UTC, as the service judges delivery dates). */
export { today } from '../../clock.ts';
/** The ISO date `days` from today (negative: in the past). */
export const shift = (days: number) => addDays(today(), days);

/** What the plan tests do again and again: sign in, open a case, propose an item, find the audit event. */
export function planFixtures(h: () => Harness) {
  const as = (role: Role) => h().as(role);
  return {
    as,
    idOf: async (role: Role): Promise<string> => (await (await as(role)).get('/api/v1/auth/me')).body.user.id,
    put: (client: Client, url: string, body: unknown) => client.request('PUT', url, body),
    /** The audit events the request behind `res` wrote. */
    eventsOf: async (res: Res) =>
      h()
        .database.db.select()
        .from(auditEvents)
        .where(eq(auditEvents.requestId, String(res.headers['x-request-id']))),
    /** Opens a case in the Osh office as its caseworker and answers the plan's URL. */
    openCase: async (type = 'returnee_reintegration', givenName = 'Астра'): Promise<string> => {
      const person = {
        givenName,
        familyName: 'Садыкова',
        sex: 'female',
        estimatedAge: 47,
        originRegion: 'KG-J',
      };
      const res = await (
        await as('caseworker')
      ).post('/api/v1/cases', { person, type, intakeChannel: 'iom_office' });
      expect(res.status).toBe(201);
      return `/api/v1/cases/${res.body.case.id}/plan`;
    },
    /** Proposes an item and expects it to be accepted. */
    propose: async (plan: string, body: Record<string, unknown>, role: Role = 'caseworker') => {
      const res = await (await as(role)).post(`${plan}/items`, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.item;
    },
  };
}
