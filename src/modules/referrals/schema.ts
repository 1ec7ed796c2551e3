import { z } from 'zod';
import { REFERRAL_STATUSES } from '../../domain/codes.ts';
import { isoDateSchema } from '../../domain/dates.ts';
import { versionIn } from '../../http/schemas.ts';
import { today } from '../../clock.ts';

/** Body of POST /cases/:id/referrals: what is asked of the service and what the partner may learn. */
export const referralIn = z
  .object({
    serviceId: z.uuid(),
    reason: z.string().trim().min(1).max(1000),
    consentRecordedOn: isoDateSchema.refine((d) => d <= today(), 'The date is in the future'),
    share: z
      .object({
        phone: z.boolean().optional(),
        originRegion: z.boolean().optional(),
        ageBand: z.boolean().optional(),
        sex: z.boolean().optional(),
      })
      .strict()
      .default({})
      .describe(
        'Which of the person’s details the receiving organisation may see besides a first name or pseudonym',
      ),
    needs: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .describe('What the partner is asked to do; the partner reads this text'),
  })
  .strict()
  .meta({
    example: {
      serviceId: '2a6f8c3e-4b1d-4e97-a5c2-8d0e7f9b1c53',
      reason: 'Работодатель в Москве не выплатил зарплату за 8 месяцев и удерживает паспорт',
      consentRecordedOn: '2026-03-04',
      share: { phone: true, sex: true, ageBand: true },
      needs: 'Помогите подать иск о невыплаченной зарплате и восстановить паспорт.',
    },
  });

/** Body of PATCH /referrals/:id: the receiving organisation's answer. */
export const referralUpdateIn = z
  .object({
    status: z.enum(REFERRAL_STATUSES),
    partnerNote: z.string().trim().max(2000).optional(),
    version: versionIn,
  })
  .strict()
  .meta({
    example: { status: 'accepted', partnerNote: 'Юрист Эрлан Сыдыков примет 12 марта в 10:00', version: 1 },
  });

/** Query of GET /referrals. */
export const listReferralsQuery = z.object({
  status: z.enum(REFERRAL_STATUSES).optional(),
  serviceId: z.uuid().optional(),
  sort: z.enum(['-createdAt', 'createdAt']).default('-createdAt'),
});

/** The snapshot a referral shares with the receiving organisation. */
export const sharedOut = z.object({
  displayName: z.string(),
  sex: z.string().optional(),
  ageBand: z.string().optional(),
  phone: z.string().optional(),
  originRegion: z.string().optional(),
  needs: z.string(),
});

const common = {
  id: z.uuid(),
  status: z.enum(REFERRAL_STATUSES),
  reason: z.string(),
  shared: sharedOut,
  serviceId: z.uuid(),
  serviceName: z.string(),
  partnerNote: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
};

/** A referral as the receiving organisation sees it: nothing that leads back to the case. */
export const partnerReferralOut = z.object(common).meta({ id: 'PartnerReferral' });

/** A referral as the case's staff see it. */
export const referralOut = z
  .object({
    ...common,
    caseId: z.uuid(),
    caseNumber: z.string(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    consentRecordedOn: z.string(),
    createdBy: z.uuid().nullable(),
  })
  .meta({ id: 'Referral' });

/**
 * Either view; the staff view comes first so that it is tried first when serialising (the
 * partner view, having fewer keys, would otherwise match a staff object and strip it).
 */
export const anyReferralOut = z.union([referralOut, partnerReferralOut]);
