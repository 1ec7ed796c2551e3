import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { type Client, describeEachEngine } from '../../../test/helpers/harness.ts';
import { rssAssessments, rssInstruments } from '../../db/schema/index.ts';
import { keepInstrument } from './instrument-store.ts';
import { KOLDOO_RSS_1 } from '../../domain/rss.ts';
import { findInstrument, instrumentKeys } from './instruments.ts';

const NOWHERE = '00000000-0000-4000-8000-000000000000';

/**
 * The interchange example of DOMAIN.md, all 15 indicators answered, worked by hand (weights 1):
 *   economic     = (0.67 + 0.33 + 0.5 + 0 + 1) / 5 = 2.5 / 5 = 0.50  → medium
 *   social       = (1 + 0.5 + 1 + 1 + 0.5) / 5   = 4 / 5   = 0.80  → high
 *   psychosocial = (0.5 + 0.5 + 1 + 0.5 + 0.5) / 5 = 3 / 5 = 0.60  → medium
 *   composite    = (0.5 + 0.8 + 0.6) / 3 = 1.9 / 3 = 0.6333… → 0.63 → medium
 */
const DOMAIN_EXAMPLE = {
  income_sources: 0.67,
  debt: 0.33,
  food_security: 0.5,
  employment: 0,
  productive_assets: 1,
  housing: 1,
  services_access: 0.5,
  documents: 1,
  safe_water: 1,
  children_schooling: 0.5,
  social_network: 0.5,
  participation: 0.5,
  discrimination: 1,
  distress: 0.5,
  remigration_intent: 0.5,
};

/**
 * Astra at intake, four answers; unanswered indicators are left out of their dimension:
 *   economic     = (0.33 + 0) / 2 = 0.165 → 0.17 (half up) → low
 *   social       = 0.5 / 1 = 0.50 → medium
 *   psychosocial = 0 / 1   = 0.00 → low
 *   composite    = (0.165 + 0.5 + 0) / 3 = 0.2216… → 0.22 → low (the unrounded 0.165 is averaged)
 */
const ASTRA_AT_INTAKE = { income_sources: 0.33, debt: 0, housing: 0.5, distress: 0 };

const risk = (level: string, extra: object = {}) => ({ level, kind: 'risk', ...extra });
const protective = (level: string) => ({ level, kind: 'protective' });

