import { expect, it } from 'vitest';
import { type Res, describeEachEngine } from '../../../test/helpers/harness.ts';
import { planFixtures, shift, today } from './plans.fixtures.ts';

const kinds = (res: Res) => res.body.items.map((e: { kind: string }) => e.kind);

describeEachEngine('reintegration plans', (h) => {
  const { as, idOf, put, eventsOf, openCase, propose } = planFixtures(h);

  it("follows Astra's story: three sewing machines and an iron, approved by the Osh supervisor, procured and delivered", async () => {
    const cw = await as('caseworker');
    const sup = await as('supervisor');
    const plan = await openCase();
    const empty = await cw.get(plan);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ goals: [], version: null, items: [] });
    expect(empty.body.budget).toEqual({
      ceiling: { tyiyn: 15_000_000, kgs: '150000.00' },
      committed: { tyiyn: 0, kgs: '0.00' },
      remaining: { tyiyn: 15_000_000, kgs: '150000.00' },
    });
    const goals = ['Run a sewing business with her daughters', 'Repay the debt for her son’s university'];
    const created = await put(cw, plan, { goals });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ goals, version: 1 });
    expect((await put(cw, plan, { goals: ['again'] })).status).toBe(409);
    expect((await put(cw, plan, { goals, version: 1 })).body.version).toBe(2);

    const machines = await propose(plan, {
      catalogueCode: 'sewing_equipment',
      description: 'Sewing machine',
      quantity: 3,
    });
    expect(machines).toMatchObject({
      state: 'proposed',
      proposedBy: await idOf('caseworker'),
      unitCost: { tyiyn: 1_800_000, kgs: '18000.00' },
      amount: { tyiyn: 5_400_000, kgs: '54000.00' },
      allowedTransitions: ['approved', 'cancelled'],
      version: 1,
    });
    const iron = await propose(plan, {
      catalogueCode: 'sewing_equipment',
      description: 'Iron',
      quantity: 1,
      unitCost: '2500.00',
    });
    expect(iron.amount.kgs).toBe('2500.00');

    const queue = (await sup.get('/api/v1/me/approvals')).body.items;
    const mine = queue.filter((i: { case: { id: string } }) => i.case.id === machines.caseId);
    expect(mine.map((i: { id: string }) => i.id)).toEqual([machines.id, iron.id]);
    expect(mine[0].case.number).toMatch(/^KG-OSH-\d{4}-\d{5}$/);

    expect((await cw.post(`${plan}/items/${machines.id}/approve`, { version: 1 })).status).toBe(403);
    for (const item of [machines, iron]) {
      const approved = await sup.post(`${plan}/items/${item.id}/approve`, { version: 1 });
      expect(approved.status).toBe(200);
      expect(approved.body.item).toMatchObject({
        state: 'approved',
        approvedBy: await idOf('supervisor'),
        overrideReason: null,
        version: 2,
      });
    }
    const approvedEvent = (
      await eventsOf(await sup.post(`${plan}/items/${iron.id}/approve`, { version: 2 }))
    )[0];
    expect(approvedEvent).toMatchObject({ action: 'plan_item.approve', outcome: 'failed' });
    const budget = (await cw.get(plan)).body.budget;
    expect(budget.committed).toEqual({ tyiyn: 5_650_000, kgs: '56500.00' });
    expect(budget.remaining).toEqual({ tyiyn: 9_350_000, kgs: '93500.00' });
    expect((await sup.get('/api/v1/me/approvals')).body.items.map((i: { id: string }) => i.id)).not.toContain(
      machines.id,
    );

    const procured = await cw.post(`${plan}/items/${machines.id}/procure`, {
      version: 2,
      supplier: 'Jalal-Abad sewing supplies',
    });
    expect(procured.body.item).toMatchObject({ state: 'procured', supplier: 'Jalal-Abad sewing supplies' });
    expect(procured.body.item.procuredAt).toEqual(expect.any(String));
    const deliver = (body: object) =>
      cw.post(`${plan}/items/${machines.id}/deliver`, {
        version: 3,
        deliveredOn: today(),
        acknowledged: true,
        ...body,
      });
    const refusals: [object, number, string?][] = [
      [{ acknowledged: false }, 422, 'acknowledgement_required'],
      [{ deliveredOn: shift(2) }, 422, 'date_in_future'],
      [{ deliveredOn: shift(-3) }, 422, 'delivered_before_approval'],
      [{ deliveredOn: '2026-02-30' }, 400],
      [{ acknowledged: undefined }, 400],
      [{ version: 2 }, 409, 'version_conflict'],
    ];
    for (const [body, status, code] of refusals) {
      const res = await deliver(body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      if (code) expect(res.body.error.code).toBe(code);
    }
    const delivered = await deliver({});
    expect(delivered.body.item).toMatchObject({
      state: 'delivered',
      deliveredOn: today(),
      acknowledged: true,
      allowedTransitions: [],
    });
    const late = await cw.post(`${plan}/items/${machines.id}/cancel`, { version: 4, reason: 'too late' });
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({
      code: 'transition_not_allowed',
      details: { from: 'delivered', to: 'cancelled', allowed: [] },
    });
    const early = await cw.post(`${plan}/items/${iron.id}/deliver`, {
      version: 2,
      deliveredOn: today(),
      acknowledged: true,
    });
    expect(early.body.error.code).toBe('transition_not_allowed');

    const timeline = await cw.get(`/api/v1/cases/${machines.caseId}/timeline`);
    expect(kinds(timeline).filter((k: string) => k.startsWith('plan'))).toEqual([
      'plan_updated',
      'plan_updated',
      'plan_item_proposed',
      'plan_item_proposed',
      'plan_item_changed',
      'plan_item_changed',
      'plan_item_changed',
      'plan_item_changed',
    ]);
    const [deliveredEvent] = await eventsOf(delivered);
    expect(deliveredEvent).toMatchObject({
      action: 'plan_item.deliver',
      entityId: machines.id,
      outcome: 'ok',
    });
    expect(deliveredEvent!.fields).toEqual(['state', 'deliveredOn', 'acknowledged']);
  });

  it('refuses self-approval, also by a supervisor who reshaped a caseworker’s proposal', async () => {
    const sup = await as('supervisor');
    const plan = await openCase('legal_assistance', 'Тамара');
    const own = await propose(
      plan,
      { catalogueCode: 'legal_aid', quantity: 1, unitCost: '1500.00' },
      'supervisor',
    );
    const self = await sup.post(`${plan}/items/${own.id}/approve`, { version: 1 });
    expect(self.status).toBe(422);
    expect(self.body.error.code).toBe('self_approval');
    expect((await eventsOf(self))[0]).toMatchObject({ action: 'plan_item.approve', outcome: 'failed' });
    const theirs = await propose(plan, { catalogueCode: 'legal_aid', quantity: 1, unitCost: '1500.00' });
    const reshaped = await sup.patch(`${plan}/items/${theirs.id}`, { quantity: 2, version: 1 });
    expect(reshaped.body.item).toMatchObject({
      quantity: 2,
      proposedBy: await idOf('supervisor'),
      version: 2,
    });
    expect((await sup.post(`${plan}/items/${theirs.id}/approve`, { version: 2 })).body.error.code).toBe(
      'self_approval',
    );
    expect((await sup.get(plan)).body.items.every((i: { state: string }) => i.state === 'proposed')).toBe(
      true,
    );
  });

  it('needs an override reason to approve over the ceiling, which the admin lowered first', async () => {
    const admin = await as('admin');
    const sup = await as('supervisor');
    const ceilings = (await admin.get('/api/v1/catalogue/ceilings')).body.items;
    const { version } = ceilings.find((c: { caseType: string }) => c.caseType === 'stranded_migrant');
    expect(
      (await put(admin, '/api/v1/catalogue/ceilings/stranded_migrant', { amount: '20000.00', version }))
        .status,
    ).toBe(200);
    const plan = await openCase('stranded_migrant', 'Алима');
    const food = await propose(plan, { catalogueCode: 'food_package', quantity: 5 });
    expect((await sup.post(`${plan}/items/${food.id}/approve`, { version: 1 })).status).toBe(200);
    const clothes = await propose(plan, { catalogueCode: 'clothing', quantity: 1 });
    for (const overrideReason of [undefined, '   ']) {
      const res = await sup.post(`${plan}/items/${clothes.id}/approve`, { version: 1, overrideReason });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({
        code: 'override_reason_required',
        details: { amountTyiyn: 2_050_000, ceilingTyiyn: 2_000_000 },
      });
    }
    expect((await sup.get(plan)).body.items[1]).toMatchObject({ state: 'proposed', version: 1 });
    const reason = 'Winter: the child has no warm clothes';
    const approved = await sup.post(`${plan}/items/${clothes.id}/approve`, {
      version: 1,
      overrideReason: reason,
    });
    expect(approved.status).toBe(200);
    expect(approved.body.item).toMatchObject({ state: 'approved', overrideReason: reason });
    expect((await eventsOf(approved))[0]!.fields).toEqual([
      'state',
      'approvedBy',
      'approvedAt',
      'overrideReason',
    ]);
    expect((await sup.get(plan)).body.budget).toMatchObject({
      committed: { kgs: '20500.00' },
      remaining: { tyiyn: -50_000, kgs: '-500.00' },
    });
    const cancelled = await sup.post(`${plan}/items/${clothes.id}/cancel`, {
      version: 2,
      reason: 'Bought by a relative',
    });
    expect(cancelled.body.item).toMatchObject({ state: 'cancelled', cancelReason: 'Bought by a relative' });
    expect((await sup.get(plan)).body.budget.remaining.kgs).toBe('2500.00');
  });

  it('lets only one of two edits made from the same version through, leaving the item as the winner left it', async () => {
    const cw = await as('caseworker');
    const plan = await openCase('family_reunification', 'Алима');
    const item = await propose(plan, { catalogueCode: 'psychosocial_counselling', quantity: 4 });
    const [a, b] = await Promise.all([
      cw.patch(`${plan}/items/${item.id}`, { quantity: 6, version: 1 }),
      cw.patch(`${plan}/items/${item.id}`, { quantity: 8, description: 'lost', version: 1 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    expect(loser.body.error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    const [stored] = (await cw.get(`${plan}/items`)).body.items;
    expect(stored).toMatchObject({
      quantity: winner.body.item.quantity,
      description: winner.body.item.description,
      version: 2,
    });
  });
});
