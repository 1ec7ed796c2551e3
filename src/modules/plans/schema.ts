import { z } from 'zod';
import { CASE_TYPES, PLAN_ITEM_STATES } from '../../domain/codes.ts';
import { isoDateSchema } from '../../domain/dates.ts';
import { kgsAmountSchema } from '../../domain/money.ts';
import { versionIn } from '../../http/schemas.ts';
import { moneyOut, positiveKgs } from '../catalogue/money.ts';
import { catalogueCode } from '../catalogue/schema.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Body of PUT /cases/:id/plan: leave `version` out to create the plan, send the one read to change it. */
export const putPlanIn = z
  .object({ goals: z.array(text(500)).max(30), version: versionIn.optional() })
  .strict()
  .meta({
    example: {
      goals: ['Открыть швейную мастерскую с дочерьми', 'Погасить долг семьи за учёбу сына'],
      version: 1,
    },
  });

/** A business plan as entered; amounts in KGS like every amount the API accepts. */
export const businessPlanIn = z
  .object({
    summary: text(4000),
    activity: text(200),
    expectedMonthlyIncome: kgsAmountSchema.optional(),
    startupCosts: kgsAmountSchema.optional(),
  })
  .strict();

const quantity = z.int().min(1).max(10_000);

/** Body of POST /cases/:id/plan/items. */
export const proposeItemIn = z
  .object({
    catalogueCode,
    description: text(500).optional(),
    quantity,
    unitCost: positiveKgs.optional().describe('KGS per unit; default the catalogue item’s default unit cost'),
    supplier: text(200).optional(),
    businessPlan: businessPlanIn
      .optional()
      .describe('Only for business_grant items, and recommended for them'),
  })
  .strict()
  .meta({
    example: {
      catalogueCode: 'sewing_equipment',
      description: 'Швейная машина Janome и утюг',
      quantity: 3,
      unitCost: '18000.00',
      supplier: 'ОсОО «Тигүү-Сервис», Жалал-Абад',
    },
  });

/** Body of PATCH /cases/:id/plan/items/:itemId (while the item is proposed); null clears a field. */
export const updateItemIn = z
  .object({
    description: text(500).nullable().optional(),
    quantity: quantity.optional(),
    unitCost: positiveKgs.optional(),
    supplier: text(200).nullable().optional(),
    businessPlan: businessPlanIn.nullable().optional(),
    version: versionIn,
  })
  .strict()
  .meta({ example: { quantity: 2, unitCost: '17500.00', version: 1 } });

/** Body of POST …/approve; `overrideReason` is needed when the approval takes the case over its ceiling. */
export const approveIn = z
  .object({ version: versionIn, overrideReason: z.string().trim().max(2000).optional() })
  .strict()
  .meta({
    example: { version: 1, overrideReason: 'Семья из восьми человек, единственный доход — швейный бизнес' },
  });

/** Body of POST …/procure. */
export const procureIn = z
  .object({ version: versionIn, supplier: text(200).optional() })
  .strict()
  .meta({ example: { version: 2, supplier: 'ОсОО «Тигүү-Сервис», Жалал-Абад' } });

/** Body of POST …/deliver: the beneficiary must acknowledge receipt. */
export const deliverIn = z
  .object({ version: versionIn, deliveredOn: isoDateSchema, acknowledged: z.boolean() })
  .strict()
  .meta({ example: { version: 3, deliveredOn: '2026-05-14', acknowledged: true } });

/** Body of POST …/cancel; the reason is checked by the workflow rule (422 when missing or blank). */
export const cancelIn = z
  .object({ version: versionIn, reason: z.string().trim().max(2000).optional() })
  .strict()
  .meta({
    example: { version: 2, reason: 'Бенефициар выбрал профессиональное обучение вместо оборудования' },
  });

/** A plan item as the API shows it, with its total and the moves its state allows. */
export const planItemOut = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  catalogueCode: z.string(),
  description: z.string().nullable(),
  quantity: z.int(),
  unitCost: moneyOut,
  amount: moneyOut.describe('quantity × unit cost'),
  supplier: z.string().nullable(),
  state: z.enum(PLAN_ITEM_STATES),
  proposedBy: z.uuid(),
  approvedBy: z.uuid().nullable(),
  approvedAt: z.date().nullable(),
  overrideReason: z.string().nullable(),
  procuredAt: z.date().nullable(),
  deliveredOn: z.string().nullable(),
  acknowledged: z.boolean().nullable(),
  cancelReason: z.string().nullable(),
  businessPlan: z
    .object({
      summary: z.string(),
      activity: z.string(),
      expectedMonthlyIncome: moneyOut.nullable(),
      startupCosts: moneyOut.nullable(),
    })
    .nullable(),
  allowedTransitions: z.array(z.enum(PLAN_ITEM_STATES)),
  version: z.int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** The plan of a case: goals, items and where the budget stands. */
export const planOut = z.object({
  caseId: z.uuid(),
  goals: z.array(z.string()),
  version: z.int().nullable().describe('null until the plan is first saved'),
  updatedAt: z.date().nullable(),
  items: z.array(planItemOut),
  budget: z.object({
    ceiling: moneyOut.nullable(),
    committed: moneyOut.describe('approved, procured and delivered items'),
    remaining: moneyOut.nullable().describe('negative after an approval over the ceiling'),
  }),
});

/** One item waiting for a supervisor's approval, with its case. */
export const approvalOut = z.object({
  id: z.uuid(),
  case: z.object({ id: z.uuid(), number: z.string(), type: z.enum(CASE_TYPES) }),
  catalogueCode: z.string(),
  description: z.string().nullable(),
  quantity: z.int(),
  unitCost: moneyOut,
  amount: moneyOut,
  proposedBy: z.uuid(),
  version: z.int(),
  createdAt: z.date(),
});

/** Answer of POST /cases/:id/plan/items: the item, and advice that did not stop it (a grant without a business plan). */
export const proposedOut = z.object({
  item: planItemOut,
  warnings: z.array(z.enum(['business_plan_recommended'])),
});
