import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { type Client, PASSWORD, describeEachEngine } from '../../../test/helpers/harness.ts';
import { auditEvents, cases, episodes, persons } from '../../db/schema/index.ts';
import { man, type Opened, openCase } from '../persons/fixture.ts';
import { runScan } from './fixture.ts';

type MergeRecord = {
  id: string;
  mergedPerson: { id: string; name: string };
  intoPerson: { id: string; name: string };
  status: string;
  undoable: boolean;
  undoBlocker: string | null;
} & Record<string, any>;

describeEachEngine('the merges list (GET /persons/merges)', (h) => {
  const LIST = '/api/v1/persons/merges';
  const ids = (items: { id: string }[]) => items.map((m) => m.id);
  const list = async (client: Client, query = '') => {
    const res = await client.get(`${LIST}?limit=200${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as MergeRecord[];
  };
  const merge = async (client: Client, from: Opened, into: Opened, reason: string) => {
    const res = await client.post(`/api/v1/persons/${from.personId}/merge`, {
      intoPersonId: into.personId,
      reason,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.merge.id as string;
  };

  let kept: Opened;
  let twin: Opened;
  let other: Opened;
  let otherTwin: Opened;
  let first: string;
  let second: string;

  it('lists the merges of the supervisor’s office newest first, with both persons, who, why, what moved', async () => {
    const cw = await h().as('caseworker');
    const supervisor = await h().as('supervisor');
    kept = await openCase(cw, man('Асанбай', 'Токтогулов', { phone: '+996555111222' }));
    twin = await openCase(cw, man('Asanbaj', 'Toktogulov', { phone: '+996555111222' }));
    other = await openCase(cw, man('Бакыт', 'Садыков', { birthDate: '1980-01-01' }));
    otherTwin = await openCase(cw, man('Bakyt', 'Sadykov', { birthDate: '1980-01-01' }));
    const episode = await cw.post(`/api/v1/cases/${twin.id}/episodes`, {
      destinationCountry: 'RU',
      facts: {},
    });
    expect(episode.status).toBe(201);
    expect(await list(supervisor)).toEqual([]);

    first = await merge(supervisor, twin, kept, 'Same phone; Cyrillic and Latin spellings');
    second = await merge(supervisor, otherTwin, other, 'Same date of birth and village');
    const items = await list(supervisor);
    expect(ids(items)).toEqual([second, first]);
    expect(items[1]).toEqual({
      id: first,
      mergedPerson: expect.objectContaining({ id: twin.personId, name: 'Asanbaj Toktogulov' }),
      intoPerson: expect.objectContaining({ id: kept.personId, name: 'Асанбай Токтогулов' }),
      pairId: null,
      reason: 'Same phone; Cyrillic and Latin spellings',
      movedCounts: { cases: 1, episodes: 1, householdMembers: 0 },
      mergedBy: expect.any(String),
      mergedByName: 'Aigul Mamatova',
      mergedAt: expect.any(String),
      status: 'active',
      undoneBy: null,
      undoneByName: null,
      undoneAt: null,
      undoReason: null,
      undoable: true,
      undoBlocker: null,
    });
    // The read is on record.
    const events = await h()
      .database.db.select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'person.merge_list'), eq(auditEvents.outcome, 'ok')));
    expect(events.length).toBeGreaterThanOrEqual(2);
  });

  it('pages by keyset and refuses a forged cursor', async () => {
    const supervisor = await h().as('supervisor');
    const one = await supervisor.get(`${LIST}?limit=1`);
    expect(one.status).toBe(200);
    expect(ids(one.body.items)).toEqual([second]);
    expect(one.body.nextCursor).toEqual(expect.any(String));
    const two = await supervisor.get(`${LIST}?limit=1&cursor=${one.body.nextCursor}`);
    expect(ids(two.body.items)).toEqual([first]);
    expect(two.body.nextCursor).toBeNull();
    const forged = await supervisor.get(`${LIST}?cursor=${Buffer.from('["x","y"]').toString('base64url')}`);
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('invalid_cursor');
    expect((await supervisor.get(`${LIST}?limit=0`)).status).toBe(400);
  });

  it('shows an undone merge as undone, by whom and why, and filters by status', async () => {
    const supervisor = await h().as('supervisor');
    const undo = await supervisor.post(`/api/v1/persons/merges/${first}/undo`, {
      reason: 'Namesakes from one village',
    });
    expect(undo.status, JSON.stringify(undo.body)).toBe(200);
    const items = await list(supervisor);
    expect(ids(items)).toEqual([second, first]);
    expect(items[1]).toMatchObject({
      status: 'undone',
      undoneBy: items[1]!.mergedBy,
      undoneByName: 'Aigul Mamatova',
      undoneAt: expect.any(String),
      undoReason: 'Namesakes from one village',
      undoable: false,
      undoBlocker: null,
    });
    expect(ids(await list(supervisor, '&status=active'))).toEqual([second]);
    expect(ids(await list(supervisor, '&status=undone'))).toEqual([first]);
    expect((await supervisor.get(`${LIST}?status=gone`)).status).toBe(400);
  });

  it('says when a standing merge can no longer be undone, and why, as the undo itself does', async () => {
    const supervisor = await h().as('supervisor');
    const cw = await h().as('caseworker');
    const later = await cw.post(`/api/v1/cases/${otherTwin.id}/episodes`, {
      destinationCountry: 'KZ',
      facts: {},
    });
    expect(later.status).toBe(201);
    const blocked = (await list(supervisor)).find((m) => m.id === second)!;
    expect(blocked).toMatchObject({ undoable: false, undoBlocker: 'episodes_added_since' });
    const refused = await supervisor.post(`/api/v1/persons/merges/${second}/undo`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.reason).toBe('episodes_added_since');
    expect(
      (await cw.request('DELETE', `/api/v1/cases/${otherTwin.id}/episodes/${later.body.episode.id}`)).status,
    ).toBe(204);
    expect((await list(supervisor)).find((m) => m.id === second)).toMatchObject({
      undoable: true,
      undoBlocker: null,
    });
  });

  it('keeps a merge in sight once its survivor is merged again, saying that merge must be undone first', async () => {
    const supervisor = await h().as('supervisor');
    const cw = await h().as('caseworker');
    const third = await openCase(
      cw,
      man('Bakyt', 'Sadykov', { birthDate: '1980-01-01', phone: '+996700000001' }),
    );
    const onward = await merge(supervisor, other, third, 'A third registration of the same man');
    const items = await list(supervisor);
    expect(ids(items)).toEqual([onward, second, first]);
    expect(items.find((m) => m.id === second)).toMatchObject({
      status: 'active',
      undoable: false,
      undoBlocker: 'survivor_merged_since',
    });
    expect(items[0]).toMatchObject({ undoable: true, movedCounts: { cases: 2, episodes: 0 } });
  });

  it('names each way a moved row can have strayed since the merge', async () => {
    const supervisor = await h().as('supervisor');
    const cw = await h().as('caseworker');
    const db = h().database.db;
    const a = await openCase(cw, man('Эрмек', 'Алиев', { birthDate: '1991-02-03' }));
    const b = await openCase(cw, man('Ermek', 'Aliev', { birthDate: '1991-02-03' }));
    const stranger = await openCase(cw, man('Тимур', 'Осмонов'));
    const episode = await cw.post(`/api/v1/cases/${b.id}/episodes`, { destinationCountry: 'RU', facts: {} });
    expect(episode.status).toBe(201);
    const mergeId = await merge(supervisor, b, a, 'Same man');
    const blocker = async () => (await list(supervisor)).find((m) => m.id === mergeId)!.undoBlocker;
    expect(await blocker()).toBeNull();
    // Changes no route makes, written straight to the rows, each put back before the next.
    const episodeId = episode.body.episode.id as string;
    const strays: [string, (to: string) => Promise<unknown>][] = [
      [
        'merged_person_changed',
        (to) => db.update(persons).set({ mergedInto: to }).where(eq(persons.id, b.personId)),
      ],
      ['cases_changed', (to) => db.update(cases).set({ personId: to }).where(eq(cases.id, b.id))],
      [
        'episodes_changed',
        (to) => db.update(episodes).set({ personId: to }).where(eq(episodes.id, episodeId)),
      ],
    ];
    for (const [reason, moveTo] of strays) {
      await moveTo(stranger.personId);
      expect(await blocker()).toBe(reason);
      const refused = await supervisor.post(`/api/v1/persons/merges/${mergeId}/undo`, {});
      expect(refused.body.error.details.reason).toBe(reason);
      await moveTo(a.personId);
    }
    expect(await blocker()).toBeNull();
  });

  it('shows another office’s supervisor only their own merges; refuses roles that do not review (403) and anonymous callers (401)', async () => {
    const admin = await h().as('admin');
    const created = await admin.post('/api/v1/users', {
      username: `supervisor.batken.${h().engine}`,
      displayName: 'Batken supervisor',
      role: 'supervisor',
      officeId: await h().officeId('Batken'),
      password: PASSWORD,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const batken = await h().login(`supervisor.batken.${h().engine}`);
    expect(await list(batken)).toEqual([]);
    const batkenCw = await h().login('caseworker.batken');
    const a = await openCase(batkenCw, man('Нурлан', 'Жээнбеков', { originRegion: 'KG-B' }));
    const b = await openCase(batkenCw, man('Nurlan', 'Zheenbekov', { originRegion: 'KG-B' }));
    const theirs = await merge(batken, b, a, 'Same man, registered twice in Batken');
    expect(ids(await list(batken))).toEqual([theirs]);
    expect(ids(await list(await h().as('supervisor')))).not.toContain(theirs);

    for (const role of [
      'caseworker',
      'admin',
      'analyst',
      'hotline_operator',
      'partner',
      'auditor',
    ] as const) {
      const res = await (await h().as(role)).get(LIST);
      expect(res.status, role).toBe(403);
    }
    expect((await h().anonymous.get(LIST)).status).toBe(401);
    const [denied] = await h()
      .database.db.select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'person.merge_list'),
          eq(auditEvents.outcome, 'denied'),
          eq(auditEvents.actorUsername, 'caseworker.osh'),
        ),
      );
    expect(denied).toBeDefined();
  });

  it('gives each pair’s persons their version and what the merge form weighs, never a document number', async () => {
    const supervisor = await h().as('supervisor');
    const cw = await h().as('caseworker');
    const a = await openCase(
      cw,
      man('Жылдыз', 'Асанова', {
        sex: 'female',
        birthDate: '1988-07-19',
        phone: '+996700123456',
        documentsHeld: [{ type: 'passport', number: 'AC1234567' }, { type: 'birth_certificate' }],
      }),
    );
    const b = await openCase(
      cw,
      man('Zhyldyz', 'Asanova', { sex: 'female', birthDate: '1988-07-19', phone: '+996700123456' }),
    );
    await runScan(supervisor);
    const res = await supervisor.get('/api/v1/duplicates?limit=200');
    expect(res.status).toBe(200);
    const pair = (res.body.items as { personA: { id: string }; personB: { id: string } }[]).find(
      (p) => [p.personA.id, p.personB.id].sort().join() === [a.personId, b.personId].sort().join(),
    )!;
    const [pa, pb] = [pair.personA, pair.personB].sort((x) => (x.id === a.personId ? -1 : 1));
    expect(pa).toMatchObject({
      id: a.personId,
      version: 1,
      phone: '+996700123456',
      patronymic: null,
      documents: { count: 2, numbered: 1 },
      createdAt: expect.any(String),
    });
    expect(pb).toMatchObject({ id: b.personId, version: 1, documents: { count: 0, numbered: 0 } });
    expect(JSON.stringify(res.body)).not.toContain('AC1234567');
  });
});
