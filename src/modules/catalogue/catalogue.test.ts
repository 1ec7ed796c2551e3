import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditEvents } from '../../db/schema/index.ts';
import { type Res, describeEachEngine } from '../../../test/helpers/harness.ts';

const beehives = {
  code: 'beehives',
  names: { en: 'Beehives', ru: 'Ульи', ky: 'Аары уялары' },
  unit: 'item',
  defaultUnitCost: '6500.00',
};

describeEachEngine('catalogue and budget ceilings', (h) => {
  const put = async (role: 'admin' | 'supervisor' | 'caseworker', url: string, body: unknown) =>
    (await h().as(role)).request('PUT', url, body);
  const eventsOf = async (res: Res) =>
    h()
      .database.db.select()
      .from(auditEvents)
      .where(eq(auditEvents.requestId, String(res.headers['x-request-id'])));

  it('lists the 13 default items with names in en, ru and ky and costs in tyiyn and KGS, to every signed-in role', async () => {
    for (const role of [
      'caseworker',
      'partner',
      'analyst',
      'auditor',
      'hotline_operator',
      'admin',
    ] as const) {
      const res = await (await h().as(role)).get('/api/v1/catalogue');
      expect(res.status, role).toBe(200);
      expect(res.body.items, role).toHaveLength(13);
    }
    const { items } = (await (await h().as('caseworker')).get('/api/v1/catalogue')).body;
    const sewing = items.find((i: { code: string }) => i.code === 'sewing_equipment');
    expect(sewing).toMatchObject({
      names: { en: 'Sewing equipment', ru: 'Швейное оборудование', ky: 'Тигүү жабдуулары' },
      unit: 'item',
      defaultUnitCost: { tyiyn: 1_800_000, kgs: '18000.00' },
      active: true,
      version: 1,
    });
    expect(items.find((i: { code: string }) => i.code === 'business_grant').defaultUnitCost).toBeNull();
    expect((await h().anonymous.get('/api/v1/catalogue')).status).toBe(401);
    expect((await (await h().as('caseworker')).get('/api/v1/catalogue?active=maybe')).status).toBe(400);
  });

  it('lets an admin add an item, refusing other roles, duplicates, bad codes and bad amounts, and audits field names only', async () => {
    const admin = await h().as('admin');
    for (const role of ['supervisor', 'caseworker', 'partner', 'analyst'] as const) {
      const res = await (await h().as(role)).post('/api/v1/catalogue', beehives);
      expect(res.status, role).toBe(403);
    }
    expect((await h().anonymous.post('/api/v1/catalogue', beehives)).status).toBe(401);
    const bad = [
      { ...beehives, code: 'Bee Hives' },
      { ...beehives, code: 'bee-hives' },
      { ...beehives, code: 'ceilings' },
      { ...beehives, names: { en: 'Beehives', ru: 'Ульи' } },
      { ...beehives, defaultUnitCost: '-6500.00' },
      { ...beehives, defaultUnitCost: 6500.5 },
      { ...beehives, defaultUnitCost: '6500.505' },
      { ...beehives, defaultUnitCost: '1e5' },
      { ...beehives, extra: true },
    ];
    for (const body of bad)
      expect((await admin.post('/api/v1/catalogue', body)).status, JSON.stringify(body)).toBe(400);
    const created = await admin.post('/api/v1/catalogue', beehives);
    expect(created.status).toBe(201);
    expect(created.body.item).toMatchObject({
      code: 'beehives',
      defaultUnitCost: { tyiyn: 650_000, kgs: '6500.00' },
      active: true,
      version: 1,
    });
    const [event] = await eventsOf(created);
    expect(event).toMatchObject({ action: 'catalogue_item.create', entityId: 'beehives', outcome: 'ok' });
    expect(event!.fields).toEqual(expect.arrayContaining(['code', 'names', 'defaultUnitCost']));
    expect(JSON.stringify(event)).not.toContain('Ульи');
    const again = await admin.post('/api/v1/catalogue', beehives);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate_code');
    const noCost = await admin.post('/api/v1/catalogue', {
      ...beehives,
      code: 'beekeeping_course',
      defaultUnitCost: undefined,
    });
    expect(noCost.body.item.defaultUnitCost).toBeNull();
    expect((await admin.get('/api/v1/catalogue')).body.items).toHaveLength(15);
  });

  it('changes an item by version: one translation alone, deactivation, and a stale version changes nothing', async () => {
    const admin = await h().as('admin');
    const renamed = await admin.patch('/api/v1/catalogue/tools', {
      names: { ru: 'Рабочие инструменты' },
      defaultUnitCost: '4200.50',
      version: 1,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.item).toMatchObject({
      names: { en: 'Tools', ru: 'Рабочие инструменты', ky: 'Куралдар' },
      defaultUnitCost: { tyiyn: 420_050, kgs: '4200.50' },
      version: 2,
    });
    const stale = await admin.patch('/api/v1/catalogue/tools', { active: false, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    const list = (await admin.get('/api/v1/catalogue?active=false')).body.items;
    expect(list).toEqual([]);
    const off = await admin.patch('/api/v1/catalogue/tools', {
      active: false,
      defaultUnitCost: null,
      version: 2,
    });
    expect(off.body.item).toMatchObject({ active: false, defaultUnitCost: null, version: 3 });
    const inactive = (await (await h().as('caseworker')).get('/api/v1/catalogue?active=false')).body.items;
    expect(inactive.map((i: { code: string }) => i.code)).toEqual(['tools']);
    const active = (await admin.get('/api/v1/catalogue?active=true')).body.items;
    expect(active.map((i: { code: string }) => i.code)).not.toContain('tools');
    expect((await admin.patch('/api/v1/catalogue/no_such_item', { active: true, version: 1 })).status).toBe(
      404,
    );
    expect((await h().anonymous.patch('/api/v1/catalogue/tools', { active: true, version: 3 })).status).toBe(
      401,
    );
    expect((await admin.patch('/api/v1/catalogue/Tools', { active: true, version: 3 })).status).toBe(400);
    expect((await admin.patch('/api/v1/catalogue/tools', { active: true, version: 3.5 })).status).toBe(400);
    expect((await admin.patch('/api/v1/catalogue/tools', { active: true })).status).toBe(400);
    expect((await admin.patch('/api/v1/catalogue/tools', { code: 'other', version: 3 })).status).toBe(400);
    expect(
      (await (await h().as('supervisor')).patch('/api/v1/catalogue/tools', { active: true, version: 3 }))
        .status,
    ).toBe(403);
  });

  it('shows the ceiling of every case type to all and lets only an admin change one, by version, in KGS', async () => {
    const res = await (await h().as('partner')).get('/api/v1/catalogue/ceilings');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(5);
    expect(
      res.body.items.find((c: { caseType: string }) => c.caseType === 'returnee_reintegration'),
    ).toMatchObject({
      amount: { tyiyn: 15_000_000, kgs: '150000.00' },
      version: 1,
    });
    expect((await h().anonymous.get('/api/v1/catalogue/ceilings')).status).toBe(401);
    const url = '/api/v1/catalogue/ceilings/legal_assistance';
    expect((await put('supervisor', url, { amount: '1.00', version: 1 })).status).toBe(403);
    expect((await put('caseworker', url, { amount: '1.00', version: 1 })).status).toBe(403);
    expect((await h().anonymous.request('PUT', url, { amount: '1.00', version: 1 })).status).toBe(401);
    for (const amount of ['-1.00', 1, '1.001', '', 'abc']) {
      expect((await put('admin', url, { amount, version: 1 })).status, String(amount)).toBe(400);
    }
    expect(
      (await put('admin', '/api/v1/catalogue/ceilings/no_such_type', { amount: '1.00', version: 1 })).status,
    ).toBe(400);
    const changed = await put('admin', url, { amount: '25000.75', version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body.ceiling).toMatchObject({
      caseType: 'legal_assistance',
      amount: { tyiyn: 2_500_075, kgs: '25000.75' },
      version: 2,
    });
    const stale = await put('admin', url, { amount: '1.00', version: 1 });
    expect(stale.status).toBe(409);
    const after = (await (await h().as('caseworker')).get('/api/v1/catalogue/ceilings')).body.items;
    expect(after.find((c: { caseType: string }) => c.caseType === 'legal_assistance').amount.kgs).toBe(
      '25000.75',
    );
    const [event] = await eventsOf(changed);
    expect(event).toMatchObject({
      action: 'budget_ceiling.update',
      entityId: 'legal_assistance',
      fields: ['amount'],
    });
  });
});
