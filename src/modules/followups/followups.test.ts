import { today } from '../../clock.ts';
import { expect, it } from 'vitest';
import { type Client, describeEachEngine } from '../../../test/helpers/harness.ts';
import { addDays, isOverdue } from './queries.ts';

const days = (n: number) => addDays(today(), n);

it('counts a follow-up overdue only while scheduled and past its due day', () => {
  expect(isOverdue({ status: 'scheduled', dueOn: '2026-03-01' }, '2026-03-02')).toBe(true);
  expect(isOverdue({ status: 'scheduled', dueOn: '2026-03-02' }, '2026-03-02')).toBe(false);
  expect(isOverdue({ status: 'missed', dueOn: '2026-03-01' }, '2026-03-02')).toBe(false);
  expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  expect(addDays('2025-12-31', 14)).toBe('2026-01-14');
});

describeEachEngine('follow-ups', (h) => {
  const openCase = async (client: Client, givenName: string) => {
    const res = await client.post('/api/v1/cases', {
      person: {
        givenName,
        familyName: 'Эргешова',
        sex: 'female',
        estimatedAge: 51,
        originRegion: 'KG-O',
        originDistrict: 'KG-O-ARAVAN',
      },
      type: 'trafficking_survivor',
      intakeChannel: 'iom_office',
      consent: { givenOn: '2026-01-10', scope: ['data_processing', 'follow_up'] },
    });
    expect(res.status).toBe(201);
    return res.body.case as { id: string; number: string; assignedTo: string };
  };
  const idOf = async (c: Client): Promise<string> => (await c.get('/api/v1/auth/me')).body.user.id;

  it('schedules a visit for the case’s worker by default, lists it by due date, and marks the overdue one', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw, 'Санобар');
    const later = await cw.post(`/api/v1/cases/${c.id}/followups`, { kind: 'visit', dueOn: days(30) });
    expect(later.status).toBe(201);
    expect(later.body.followup).toMatchObject({
      caseId: c.id,
      kind: 'visit',
      dueOn: days(30),
      assignedTo: c.assignedTo,
      status: 'scheduled',
      overdue: false,
      doneOn: null,
      version: 1,
    });
    const late = (await cw.post(`/api/v1/cases/${c.id}/followups`, { kind: 'call', dueOn: days(-3) })).body
      .followup;
    expect(late.overdue).toBe(true);
    const dueToday = (await cw.post(`/api/v1/cases/${c.id}/followups`, { kind: 'call', dueOn: today() })).body
      .followup;
    expect(dueToday.overdue).toBe(false);
    const list = (await cw.get(`/api/v1/cases/${c.id}/followups`)).body.items;
    expect(list.map((f: { dueOn: string; overdue: boolean }) => [f.dueOn, f.overdue])).toEqual([
      [days(-3), true],
      [today(), false],
      [days(30), false],
    ]);
    const kinds = (await cw.get(`/api/v1/cases/${c.id}/timeline`)).body.items.map(
      (e: { kind: string }) => e.kind,
    );
    expect(kinds.filter((k: string) => k === 'followup_scheduled')).toHaveLength(3);
  });

  it('assigns only active staff who work the case; others answer 422 invalid_assignee', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw, 'Асанбай');
    const supervisor = await idOf(await h().as('supervisor'));
    const ok = await cw.post(`/api/v1/cases/${c.id}/followups`, {
      kind: 'visit',
      dueOn: days(7),
      assignedTo: supervisor,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.followup.assignedTo).toBe(supervisor);
    for (const role of ['hotline_operator', 'partner', 'admin'] as const) {
      const res = await cw.post(`/api/v1/cases/${c.id}/followups`, {
        kind: 'visit',
        dueOn: days(7),
        assignedTo: await idOf(await h().as(role)),
      });
      expect(res.status, role).toBe(422);
      expect(res.body.error.code).toBe('invalid_assignee');
    }
    const batken = await idOf(await h().login('caseworker.batken'));
    expect(
      (
        await cw.post(`/api/v1/cases/${c.id}/followups`, {
          kind: 'visit',
          dueOn: days(7),
          assignedTo: batken,
        })
      ).status,
    ).toBe(422);
    const ghost = await cw.post(`/api/v1/cases/${c.id}/followups`, {
      kind: 'visit',
      dueOn: days(7),
      assignedTo: '00000000-0000-4000-8000-000000000000',
    });
    expect(ghost.status).toBe(422);
  });

  it('records the outcome: done needs a past doneOn; versions are checked; moving away from done clears it', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw, 'Тамара');
    const f = (await cw.post(`/api/v1/cases/${c.id}/followups`, { kind: 'visit', dueOn: days(-2) })).body
      .followup;
    const url = `/api/v1/cases/${c.id}/followups/${f.id}`;
    const bad: Record<string, unknown>[] = [
      { status: 'done', version: 1 },
      { status: 'done', doneOn: days(1), version: 1 },
      { status: 'done', doneOn: '2026-02-30', version: 1 },
      { status: 'missed', doneOn: days(-1), version: 1 },
      { status: 'scheduled', dueOn: '2026-13-01', version: 1 },
      { status: 'lost', version: 1 },
      { status: 'done', doneOn: days(-1) },
      { status: 'done', doneOn: days(-1), version: 1, assignedTo: c.assignedTo },
    ];
    for (const body of bad) expect((await cw.patch(url, body)).status, JSON.stringify(body)).toBe(400);
    const done = await cw.patch(url, {
      status: 'done',
      doneOn: days(-1),
      outcomeNote: 'Family at home, farming',
      version: 1,
    });
    expect(done.status).toBe(200);
    expect(done.body.followup).toMatchObject({
      status: 'done',
      doneOn: days(-1),
      outcomeNote: 'Family at home, farming',
      overdue: false,
      version: 2,
    });
    const stale = await cw.patch(url, { status: 'missed', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    const again = await cw.patch(url, { status: 'scheduled', dueOn: days(5), version: 2 });
    expect(again.body.followup).toMatchObject({
      status: 'scheduled',
      doneOn: null,
      dueOn: days(5),
      outcomeNote: 'Family at home, farming',
      version: 3,
    });
    const events = (await cw.get(`/api/v1/cases/${c.id}/timeline`)).body.items.filter(
      (e: { kind: string }) => e.kind === 'followup_updated',
    );
    expect(events.map((e: { data: { from: string; to: string } }) => [e.data.from, e.data.to])).toEqual([
      ['scheduled', 'done'],
      ['done', 'scheduled'],
    ]);
    const other = await openCase(cw, 'Астра');
    expect(
      (await cw.patch(`/api/v1/cases/${other.id}/followups/${f.id}`, { status: 'missed', version: 3 }))
        .status,
    ).toBe(404);
    expect(
      (
        await cw.patch(`/api/v1/cases/${c.id}/followups/00000000-0000-4000-8000-000000000000`, {
          status: 'missed',
          version: 3,
        })
      ).status,
    ).toBe(404);
    expect(
      (await cw.patch(`/api/v1/cases/${c.id}/followups/nope`, { status: 'missed', version: 3 })).status,
    ).toBe(400);
  });

  it('refuses bad bodies (400), strangers (404) and anonymous callers (401)', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw, 'Сирожиддин');
    const url = `/api/v1/cases/${c.id}/followups`;
    for (const body of [
      { kind: 'letter', dueOn: days(1) },
      { kind: 'visit', dueOn: '2026-02-30' },
      { kind: 'visit' },
      { kind: 'visit', dueOn: days(1), extra: 1 },
    ]) {
      expect((await cw.post(url, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await h().anonymous.post(url, { kind: 'visit', dueOn: days(1) })).status).toBe(401);
    expect((await h().anonymous.get(url)).status).toBe(401);
    for (const client of [
      await h().login('caseworker.batken'),
      await h().as('partner'),
      await h().as('analyst'),
    ]) {
      expect((await client.post(url, { kind: 'visit', dueOn: days(1) })).status).toBe(404);
      expect((await client.get(url)).status).toBe(404);
    }
    expect((await cw.get('/api/v1/cases/00000000-0000-4000-8000-000000000000/followups')).status).toBe(404);
  });

  it('lists overdue follow-ups, oldest first, with case id and number: mine for a worker, the office’s for a supervisor', async () => {
    const cw = await h().as('caseworker');
    const supervisor = await h().as('supervisor');
    const c = await openCase(cw, 'Айгерим');
    const older = (await cw.post(`/api/v1/cases/${c.id}/followups`, { kind: 'visit', dueOn: days(-40) })).body
      .followup;
    const newer = (await cw.post(`/api/v1/cases/${c.id}/followups`, { kind: 'call', dueOn: days(-1) })).body
      .followup;
    const supervisors = (
      await cw.post(`/api/v1/cases/${c.id}/followups`, {
        kind: 'call',
        dueOn: days(-10),
        assignedTo: await idOf(supervisor),
      })
    ).body.followup;
    await cw.post(`/api/v1/cases/${c.id}/followups`, { kind: 'call', dueOn: today() });
    const cancelled = (await cw.post(`/api/v1/cases/${c.id}/followups`, { kind: 'visit', dueOn: days(-5) }))
      .body.followup;
    await cw.patch(`/api/v1/cases/${c.id}/followups/${cancelled.id}`, { status: 'cancelled', version: 1 });

    const mine = await cw.get('/api/v1/followups/overdue');
    expect(mine.status).toBe(200);
    const ids = mine.body.items.map((f: { id: string }) => f.id);
    expect(ids).toEqual(expect.arrayContaining([older.id, newer.id]));
    expect(ids).not.toContain(supervisors.id);
    expect(ids).not.toContain(cancelled.id);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    const dues = mine.body.items.map((f: { dueOn: string }) => f.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect(mine.body.items.find((f: { id: string }) => f.id === older.id)).toEqual({
      id: older.id,
      caseId: c.id,
      caseNumber: c.number,
      kind: 'visit',
      dueOn: days(-40),
      assignedTo: c.assignedTo,
      assignedToName: 'Bakyt Tashiev',
      version: 1,
    });
    expect(mine.body.total).toBe(mine.body.items.length);
    const limited = await cw.get('/api/v1/followups/overdue?scope=mine&limit=1');
    expect(limited.body.items).toHaveLength(1);
    expect(limited.body.total).toBe(mine.body.total);

    const supMine = (await supervisor.get('/api/v1/followups/overdue?scope=mine')).body.items.map(
      (f: { id: string }) => f.id,
    );
    expect(supMine).toEqual([supervisors.id]);
    const office = (await supervisor.get('/api/v1/followups/overdue?scope=office')).body.items.map(
      (f: { id: string }) => f.id,
    );
    expect(office).toEqual(expect.arrayContaining([older.id, newer.id, supervisors.id]));
    expect(office).not.toContain(cancelled.id);
    // Another office's supervisor-level view stays empty of Osh's rows.
    const batken = await h().login('caseworker.batken');
    expect((await batken.get('/api/v1/followups/overdue')).body.items).toEqual([]);

    expect((await cw.get('/api/v1/followups/overdue?scope=office')).status).toBe(403);
    for (const role of ['partner', 'analyst', 'hotline_operator', 'admin'] as const) {
      expect((await (await h().as(role)).get('/api/v1/followups/overdue')).status, role).toBe(403);
    }
    expect((await h().anonymous.get('/api/v1/followups/overdue')).status).toBe(401);
    expect((await cw.get('/api/v1/followups/overdue?scope=world')).status).toBe(400);
    expect((await cw.get('/api/v1/followups/overdue?limit=0')).status).toBe(400);

    await cw.patch(`/api/v1/cases/${c.id}/followups/${older.id}`, {
      status: 'done',
      doneOn: today(),
      version: 1,
    });
    expect(
      (await cw.get('/api/v1/followups/overdue')).body.items.map((f: { id: string }) => f.id),
    ).not.toContain(older.id);
  });

  it('audits schedules, outcomes, and reads of the lists', async () => {
    const cw = await h().as('caseworker');
    const c = await openCase(cw, 'Нурила');
    const f = (await cw.post(`/api/v1/cases/${c.id}/followups`, { kind: 'visit', dueOn: days(3) })).body
      .followup;
    await cw.patch(`/api/v1/cases/${c.id}/followups/${f.id}`, {
      status: 'done',
      doneOn: today(),
      outcomeNote: 'Private detail',
      version: 1,
    });
    await cw.get(`/api/v1/cases/${c.id}/followups`);
    const admin = await h().as('admin');
    const trail = (await admin.get(`/api/v1/audit?entityType=followup&entityId=${f.id}`)).body.items;
    expect(trail.map((e: { action: string; fields: string[] }) => [e.action, [...e.fields].sort()])).toEqual([
      ['followup.update', ['doneOn', 'outcomeNote', 'status']],
      ['followup.create', ['assignedTo', 'dueOn', 'kind']],
    ]);
    expect(JSON.stringify(trail)).not.toContain('Private detail');
    expect((await admin.get(`/api/v1/audit?action=followup.list&entityId=${c.id}`)).body.items).toHaveLength(
      1,
    );
  });
});
