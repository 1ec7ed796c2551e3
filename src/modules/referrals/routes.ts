import { z } from 'zod';
import { pageOf, pageQuery } from '../../db/pagination.ts';
import { contextOf } from '../../http/auth.ts';
import { errorResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { anyReferralOut, listReferralsQuery, referralIn, referralOut, referralUpdateIn } from './schema.ts';
import { getReferral, listCaseReferrals, listReferrals, sendReferral, updateReferral } from './service.ts';

const idParams = z.object({ id: z.uuid() });
const one = z.object({ referral: anyReferralOut });

/** Referrals: sent from a case with consent, answered by the receiving organisation. */
export function referralRoutes(app: App, deps: RouteDeps): void {
  const tags = ['referrals'];
  const ctx = (req: Parameters<typeof contextOf>[0]) => contextOf(req, deps.db, deps.config);
  app.post(
    '/cases/:id/referrals',
    {
      schema: {
        tags,
        description:
          'Refers the case to a service. Refused with 422 consent_required unless the case holds unwithdrawn consent to referrals.',
        params: idParams,
        body: referralIn,
        response: { 201: z.object({ referral: referralOut }), ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ referral: await sendReferral(ctx(req), req.params.id, req.body) }),
  );
  app.get(
    '/cases/:id/referrals',
    {
      schema: {
        tags,
        description:
          'The referrals of the case, newest first, with what was shared and the partner’s answer.',
        params: idParams,
        response: { 200: z.object({ items: z.array(referralOut) }), ...errorResponses },
      },
    },
    async (req) => ({ items: await listCaseReferrals(ctx(req), req.params.id) }),
  );
  app.get(
    '/referrals',
    {
      schema: {
        tags,
        description:
          'Referrals in scope; partners see those sent to their organisation, without anything that identifies the case.',
        querystring: pageQuery.extend(listReferralsQuery.shape),
        response: { 200: pageOf(anyReferralOut), ...errorResponses },
      },
    },
    (req) => listReferrals(ctx(req), req.query),
  );
  app.get(
    '/referrals/:id',
    {
      schema: {
        tags,
        description:
          'One referral: the staff view, or for the receiving organisation the partner view without the case.',
        params: idParams,
        response: { 200: one, ...errorResponses },
      },
    },
    async (req) => ({
      referral: await getReferral(ctx(req), req.params.id),
    }),
  );
  app.patch(
    '/referrals/:id',
    {
      schema: {
        tags,
        description:
          'The receiving organisation moves the referral: sent → accepted | declined, accepted → completed.',
        params: idParams,
        body: referralUpdateIn,
        response: { 200: one, ...errorResponses },
      },
    },
    async (req) => ({ referral: await updateReferral(ctx(req), req.params.id, req.body) }),
  );
}