describeEachEngine('assessments', (h) => {
  const openCase = async (client: Client) => {
    const res = await client.post('/api/v1/cases', {
      person: {
        givenName: 'Астра',
        familyName: 'Жумабаева',
        sex: 'female',
        estimatedAge: 47,
        originRegion: 'KG-J',
      },
      type: 'returnee_reintegration',
      intakeChannel: 'iom_office',
    });
    expect(res.status).toBe(201);
    return res.body.case as { id: string; version: number };
  };
  const rss = (takenOn: string, answers: object) => ({ instrument: 'koldoo-rss-1', takenOn, answers });

  it('keeps KOLDOO_RSS_1 in the instrument registry under its key', () => {
    expect(instrumentKeys()).toContain('koldoo-rss-1');
    expect(findInstrument('koldoo-rss-1')).toEqual(KOLDOO_RSS_1);
    expect(findInstrument('koldoo-rss-9')).toBeUndefined();
  });

  it('scores the DOMAIN.md example by hand, keeps the instrument with it, and shows the trend oldest first', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw);
    const res = await cw.post(`/api/v1/cases/${c.id}/assessments`, rss('2026-03-01', DOMAIN_EXAMPLE));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      instrument: 'koldoo-rss-1',
      takenOn: '2026-03-01',
      answers: DOMAIN_EXAMPLE,
      scores: { economic: 0.5, social: 0.8, psychosocial: 0.6, composite: 0.63 },
      bands: { economic: 'medium', social: 'high', psychosocial: 'medium', composite: 'medium' },
    });
    const intake = await cw.post(`/api/v1/cases/${c.id}/assessments`, rss('2025-12-01', ASTRA_AT_INTAKE));
    expect(intake.body.scores).toEqual({ economic: 0.17, social: 0.5, psychosocial: 0, composite: 0.22 });
    expect(intake.body.bands).toEqual({
      economic: 'low',
      social: 'medium',
      psychosocial: 'low',
      composite: 'low',
    });
    const economicOnly = await cw.post(
      `/api/v1/cases/${c.id}/assessments`,
      rss('2026-09-01', { income_sources: 1, employment: 1 }),
    );
    expect(economicOnly.body.scores).toEqual({ economic: 1, social: null, psychosocial: null, composite: 1 });
    expect(economicOnly.body.bands).toEqual({
      economic: 'high',
      social: null,
      psychosocial: null,
      composite: 'high',
    });

    const list = (await cw.get(`/api/v1/cases/${c.id}/assessments`)).body.items;
    expect(list.map((a: { takenOn: string }) => a.takenOn)).toEqual([
      '2025-12-01',
      '2026-03-01',
      '2026-09-01',
    ]);
    const detail = (await cw.get(`/api/v1/cases/${c.id}`)).body.case;
    expect(detail.latestScores).toEqual({ economic: 1, social: null, psychosocial: null, composite: 1 });
    expect(detail.scoresTrend.map((t: { scores: { composite: number } }) => t.scores.composite)).toEqual([
      0.22, 0.63, 1,
    ]);
    const [stored] = await h()
      .database.db.select()
      .from(rssAssessments)
      .where(eq(rssAssessments.id, res.body.id));
    expect(stored!.instrument).toBe('koldoo-rss-1');
    // The instrument is stored once, whatever the number of assessments scored with it.
    expect(await h().database.db.select().from(rssInstruments)).toEqual([
      { key: 'koldoo-rss-1', definition: KOLDOO_RSS_1, createdAt: expect.any(Date) },
    ]);
    const timeline = (await cw.get(`/api/v1/cases/${c.id}/timeline`)).body.items;
    expect(
      timeline.filter((e: { kind: string }) => e.kind === 'rss_assessed').map((e: any) => e.data.composite),
    ).toEqual([0.63, 0.22, 1]);
  });

  it('bands old assessments by the cut-offs stored with their instrument, and refuses a changed definition under its key', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw);
    const made = await cw.post(`/api/v1/cases/${c.id}/assessments`, rss('2026-03-01', DOMAIN_EXAMPLE));
    expect(made.body.bands.composite).toBe('medium');
    const db = h().database.db;
    // As if the assessments had been scored with an instrument whose medium band ended at 0.6.
    await db
      .update(rssInstruments)
      .set({ definition: { ...KOLDOO_RSS_1, bands: { lowBelow: 0.33, highAbove: 0.6 } } })
      .where(eq(rssInstruments.key, 'koldoo-rss-1'));
    try {
      const list = (await cw.get(`/api/v1/cases/${c.id}/assessments`)).body.items;
      expect(list.map((a: { bands: { composite: string } }) => a.bands.composite)).toEqual(['high']);
      // This server's definition of koldoo-rss-1 now differs from the stored one: it scores nothing.
      await expect(keepInstrument(db, KOLDOO_RSS_1)).rejects.toThrow(/koldoo-rss-1 differs/);
      const refused = await cw.post(`/api/v1/cases/${c.id}/assessments`, rss('2026-04-01', DOMAIN_EXAMPLE));
      expect(refused.status).toBe(500);
      expect((await cw.get(`/api/v1/cases/${c.id}/assessments`)).body.items).toHaveLength(1);
    } finally {
      await db
        .update(rssInstruments)
        .set({ definition: KOLDOO_RSS_1 })
        .where(eq(rssInstruments.key, 'koldoo-rss-1'));
    }
    expect(await keepInstrument(db, KOLDOO_RSS_1)).toBe('koldoo-rss-1');
  });

  it('lists every problem with the answers at once (400), and refuses unknown instruments (422)', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw);
    const url = `/api/v1/cases/${c.id}/assessments`;
    const bad = await cw.post(
      url,
      rss('2026-03-01', { income_sources: 0.5, happiness: 1, debt: 0.33, distress: 2 }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_answers');
    expect(bad.body.error.details.problems).toEqual([
      { code: 'value_not_allowed', indicator: 'income_sources', value: 0.5, allowed: [0, 0.33, 0.67, 1] },
      { code: 'unknown_indicator', indicator: 'happiness' },
      { code: 'value_not_allowed', indicator: 'distress', value: 2, allowed: [0, 0.5, 1] },
    ]);
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    for (const body of [
      rss(future, DOMAIN_EXAMPLE),
      rss('2026-02-30', DOMAIN_EXAMPLE),
      rss('2026-03-01', {}),
      rss('2026-03-01', { debt: '0.33' }),
      { takenOn: '2026-03-01', answers: DOMAIN_EXAMPLE },
      { ...rss('2026-03-01', DOMAIN_EXAMPLE), scores: { composite: 1 } },
    ]) {
      const res = await cw.post(url, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    for (const instrument of ['koldoo-rss-2', 'iom-rss-1']) {
      const res = await cw.post(url, { ...rss('2026-03-01', DOMAIN_EXAMPLE), instrument });
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({
        code: 'unknown_instrument',
        details: { known: ['koldoo-rss-1'] },
      });
    }
    expect((await cw.get(url)).body.items).toEqual([]);
  });

  it('suggests the DoMV level by the DOMAIN.md bands and sets the case’s level to the caseworker’s', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw);
    const url = `/api/v1/cases/${c.id}/vulnerability`;
    const ind = 'individual';
    const examples: [object[], string][] = [
      // Any immediate danger → critical, however many protective factors.
      [
        [
          risk(ind, { immediateDanger: true }),
          protective('household'),
          protective('community'),
          protective('structural'),
        ],
        'critical',
      ],
      // Risk outnumbers protective by 3 or more → high.
      [[risk(ind), risk('household'), risk('structural')], 'high'],
      [[risk(ind), risk(ind), risk('household'), risk('community'), protective('community')], 'high'],
      // By 1 or 2 → medium.
      [[risk(ind), risk('household'), risk('community'), protective('community')], 'medium'],
      [[risk('household')], 'medium'],
      // Otherwise → low.
      [[risk(ind), risk('household'), protective(ind), protective('community')], 'low'],
      [[protective(ind)], 'low'],
      [[], 'low'],
    ];
    let version = c.version;
    for (const [factors, expected] of examples) {
      const res = await cw.post(url, { takenOn: '2026-03-01', factors });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.assessment).toMatchObject({ suggestedLevel: expected, riskLevel: expected });
      expect(res.body.case).toEqual({ id: c.id, riskLevel: expected, version: version + 1 });
      version += 1;
    }
    const override = await cw.post(url, {
      takenOn: '2026-03-02',
      factors: examples[1]![0],
      riskLevel: 'medium',
      note: 'Family support is strong',
    });
    expect(override.body.assessment).toMatchObject({
      suggestedLevel: 'high',
      riskLevel: 'medium',
      note: 'Family support is strong',
    });
    const detail = (await cw.get(`/api/v1/cases/${c.id}`)).body.case;
    expect(detail).toMatchObject({ riskLevel: 'medium', version: version + 1 });
    // The case moved on: a client still holding the old version is told so.
    expect((await cw.patch(`/api/v1/cases/${c.id}`, { riskLevel: 'low', version })).status).toBe(409);
    const events = (await cw.get(`/api/v1/cases/${c.id}/timeline`)).body.items.filter(
      (e: { kind: string }) => e.kind === 'vulnerability_assessed',
    );
    expect(events).toHaveLength(examples.length + 1);
    expect(events.at(-1).data).toMatchObject({
      suggestedLevel: 'high',
      riskLevel: 'medium',
      caseRiskLevelSet: true,
    });
  });

  it('keeps a back-dated DoMV assessment from overriding a newer level, and lists them oldest first', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw);
    const url = `/api/v1/cases/${c.id}/vulnerability`;
    const current = await cw.post(url, {
      takenOn: '2026-06-01',
      factors: [risk('individual'), risk('household'), risk('community')],
    });
    expect(current.body.case).toMatchObject({ riskLevel: 'high', version: 2 });
    const old = await cw.post(url, { takenOn: '2026-01-15', factors: [] });
    expect(old.status).toBe(201);
    expect(old.body.assessment.riskLevel).toBe('low');
    expect(old.body.case).toEqual({ id: c.id, riskLevel: 'high', version: 2 });
    const list = (await cw.get(url)).body.items;
    expect(list.map((a: { takenOn: string; riskLevel: string }) => [a.takenOn, a.riskLevel])).toEqual([
      ['2026-01-15', 'low'],
      ['2026-06-01', 'high'],
    ]);
    expect(list[1].factors).toEqual([risk('individual'), risk('household'), risk('community')]);
  });

  it('refuses bad DoMV assessments with 400', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw);
    const url = `/api/v1/cases/${c.id}/vulnerability`;
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const bad: [object, string][] = [
      [{ takenOn: future, factors: [] }, 'takenOn'],
      [{ factors: [] }, 'takenOn'],
      [{ takenOn: '2026-03-01' }, 'factors'],
      [{ takenOn: '2026-03-01', factors: [{ level: 'global', kind: 'risk' }] }, 'level'],
      [{ takenOn: '2026-03-01', factors: [{ level: 'individual', kind: 'neutral' }] }, 'kind'],
      [
        {
          takenOn: '2026-03-01',
          factors: [{ level: 'individual', kind: 'protective', immediateDanger: true }],
        },
        'immediateDanger',
      ],
      [{ takenOn: '2026-03-01', factors: [{ level: 'individual', kind: 'risk', weight: 3 }] }, ''],
      [{ takenOn: '2026-03-01', factors: [], riskLevel: 'extreme' }, 'riskLevel'],
      [{ takenOn: '2026-03-01', factors: [], suggestedLevel: 'low' }, ''],
    ];
    for (const [body, field] of bad) {
      const res = await cw.post(url, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      if (field)
        expect(JSON.stringify(res.body.error.details.issues), JSON.stringify(body)).toContain(`"${field}"`);
    }
    expect((await cw.get(url)).body.items).toEqual([]);
    expect((await cw.get(`/api/v1/cases/${c.id}`)).body.case).toMatchObject({ riskLevel: null, version: 1 });
  });

  it('lets only those who may see and change the case assess it: others 404, anonymous 401', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw);
    const supervisor = await h().as('supervisor');
    const rssUrl = `/api/v1/cases/${c.id}/assessments`;
    const domvUrl = `/api/v1/cases/${c.id}/vulnerability`;
    expect((await supervisor.post(rssUrl, rss('2026-03-01', ASTRA_AT_INTAKE))).status).toBe(201);
    expect((await supervisor.post(domvUrl, { takenOn: '2026-03-01', factors: [] })).status).toBe(201);
    for (const outsider of [
      await h().login('caseworker.batken'),
      await h().as('hotline_operator'),
      await h().as('analyst'),
      await h().as('admin'),
    ]) {
      expect((await outsider.get(rssUrl)).status).toBe(404);
      expect((await outsider.post(rssUrl, rss('2026-03-01', ASTRA_AT_INTAKE))).status).toBe(404);
      expect((await outsider.get(domvUrl)).status).toBe(404);
      expect((await outsider.post(domvUrl, { takenOn: '2026-03-01', factors: [] })).status).toBe(404);
    }
    expect(
      (await cw.post(`/api/v1/cases/${NOWHERE}/assessments`, rss('2026-03-01', ASTRA_AT_INTAKE))).status,
    ).toBe(404);
    expect((await cw.get(`/api/v1/cases/${NOWHERE}/vulnerability`)).status).toBe(404);
    expect((await cw.get('/api/v1/cases/nope/assessments')).status).toBe(400);
    for (const url of [rssUrl, domvUrl]) {
      expect((await h().anonymous.get(url)).status).toBe(401);
      expect((await h().anonymous.post(url, {})).status).toBe(401);
    }
    expect((await cw.get(rssUrl)).body.items).toHaveLength(1);
    expect((await cw.get(domvUrl)).body.items).toHaveLength(1);
  });
});
