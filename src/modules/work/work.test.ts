import { startOfLocalDay, today } from '../../clock.ts';
import { expect, it } from 'vitest';
import { calls, planItems } from '../../db/schema/index.ts';
import { type Client, describeEachEngine } from '../../../test/helpers/harness.ts';
import { addDays } from '../followups/queries.ts';
import { PARTNER_KEYS } from '../referrals/fixture.ts';

const days = (n: number) => addDays(today(), n);

describeEachEngine('my work', (h) => {
  const me = async (c: Client) =>
    (await c.get('/api/v1/auth/me')).body.user as { id: string; officeId: string };
  const open = async (c: Client, givenName: string, extra: Record<string, unknown> = {}) => {
    const res = await c.post('/api/v1/cases', {
      person: {
        givenName,
        familyName: 'Исакова',
        sex: 'female',
        estimatedAge: 47,
        originRegion: 'KG-J',
        ...extra,
      },
      type: 'returnee_reintegration',
      intakeChannel: 'iom_office',
      consent: { givenOn: '2026-01-10', scope: ['data_processing', 'referral', 'follow_up'] },
    });
    expect(res.status).toBe(201);
    return res.body.case as { id: string; number: string; version: number };
  };
  const propose = (caseId: string, proposedBy: string, state: 'proposed' | 'approved' = 'proposed') =>
    h().database.db.insert(planItems).values({
      caseId,
      catalogueCode: 'sewing_equipment',
      quantity: 3,
      unitCost: 1_200_000,
      proposedBy,
      state,
    });

  it('gives a caseworker their open cases (riskiest first), follow-ups due within 14 days and overdue ones (oldest first)', async () => {
    const cw = await h().as('caseworker');
    const astra = await open(cw, 'Астра', { pseudonym: 'Seamstress' });
    const risky = await open(cw, 'Жылдыз');
    expect(
      (await cw.patch(`/api/v1/cases/${risky.id}`, { riskLevel: 'high', version: risky.version })).status,
    ).toBe(200);
    const closed = await open(cw, 'Closed');
    await cw.post(`/api/v1/cases/${closed.id}/transitions`, {
      to: 'closed',
      reason: 'lost_contact',
      version: closed.version,
    });
    const schedule = async (dueOn: string) =>
      (await cw.post(`/api/v1/cases/${astra.id}/followups`, { kind: 'visit', dueOn })).body.followup
        .id as string;
    const [d3, d14, d15, d0, o5, o20] = [
      await schedule(days(3)),
      await schedule(days(14)),
      await schedule(days(15)),
      await schedule(today()),
      await schedule(days(-5)),
      await schedule(days(-20)),
    ];

    const res = await cw.get('/api/v1/me/work');
    expect(res.status).toBe(200);
    const w = res.body;
    expect(Object.keys(w).sort()).toEqual([
      'callsToday',
      'cases',
      'followupsDue',
      'followupsOverdue',
      'today',
    ]);
    expect(w.today).toBe(today());
    const caseIds = w.cases.map((c: { id: string }) => c.id);
    expect(caseIds).toEqual(expect.arrayContaining([astra.id, risky.id]));
    expect(caseIds).not.toContain(closed.id);
    expect(caseIds.indexOf(risky.id)).toBeLessThan(caseIds.indexOf(astra.id));
    expect(w.cases.find((c: { id: string }) => c.id === astra.id)).toEqual({
      id: astra.id,
      number: astra.number,
      status: 'open',
      type: 'returnee_reintegration',
      riskLevel: null,
      traffickingLikelihood: 'unlikely',
      pseudonym: 'Seamstress',
    });
    expect(JSON.stringify(w)).not.toContain('Исакова');
    const due = w.followupsDue.map((f: { id: string }) => f.id);
    expect(due).toEqual([d0, d3, d14]);
    expect(due).not.toContain(d15);
    expect(w.followupsOverdue.map((f: { id: string }) => f.id)).toEqual([o20, o5]);
    expect(w.followupsOverdue[0]).toMatchObject({
      caseId: astra.id,
      caseNumber: astra.number,
      dueOn: days(-20),
    });
  });

  it('adds for a supervisor the office’s pending approvals and overdue follow-ups', async () => {
    const cw = await h().as('caseworker');
    const supervisor = await h().as('supervisor');
    const worker = await me(cw);
    const c = await open(cw, 'Гулнара');
    const before = (await supervisor.get('/api/v1/me/work')).body;
    expect(Object.keys(before).sort()).toEqual([
      'approvals',
      'callsToday',
      'cases',
      'followupsDue',
      'followupsOverdue',
      'officeOverdue',
      'today',
    ]);
    await propose(c.id, worker.id);
    await propose(c.id, worker.id);
    await propose(c.id, worker.id, 'approved');
    const batken = await h().login('caseworker.batken');
    const elsewhere = await open(batken, 'Batken');
    await propose(elsewhere.id, (await me(batken)).id);
    const late = (await cw.post(`/api/v1/cases/${c.id}/followups`, { kind: 'call', dueOn: days(-2) })).body
      .followup;
    await batken.post(`/api/v1/cases/${elsewhere.id}/followups`, { kind: 'call', dueOn: days(-2) });
    const after = (await supervisor.get('/api/v1/me/work')).body;
    expect(after.approvals).toBe(before.approvals + 2);
    expect(after.officeOverdue.map((f: { id: string }) => f.id)).toContain(late.id);
    expect(after.officeOverdue.every((f: { caseNumber: string }) => f.caseNumber.startsWith('KG-OSH'))).toBe(
      true,
    );
    const dues = after.officeOverdue.map((f: { dueOn: string }) => f.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect(after.followupsOverdue).toEqual([]);
  });

  it('gives a hotline operator the count of their calls today, and nothing about cases', async () => {
    const hotline = await h().as('hotline_operator');
    const op = await me(hotline);
    const call = {
      operatorId: op.id,
      officeId: op.officeId,
      channel: 'hotline' as const,
      topic: 'return_help' as const,
      summary: 'Asked about return',
    };
    expect((await hotline.get('/api/v1/me/work')).body).toEqual({ today: today(), callsToday: 0 });
    await h()
      .database.db.insert(calls)
      .values([
        { ...call, receivedAt: new Date() },
        { ...call, receivedAt: new Date() },
        { ...call, receivedAt: new Date(startOfLocalDay(today()).getTime() - 60_000) },
      ]);
    expect((await hotline.get('/api/v1/me/work')).body).toEqual({ today: today(), callsToday: 2 });
  });

  it('gives a partner the referrals waiting for their organisation (sent only, oldest first, partner view)', async () => {
    const cw = await h().as('caseworker');
    const partner = await h().as('partner');
    const service = (
      await cw.get(`/api/v1/services?kind=legal_aid&organisationId=${await h().officeId('Adilet')}`)
    ).body.items[0].id;
    const consulate = (await cw.get('/api/v1/services?kind=consular_help')).body.items[0].id;
    const c = await open(cw, 'Тамара');
    const send = async (serviceId: string) =>
      (
        await cw.post(`/api/v1/cases/${c.id}/referrals`, {
          serviceId,
          reason: 'Unpaid wages',
          consentRecordedOn: today(),
          needs: 'Claim unpaid wages',
        })
      ).body.referral;
    const first = await send(service);
    const second = await send(service);
    const answered = await send(service);
    const elsewhere = await send(consulate);
    await partner.patch(`/api/v1/referrals/${answered.id}`, { status: 'accepted', version: 1 });
    const w = (await partner.get('/api/v1/me/work')).body;
    expect(Object.keys(w).sort()).toEqual(['referralsWaiting', 'today']);
    const ids = w.referralsWaiting.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(ids).not.toContain(answered.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(Object.keys(w.referralsWaiting[0]).sort()).toEqual(PARTNER_KEYS);
    expect(JSON.stringify(w)).not.toContain(c.id);
  });

  it('gives roles without casework only the date, refuses anonymous callers, and audits every read', async () => {
    for (const role of ['admin', 'analyst', 'auditor'] as const) {
      const res = await (await h().as(role)).get('/api/v1/me/work');
      expect(res.status, role).toBe(200);
      expect(res.body, role).toEqual({ today: today() });
    }
    expect((await h().anonymous.get('/api/v1/me/work')).status).toBe(401);
    const partner = await h().as('partner');
    await partner.get('/api/v1/me/work');
    const trail = (
      await (await h().as('admin')).get(`/api/v1/audit?action=work.read&actorId=${(await me(partner)).id}`)
    ).body.items;
    expect(trail.length).toBeGreaterThan(0);
    expect(trail[0]).toMatchObject({ action: 'work.read', outcome: 'ok', entityType: 'user' });
  });
});
