/**
 * The reintegration plan of a generated case: goals, and items from the catalogue priced at its
 * defaults (or a realistic price where the catalogue has none), kept under the case type's budget
 * ceiling and moved proposed → approved → procured → delivered as far as the case's dates allow.
 */
import type { CaseType, PlanItemState } from '../domain/codes.ts';
import type { Batch } from './batch.ts';
import type { CaseInfo } from './casework.ts';
import type { StoryContext } from './context.ts';
import { KIND, type Rng, addDays, atOfficeTime, daysBetween, generatedId } from './prng.ts';

const GOALS: Record<CaseType, readonly string[]> = {
  returnee_reintegration: ['Восстановить источник дохода семьи', 'Начать своё дело', 'Погасить долги'],
  trafficking_survivor: ['Психологическое восстановление', 'Восстановить документы', 'Получить профессию'],
  stranded_migrant: ['Вернуться домой', 'Восстановить документы'],
  family_reunification: ['Воссоединение с ребёнком', 'Устроить ребёнка в школу'],
  legal_assistance: ['Взыскать невыплаченную зарплату', 'Получить юридическую консультацию'],
};

const ITEMS: Record<CaseType, readonly string[]> = {
  returnee_reintegration: [
    'agricultural_equipment',
    'livestock',
    'sewing_equipment',
    'tools',
    'vocational_training',
    'business_grant',
    'food_package',
    'housing_repair',
  ],
  trafficking_survivor: [
    'psychosocial_counselling',
    'medical_care',
    'legal_aid',
    'food_package',
    'clothing',
    'vocational_training',
    'business_grant',
  ],
  stranded_migrant: ['food_package', 'clothing', 'medical_care'],
  family_reunification: ['psychosocial_counselling', 'education_support', 'food_package'],
  legal_assistance: ['legal_aid'],
};

// Prices in tyiyn for items the shipped catalogue leaves unpriced.
const PRICE_RANGE: Record<string, [number, number]> = {
  agricultural_equipment: [2_500_000, 6_000_000],
  livestock: [4_000_000, 9_000_000],
  tools: [800_000, 2_500_000],
  business_grant: [5_000_000, 12_000_000],
  medical_care: [300_000, 2_000_000],
  legal_aid: [500_000, 1_500_000],
  education_support: [300_000, 1_200_000],
  housing_repair: [2_000_000, 6_000_000],
};

const QUANTITY: Record<string, [number, number]> = {
  psychosocial_counselling: [3, 8],
  food_package: [1, 3],
  clothing: [1, 4],
  livestock: [1, 2],
  sewing_equipment: [1, 3],
};

type Verb = 'approve' | 'procure' | 'deliver' | 'cancel';
const FIELDS: Record<Verb, string[]> = {
  approve: ['state', 'approvedBy', 'approvedAt'],
  procure: ['state', 'procuredAt', 'supplier'],
  deliver: ['state', 'deliveredOn', 'acknowledged'],
  cancel: ['state', 'cancelReason'],
};
const STATE_OF: Record<Verb, PlanItemState> = {
  approve: 'approved',
  procure: 'procured',
  deliver: 'delivered',
  cancel: 'cancelled',
};

