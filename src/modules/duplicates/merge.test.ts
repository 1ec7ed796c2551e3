import { and, eq, inArray } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { type Client, describeEachEngine } from '../../../test/helpers/harness.ts';
import {
  auditEvents,
  caseEvents,
  cases,
  duplicatePairs,
  episodes,
  householdMembers,
  persons,
} from '../../db/schema/index.ts';
import { man, type Opened, openCase } from '../persons/fixture.ts';
import { runScan } from './fixture.ts';

const NOWHERE = '00000000-0000-4000-8000-000000000000';
const STRONG = { destinationCountry: 'RU', facts: { documentsTaken: true } };
const MEDIUM = { destinationCountry: 'RU', facts: { wagesUnpaid: true, abusiveConditions: true } };

describeEachEngine('merging persons and undoing it', (h) => {
  const db = () => h().database.db;
  const addEpisode = async (client: Client, caseId: string, body: object) => {
    const res = await client.post(`/api/v1/cases/${caseId}/episodes`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.episode.id as string;
  };
  const kinds = async (client: Client, caseId: string) =>
    (await client.get(`/api/v1/cases/${caseId}/timeline`)).body.items.map((e: { kind: string }) => e.kind);
  const likelihood = async (client: Client, caseId: string) =>
    (await client.get(`/api/v1/cases/${caseId}`)).body.case.traffickingLikelihood as string;

  // The survivor registered by the hotline, the same man registered again by the SWC (two cases),
  // and his wife's case, whose household links to the second registration.
  let kept: Opened;
  let twin: Opened;
  let twinSecond: Opened;
  let wife: Opened;
  let twinEpisode: string;
  let link: string;

  it('merges: cases, episodes and household links move, the person is marked (not deleted) and leaves lists', async () => {
    const cw = await h().as('caseworker');
    kept = await openCase(cw, man('Асанбай', 'Токтогулов', { phone: '+996555111222', estimatedAge: 52 }));
    await addEpisode(cw, kept.id, STRONG);
    twin = await openCase(
      cw,
      man('Asanbaj', 'Toktogulov', { phone: '+996555111222', birthDate: '1972-01-10' }),
    );
    twinEpisode = await addEpisode(cw, twin.id, MEDIUM);
    // A second case of the same registration, opened with its id.
    const second = await cw.post('/api/v1/cases', {
      personId: twin.personId,
      type: 'legal_assistance',
      intakeChannel: 'self_referral',
    });
    expect(second.status).toBe(201);
    twinSecond = second.body.case;
    wife = await openCase(cw, man('Санобар', 'Эргешова', { sex: 'female' }));
    const member = await cw.post(`/api/v1/cases/${wife.id}/household`, {
      name: 'Асанбай',
      relationship: 'spouse',
      whereNow: 'home',
      linkedPersonId: twin.personId,
    });
    expect(member.status, JSON.stringify(member.body)).toBe(201);
    link = member.body.member.id;
    expect(await likelihood(cw, kept.id)).toBe('possible');
    expect(await likelihood(cw, twin.id)).toBe('possible');

    const supervisor = await h().as('supervisor');
    const res = await supervisor.post(`/api/v1/persons/${twin.personId}/merge`, {
      intoPersonId: kept.personId,
      reason: 'Registered twice: hotline in Cyrillic, SWC in Latin; same phone',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { merge, person } = res.body;
    expect(person.id).toBe(kept.personId);
    expect(merge).toMatchObject({
      mergedPersonId: twin.personId,
      intoPersonId: kept.personId,
      pairId: null,
      undoneAt: null,
    });
    expect(merge.moved).toEqual({
      cases: [twin.id, twinSecond.id].sort(),
      episodes: [twinEpisode],
      householdMembers: [link],
    });

    const [marked] = await db().select().from(persons).where(eq(persons.id, twin.personId));
    expect(marked).toMatchObject({
      mergedInto: kept.personId,
      mergeReason: expect.stringContaining('Registered twice'),
    });
    expect((await cw.get(`/api/v1/cases/${twin.id}`)).body.case.person.id).toBe(kept.personId);
    expect((await db().select().from(episodes).where(eq(episodes.id, twinEpisode)))[0]!.personId).toBe(
      kept.personId,
    );
    expect(
      (await db().select().from(householdMembers).where(eq(householdMembers.id, link)))[0]!.linkedPersonId,
    ).toBe(kept.personId);
    // One strong indicator from one registration and two medium from the other: now likely, everywhere.
    for (const c of [kept, twin, twinSecond]) expect(await likelihood(cw, c.id)).toBe('likely');
    for (const c of [kept, twin, twinSecond, wife]) expect(await kinds(cw, c.id)).toContain('person_merged');
    expect(await kinds(cw, twin.id)).toContain('screening_changed');
    // Gone from reads, lists and search; the survivor is there.
    expect((await cw.get(`/api/v1/persons/${twin.personId}`)).status).toBe(404);
    const listed = (await cw.get('/api/v1/persons?limit=200')).body.items.map((p: { id: string }) => p.id);
    expect(listed).not.toContain(twin.personId);
    const searched = (await cw.get('/api/v1/persons?q=Asanbaj%20Toktogulov')).body.items.map(
      (p: { id: string }) => p.id,
    );
    expect(searched).toContain(kept.personId);
    expect(searched).not.toContain(twin.personId);
    // The audit trail records who merged, with field names only.
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'person.merge'), eq(auditEvents.entityId, twin.personId)));
    expect(event).toMatchObject({
      outcome: 'ok',
      actorUsername: 'supervisor.osh',
      fields: ['mergedInto', 'cases', 'episodes', 'householdMembers'],
    });
  });

  it('undoes a merge exactly, once, and answers 409 the second time', async () => {
    const supervisor = await h().as('supervisor');
    const cw = await h().as('caseworker');
    const [event] = await db()
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, twin.id), eq(caseEvents.kind, 'person_merged')));
    const mergeId = event!.data.mergeId as string;
    const res = await supervisor.post(`/api/v1/persons/merges/${mergeId}/undo`, {
      reason: 'Not the same man after all',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.person.id).toBe(twin.personId);
    expect(res.body.merge).toMatchObject({
      undoReason: 'Not the same man after all',
      undoneAt: expect.any(String),
    });
    const moved = await db()
      .select({ id: cases.id, personId: cases.personId })
      .from(cases)
      .where(inArray(cases.id, [twin.id, twinSecond.id]));
    expect(moved.every((c) => c.personId === twin.personId)).toBe(true);
    expect((await db().select().from(episodes).where(eq(episodes.id, twinEpisode)))[0]!.personId).toBe(
      twin.personId,
    );
    expect(
      (await db().select().from(householdMembers).where(eq(householdMembers.id, link)))[0]!.linkedPersonId,
    ).toBe(twin.personId);
    expect((await cw.get(`/api/v1/persons/${twin.personId}`)).status).toBe(200);
    expect(await likelihood(cw, kept.id)).toBe('possible');
    expect(await likelihood(cw, twin.id)).toBe('possible');
    for (const c of [kept, twin, wife]) expect(await kinds(cw, c.id)).toContain('person_merge_undone');
    const again = await supervisor.post(`/api/v1/persons/merges/${mergeId}/undo`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('merge_undone');
  });

  it('refuses an undo that would not restore exactly what moved (409), and leaves the merge in place', async () => {
    const supervisor = await h().as('supervisor');
    const cw = await h().as('caseworker');
    const merged = await supervisor.post(`/api/v1/persons/${twin.personId}/merge`, {
      intoPersonId: kept.personId,
      reason: 'Same man',
    });
    expect(merged.status).toBe(200);
    const mergeId = merged.body.merge.id;
    // A new episode recorded in a moved case after the merge would be left behind by an undo.
    const later = await addEpisode(cw, twin.id, { destinationCountry: 'KZ', facts: {} });
    const refused = await supervisor.post(`/api/v1/persons/merges/${mergeId}/undo`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'merge_not_undoable',
      details: { reason: 'episodes_added_since' },
    });
    expect((await cw.request('DELETE', `/api/v1/cases/${twin.id}/episodes/${later}`)).status).toBe(204);
    // A moved household link removed since cannot be given back.
    expect((await cw.delete(`/api/v1/cases/${wife.id}/household/${link}`)).status).toBe(204);
    const linkGone = await supervisor.post(`/api/v1/persons/merges/${mergeId}/undo`, {});
    expect(linkGone.body.error.details.reason).toBe('household_links_changed');
    expect((await db().select().from(persons).where(eq(persons.id, twin.personId)))[0]!.mergedInto).toBe(
      kept.personId,
    );
  });

  it('checks the merge request: 401, 400, 403, 404 out of scope, 422 into itself, 409 stale version', async () => {
    const supervisor = await h().as('supervisor');
    const cw = await h().as('caseworker');
    const a = await openCase(cw, man('Бакыт', 'Садыков', { birthDate: '1980-01-01' }));
    const b = await openCase(cw, man('Bakyt', 'Sadykov', { birthDate: '1980-01-01' }));
    const elsewhere = await openCase(
      await h().login('caseworker.batken'),
      man('Bakyt', 'Sadykov', { originRegion: 'KG-B' }),
    );
    const url = `/api/v1/persons/${b.personId}/merge`;
    const body = { intoPersonId: a.personId, reason: 'Same man' };
    expect((await h().anonymous.post(url, body)).status).toBe(401);
    expect((await supervisor.post(url, { intoPersonId: a.personId })).status).toBe(400);
    expect((await supervisor.post(url, { ...body, intoPersonId: 'nope' })).status).toBe(400);
    expect((await supervisor.post('/api/v1/persons/nope/merge', body)).status).toBe(400);
    for (const role of [
      'caseworker',
      'admin',
      'analyst',
      'hotline_operator',
      'partner',
      'auditor',
    ] as const) {
      expect((await (await h().as(role)).post(url, body)).status, role).toBe(403);
    }
    expect((await supervisor.post(`/api/v1/persons/${NOWHERE}/merge`, body)).status).toBe(404);
    expect((await supervisor.post(url, { ...body, intoPersonId: elsewhere.personId })).status).toBe(404);
    expect((await supervisor.post(`/api/v1/persons/${elsewhere.personId}/merge`, body)).status).toBe(404);
    const self = await supervisor.post(url, { ...body, intoPersonId: b.personId });
    expect(self.status).toBe(422);
    expect(self.body.error.code).toBe('merge_into_self');
    const stale = await supervisor.post(url, { ...body, version: 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    // Nothing moved on any refusal.
    expect((await db().select().from(cases).where(eq(cases.id, b.id)))[0]!.personId).toBe(b.personId);
    // The undo route: 401, 400, 403, 404.
    const undo = `/api/v1/persons/merges/${NOWHERE}/undo`;
    expect((await h().anonymous.post(undo, {})).status).toBe(401);
    expect((await supervisor.post(undo, { extra: 1 })).status).toBe(400);
    expect((await supervisor.post('/api/v1/persons/merges/nope/undo', {})).status).toBe(400);
    expect((await cw.post(undo, {})).status).toBe(403);
    expect((await supervisor.post(undo, {})).status).toBe(404);
  });

  it('merges from a reviewed pair: confirms it if pending, refuses a rejected one or one of other persons', async () => {
    const supervisor = await h().as('supervisor');
    const cw = await h().as('caseworker');
    const a = await openCase(
      cw,
      man('Жылдыз', 'Асанова', { sex: 'female', birthDate: '1988-07-19', phone: '+996700123456' }),
    );
    const b = await openCase(
      cw,
      man('Zhyldyz', 'Asanova', { sex: 'female', birthDate: '1988-07-19', phone: '+996700123456' }),
    );
    await runScan(supervisor);
    const pairs = (await supervisor.get('/api/v1/duplicates?limit=200')).body.items as {
      id: string;
      personA: { id: string };
      personB: { id: string };
    }[];
    const pair = pairs.find(
      (p) =>
        [p.personA.id, p.personB.id].includes(a.personId) &&
        [p.personA.id, p.personB.id].includes(b.personId),
    )!;
    // The Sadykov registrations of the previous test make another pending pair.
    const other = pairs.find((p) => p.id !== pair.id)!;
    const mismatch = await supervisor.post(`/api/v1/persons/${b.personId}/merge`, {
      intoPersonId: a.personId,
      reason: 'x',
      pairId: other.id,
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.code).toBe('pair_mismatch');
    const res = await supervisor.post(`/api/v1/persons/${b.personId}/merge`, {
      intoPersonId: a.personId,
      reason: 'Same passport holder',
      pairId: pair.id,
      version: 1,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.merge.pairId).toBe(pair.id);
    const [confirmed] = await db().select().from(duplicatePairs).where(eq(duplicatePairs.id, pair.id));
    expect(confirmed).toMatchObject({ status: 'confirmed', reason: 'Same passport holder', version: 2 });
    // A pair with a merged person leaves the review lists with the person.
    expect(
      (await supervisor.get('/api/v1/duplicates?status=confirmed&limit=200')).body.items.map(
        (p: { id: string }) => p.id,
      ),
    ).not.toContain(pair.id);
    // Rejected pairs cannot be used to merge.
    const c = await openCase(
      cw,
      man('Чолпон', 'Осмонова', { sex: 'female', phone: '+996700999888', birthDate: '1990-01-01' }),
    );
    const d = await openCase(
      cw,
      man('Cholpon', 'Osmonova', { sex: 'female', phone: '+996700999888', birthDate: '1990-01-01' }),
    );
    await runScan(supervisor);
    const fresh = ((await supervisor.get('/api/v1/duplicates?limit=200')).body.items as typeof pairs).find(
      (p) => [p.personA.id, p.personB.id].includes(c.personId),
    )!;
    await supervisor.post(`/api/v1/duplicates/${fresh.id}/reject`, { reason: 'Namesakes', version: 1 });
    const refused = await supervisor.post(`/api/v1/persons/${d.personId}/merge`, {
      intoPersonId: c.personId,
      reason: 'x',
      pairId: fresh.id,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('pair_rejected');
  });
});
