import { expect, it } from 'vitest';
import { type Client, PASSWORD, type Res, describeEachEngine } from '../../../test/helpers/harness.ts';
import { planFixtures } from './plans.fixtures.ts';

describeEachEngine('plan validation, access and the approval queue', (h) => {
  const { as, put, openCase, propose } = planFixtures(h);

  it('validates proposals: money as KGS strings above zero, whole quantities, known active codes, business plans only on grants', async () => {
    const cw = await as('caseworker');
    const plan = await openCase('trafficking_survivor', 'Санобар');
    const bad = [
      { unitCost: '-100.00' },
      { unitCost: 100.5 },
      { unitCost: '100.555' },
      { unitCost: '0' },
      { unitCost: '0.00' },
      { quantity: 1.5 },
      { quantity: 0 },
      { quantity: -1 },
      { catalogueCode: 'Food Package' },
      { extra: 'field' },
    ];
    for (const body of bad) {
      const res = await cw.post(`${plan}/items`, { catalogueCode: 'food_package', quantity: 1, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(
      (await cw.post(`${plan}/items`, { catalogueCode: 'no_such_item', quantity: 1 })).body.error.code,
    ).toBe('unknown_catalogue_item');
    const admin = await as('admin');
    expect(
      (await admin.patch('/api/v1/catalogue/housing_repair', { active: false, version: 1 })).status,
    ).toBe(200);
    const inactive = await cw.post(`${plan}/items`, {
      catalogueCode: 'housing_repair',
      quantity: 1,
      unitCost: '5000.00',
    });
    expect(inactive.body.error.code).toBe('inactive_catalogue_item');
    expect(
      (await cw.post(`${plan}/items`, { catalogueCode: 'livestock', quantity: 2 })).body.error.code,
    ).toBe('unit_cost_required');
    const businessPlan = {
      summary: 'Sewing school uniforms',
      activity: 'tailoring',
      expectedMonthlyIncome: '25000.00',
    };
    const misplaced = await cw.post(`${plan}/items`, {
      catalogueCode: 'food_package',
      quantity: 1,
      businessPlan,
    });
    expect(misplaced.status).toBe(422);
    expect(misplaced.body.error.code).toBe('business_plan_not_allowed');
    const grant = await cw.post(`${plan}/items`, {
      catalogueCode: 'business_grant',
      quantity: 1,
      unitCost: '60000.00',
      businessPlan,
    });
    expect(grant.status).toBe(201);
    expect(grant.body.warnings).toEqual([]);
    expect(grant.body.item.businessPlan).toEqual({
      ...businessPlan,
      expectedMonthlyIncome: { tyiyn: 2_500_000, kgs: '25000.00' },
      startupCosts: null,
    });
    const bare = await cw.post(`${plan}/items`, {
      catalogueCode: 'business_grant',
      quantity: 1,
      unitCost: '60000.00',
    });
    expect(bare.body.warnings).toEqual(['business_plan_recommended']);
    const food = await propose(plan, { catalogueCode: 'food_package', quantity: 2 });
    expect((await cw.patch(`${plan}/items/${food.id}`, { businessPlan, version: 1 })).body.error.code).toBe(
      'business_plan_not_allowed',
    );
    expect((await cw.patch(`${plan}/items/${food.id}`, { unitCost: '-1.00', version: 1 })).status).toBe(400);
    expect((await cw.patch(`${plan}/items/${food.id}`, { quantity: 2.5, version: 1 })).status).toBe(400);
    expect((await cw.post(`${plan}/items/${food.id}/procure`, { version: 1 })).body.error.code).toBe(
      'transition_not_allowed',
    );
    const noReason = await cw.post(`${plan}/items/${food.id}/cancel`, { version: 1, reason: ' ' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('cancel_reason_required');
    expect(
      (await cw.post(`${plan}/items/${food.id}/cancel`, { version: 1, reason: 'Duplicate' })).body.item.state,
    ).toBe('cancelled');
    const frozen = await cw.patch(`${plan}/items/${food.id}`, { quantity: 3, version: 2 });
    expect(frozen.status).toBe(422);
    expect(frozen.body.error.code).toBe('plan_item_not_editable');
    expect((await put(cw, plan, { goals: [''] })).status).toBe(400);
    expect((await put(cw, plan, { goals: ['x'], version: 0 })).status).toBe(400);
  });

  it('hides a plan from other offices, partners and analysts (404), refuses approvals to caseworkers (403), and anonymous callers (401)', async () => {
    const plan = await openCase('returnee_reintegration', 'Сирожиддин');
    const item = await propose(plan, { catalogueCode: 'tools', quantity: 1, unitCost: '9000.00' });
    const otherOffice = await h().login('caseworker.batken');
    const strangers: [string, Client][] = [
      ['caseworker.batken', otherOffice],
      ['partner', await as('partner')],
      ['analyst', await as('analyst')],
      ['hotline', await as('hotline_operator')],
      ['admin', await as('admin')],
    ];
    for (const [who, client] of strangers) {
      expect((await client.get(plan)).status, who).toBe(404);
      expect((await client.get(`${plan}/items`)).status, who).toBe(404);
      expect((await put(client, plan, { goals: ['x'] })).status, who).toBe(404);
      expect(
        (await client.post(`${plan}/items`, { catalogueCode: 'tools', quantity: 1, unitCost: '1.00' }))
          .status,
        who,
      ).toBe(404);
      expect((await client.patch(`${plan}/items/${item.id}`, { quantity: 2, version: 1 })).status, who).toBe(
        404,
      );
      expect((await client.post(`${plan}/items/${item.id}/approve`, { version: 1 })).status, who).toBe(404);
    }
    expect((await (await as('supervisor')).get(plan)).status).toBe(200);
    const otherPlan = await openCase('legal_assistance', 'Другой');
    expect((await (await as('caseworker')).get(`${otherPlan}/items`)).body.items).toEqual([]);
    expect(
      (await (await as('caseworker')).patch(`${otherPlan}/items/${item.id}`, { quantity: 2, version: 1 }))
        .status,
    ).toBe(404);
    expect((await (await as('caseworker')).get('/api/v1/cases/not-a-uuid/plan')).status).toBe(400);
    expect((await h().anonymous.get(plan)).status).toBe(401);
    expect((await h().anonymous.get('/api/v1/me/approvals')).status).toBe(401);
    for (const role of ['caseworker', 'partner', 'analyst', 'admin'] as const) {
      expect((await (await as(role)).get('/api/v1/me/approvals')).status, role).toBe(403);
    }
    expect((await otherOffice.get('/api/v1/me/approvals')).status).toBe(403);
    // A supervisor of another office approves nothing here and sees none of it in their queue.
    const batken = await h().officeId('Batken');
    const account = {
      username: 'supervisor.batken',
      displayName: 'Batken Supervisor',
      role: 'supervisor',
      officeId: batken,
    };
    expect((await (await as('admin')).post('/api/v1/users', { ...account, password: PASSWORD })).status).toBe(
      201,
    );
    const farSupervisor = await h().login('supervisor.batken');
    expect((await farSupervisor.post(`${plan}/items/${item.id}/approve`, { version: 1 })).status).toBe(404);
    expect((await farSupervisor.get('/api/v1/me/approvals')).body.items).toEqual([]);
    const queue = (await (await as('supervisor')).get('/api/v1/me/approvals')).body.items;
    expect(queue.map((i: { id: string }) => i.id)).toContain(item.id);
  });

  it('answers every item move with 401 anonymous, 403 to a caseworker approving, 400 bad bodies, 404 unknown items, 409 stale versions', async () => {
    const sup = await as('supervisor');
    const plan = await openCase('returnee_reintegration', 'Тамара');
    const item = await propose(plan, { catalogueCode: 'clothing', quantity: 2 });
    const ghost = '00000000-0000-4000-8000-000000000000';
    const bodies = {
      approve: { version: 1 },
      procure: { version: 1, supplier: 'Osh bazaar' },
      deliver: { version: 1, deliveredOn: '2026-01-05', acknowledged: true },
      cancel: { version: 1, reason: 'Not needed' },
    };
    for (const [verb, body] of Object.entries(bodies)) {
      expect((await h().anonymous.post(`${plan}/items/${item.id}/${verb}`, body)).status, verb).toBe(401);
      expect(
        (await sup.post(`${plan}/items/${item.id}/${verb}`, { ...body, version: '1' })).status,
        verb,
      ).toBe(400);
      expect((await sup.post(`${plan}/items/${item.id}/${verb}`, { ...body, extra: 1 })).status, verb).toBe(
        400,
      );
      expect((await sup.post(`${plan}/items/${ghost}/${verb}`, body)).status, verb).toBe(404);
      expect((await sup.post(`${plan}/items/${item.id}/${verb}`, { ...body, version: 7 })).status, verb).toBe(
        409,
      );
    }
    expect((await h().anonymous.patch(`${plan}/items/${item.id}`, { quantity: 1, version: 1 })).status).toBe(
      401,
    );
    expect(
      (await h().anonymous.post(`${plan}/items`, { catalogueCode: 'clothing', quantity: 1 })).status,
    ).toBe(401);
    expect((await h().anonymous.request('PUT', plan, { goals: [] })).status).toBe(401);
    const denied = await (await as('caseworker')).post(`${plan}/items/${item.id}/approve`, { version: 1 });
    expect(denied.status).toBe(403);
    expect(denied.body.error.details).toEqual({ action: 'plan:approve' });
    expect((await sup.get(`${plan}/items`)).body.items[0]).toMatchObject({ state: 'proposed', version: 1 });
  });

  it('pages the approval queue oldest first without repeating or skipping items', async () => {
    const sup = await as('supervisor');
    const plan = await openCase('returnee_reintegration', 'Асанбай');
    const made = [];
    for (const quantity of [1, 2, 3, 4, 5])
      made.push((await propose(plan, { catalogueCode: 'food_package', quantity })).id);
    const all = (await sup.get('/api/v1/me/approvals?limit=200')).body.items.map((i: { id: string }) => i.id);
    expect(all.slice(-5)).toEqual(made);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Res = await sup.get(`/api/v1/me/approvals?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await sup.get('/api/v1/me/approvals?cursor=forged')).status).toBe(400);
  });
});