/** Adds the plan of a case that reached planning on `on`, with its items and their moves. */
export function addPlan(b: Batch, ctx: StoryContext, rng: Rng, c: CaseInfo, on: string): void {
  const last = c.life.closedOn ?? ctx.asOf;
  const at = atOfficeTime(on, 160);
  b.plans.push({ caseId: c.id, goals: rng.some(GOALS[c.type], rng.int(1, 2)), updatedAt: at });
  b.act(
    c.id,
    at,
    c.actor,
    'plan_updated',
    { created: true, fields: ['goals'] },
    {
      action: 'plan.update',
      entityType: 'plan',
      entityId: c.id,
      fields: ['goals'],
    },
  );
  const approver = c.office.supervisors[0] ?? c.actor;
  const ceiling = ctx.ceilings.get(c.type) ?? Number.MAX_SAFE_INTEGER;
  const assisted = c.life.reached.assistance;
  let committed = 0;
  const codes = rng.some(
    ITEMS[c.type].filter((code) => ctx.unitCosts.has(code)),
    rng.int(1, 3),
  );
  for (const [k, code] of codes.entries()) {
    const range = PRICE_RANGE[code] ?? [500_000, 2_000_000];
    const unitCost = ctx.unitCosts.get(code) ?? Math.round(rng.int(range[0], range[1]) / 10_000) * 10_000;
    const [qMin, qMax] = QUANTITY[code] ?? [1, 1];
    const quantity = rng.int(qMin, qMax);
    if (committed + unitCost * quantity > ceiling) continue;
    committed += unitCost * quantity;
    const id = generatedId(ctx.key, KIND.planItem, c.index, c.sub, k);
    const proposedOn = on;
    const moves: [Verb, string][] = [];
    if (!assisted) {
      if (c.life.closedOn) moves.push(['cancel', c.life.closedOn]);
      else if (rng.chance(0.3))
        moves.push(['approve', addDays(on, rng.int(0, Math.max(0, daysBetween(on, last))))]);
    } else if (rng.chance(0.08)) {
      moves.push(['cancel', assisted]);
    } else {
      const approvedOn = addDays(on, rng.int(0, Math.max(0, daysBetween(on, assisted))));
      const procuredOn = addDays(approvedOn, rng.int(3, 20));
      const deliveredOn = addDays(procuredOn, rng.int(5, 40));
      moves.push(['approve', approvedOn]);
      if (procuredOn <= last) moves.push(['procure', procuredOn]);
      if (deliveredOn <= last) moves.push(['deliver', deliveredOn]);
      else if (c.life.closedOn) moves.push(['cancel', c.life.closedOn]);
    }
    const dated = Object.fromEntries(moves) as Partial<Record<Verb, string>>;
    const state: PlanItemState = moves.length ? STATE_OF[moves.at(-1)![0]] : 'proposed';
    const proposedAt = atOfficeTime(proposedOn, 170 + k);
    b.planItems.push({
      id,
      caseId: c.id,
      catalogueCode: code,
      description: null,
      quantity,
      unitCost,
      supplier: dated.procure
        ? rng.pick(['ОсОО «Агро-Сервис»', 'ИП Мамытов', 'Ош базар', 'ОсОО «Тигүү»'])
        : null,
      state,
      proposedBy: (c.actor ?? approver)!.id,
      approvedBy: dated.approve ? (approver?.id ?? null) : null,
      approvedAt: dated.approve ? atOfficeTime(dated.approve, 200) : null,
      overrideReason: null,
      procuredAt: dated.procure ? atOfficeTime(dated.procure, 220) : null,
      deliveredOn: dated.deliver ?? null,
      acknowledged: dated.deliver ? true : null,
      cancelReason: dated.cancel ? 'Дело закрыто или потребность отпала' : null,
      businessPlan:
        code === 'business_grant'
          ? {
              summary: 'Небольшое семейное дело',
              activity: rng.pick(['пекарня', 'швейный цех', 'откорм скота', 'теплица']),
              expectedMonthlyIncome: rng.int(15, 60) * 100_000,
              startupCosts: unitCost,
            }
          : null,
      createdAt: proposedAt,
      updatedAt: moves.length ? atOfficeTime(moves.at(-1)![1], 230) : proposedAt,
    });
    b.act(
      c.id,
      proposedAt,
      c.actor,
      'plan_item_proposed',
      { itemId: id, catalogueCode: code, quantity },
      {
        action: 'plan_item.propose',
        entityType: 'plan_item',
        entityId: id,
        fields: ['catalogueCode', 'quantity', 'unitCost'],
      },
    );
    let from: PlanItemState = 'proposed';
    for (const [verb, date] of moves) {
      const actor = verb === 'approve' ? approver : c.actor;
      b.act(
        c.id,
        atOfficeTime(date, 210 + k),
        actor,
        'plan_item_changed',
        { itemId: id, from, to: STATE_OF[verb] },
        {
          action: `plan_item.${verb}`,
          entityType: 'plan_item',
          entityId: id,
          fields: FIELDS[verb],
        },
      );
      from = STATE_OF[verb];
    }
  }
}
