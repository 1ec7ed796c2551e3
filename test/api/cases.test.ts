import { expect, it } from 'vitest';
import { caseCounters } from '../../src/db/schema/index.ts';
import { formatCaseNumber } from '../../src/domain/case-number.ts';
import { describeEachEngine } from '../helpers/harness.ts';

const tamara = {
  givenName: 'Тамара',
  familyName: 'Осмонова',
  sex: 'female',
  estimatedAge: 29,
  originRegion: 'KG-J',
  originDistrict: 'KG-J-SUZAK',
  phone: '+996555123456',
};

describeEachEngine('cases', (h) => {
  it('opens a case with an inline person, numbers it by region and year, and puts it on the timeline', async () => {
    const cw = await h().as('caseworker');
    const res = await cw.post('/api/v1/cases', {
      person: tamara,
      type: 'trafficking_survivor',
      intakeChannel: 'hotline',
      consent: { givenOn: '2026-03-02', scope: ['data_processing', 'referral'] },
      household: [
        { name: 'Айжан', relationship: 'child', age: 6, whereNow: 'home', caresForChildren: false },
      ],
    });
    expect(res.status).toBe(201);
    const c = res.body.case;
    expect(c.number).toMatch(/^KG-OSH-\d{4}-00001$/);
    expect(c.status).toBe('open');
    expect(c.person.latinName).toBe('Tamara Osmonova');
    expect(c.household).toHaveLength(1);
    expect(c.screening).toMatchObject({ likelihood: 'unlikely', indicators: [] });
    expect(c.allowedTransitions).toEqual(['assessment', 'closed']);
    expect(c.abilities).toContain('case:write');
    const second = await cw.post('/api/v1/cases', {
      personId: c.personId,
      type: 'legal_assistance',
      intakeChannel: 'self_referral',
    });
    expect(second.body.case.number).toMatch(/-00002$/);
    const timeline = await cw.get(`/api/v1/cases/${c.id}/timeline`);
    expect(timeline.body.items.map((e: { kind: string }) => e.kind)).toEqual(['case_opened']);
  });

  it('numbers cases opened at the same moment one after another, past five digits, as the timeline records them', async () => {
    const cw = await h().as('caseworker');
    await h().database.db.insert(caseCounters).values({ prefix: 'OSH', year: 2025, last: 99_997 });
    const opened = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        cw.post('/api/v1/cases', {
          person: { ...tamara, givenName: `Тамара ${i}` },
          type: 'returnee_reintegration',
          intakeChannel: 'iom_office',
          openedOn: '2025-11-03',
        }),
      ),
    );
    const numbers = opened.map((res) => res.body.case.number as string).sort();
    expect(numbers).toEqual(
      [99_998, 99_999, 100_000, 100_001].map((n) => formatCaseNumber('KG-O', 2025, n)).sort(),
    );
    for (const res of opened) {
      const timeline = await cw.get(`/api/v1/cases/${res.body.case.id}/timeline`);
      expect(timeline.body.items[0].data.number).toBe(res.body.case.number);
    }
  });

  it('moves a case along the workflow, refuses forbidden moves and stale versions, and lists with filters', async () => {
    const cw = await h().as('caseworker');
    const created = (
      await cw.post('/api/v1/cases', {
        person: { ...tamara, givenName: 'Астра' },
        type: 'returnee_reintegration',
        intakeChannel: 'iom_office',
      })
    ).body.case;
    const skip = await cw.post(`/api/v1/cases/${created.id}/transitions`, {
      to: 'planning',
      version: created.version,
    });
    expect(skip.status).toBe(422);
    expect(skip.body.error.code).toBe('transition_not_allowed');
    const moved = await cw.post(`/api/v1/cases/${created.id}/transitions`, {
      to: 'assessment',
      version: created.version,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.case.status).toBe('assessment');
    const stale = await cw.post(`/api/v1/cases/${created.id}/transitions`, {
      to: 'planning',
      version: created.version,
    });
    expect(stale.status).toBe(409);
    const list = await cw.get('/api/v1/cases?status=assessment&q=Астра');
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([created.id]);
    // A caseworker of another office sees nothing and gets 404 on the case.
    const other = await h().login('caseworker.batken');
    expect((await other.get(`/api/v1/cases/${created.id}`)).status).toBe(404);
    expect((await other.get('/api/v1/cases')).body.items).toHaveLength(0);
    const analyst = await h().as('analyst');
    expect((await analyst.get(`/api/v1/cases/${created.id}`)).status).toBe(404);
    expect((await analyst.get('/api/v1/cases')).status).toBe(403);
  });

  it('records the date a case was really closed, never before it opened, and clears household fields with null', async () => {
    const cw = await h().as('caseworker');
    const created = (
      await cw.post('/api/v1/cases', {
        person: { ...tamara, givenName: 'Алима' },
        type: 'family_reunification',
        intakeChannel: 'single_window_centre',
        openedOn: '2026-06-18',
        household: [
          {
            name: 'Эмир',
            relationship: 'child',
            age: 2,
            whereNow: 'abroad',
            country: 'RU',
            withWhom: 'сестра',
          },
        ],
      })
    ).body.case;
    const early = await cw.post(`/api/v1/cases/${created.id}/transitions`, {
      to: 'closed',
      reason: 'consent_withdrawn',
      on: '2026-06-01',
      version: created.version,
    });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('date_before_opening');
    const closed = await cw.post(`/api/v1/cases/${created.id}/transitions`, {
      to: 'closed',
      reason: 'consent_withdrawn',
      on: '2026-07-04',
      version: created.version,
    });
    expect(closed.body.case).toMatchObject({ closedOn: '2026-07-04', consentWithdrawnOn: '2026-07-04' });
    const member = closed.body.case.household[0];
    const home = await cw.patch(`/api/v1/cases/${created.id}/household/${member.id}`, {
      whereNow: 'home',
      country: null,
      withWhom: null,
      version: member.version,
    });
    expect(home.status).toBe(200);
    expect(home.body.member).toMatchObject({ whereNow: 'home', country: null, withWhom: null });
  });
});
