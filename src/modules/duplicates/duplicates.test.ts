import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/harness.ts';
import { duplicatePairs, duplicateScanCandidates, duplicateScans, persons } from '../../db/schema/index.ts';
import { man, type Opened, openCase } from '../persons/fixture.ts';
import { runScan } from './fixture.ts';
import { scanDuplicates } from './scan.ts';

const NOWHERE = '00000000-0000-4000-8000-000000000000';

type Pair = {
  id: string;
  version: number;
  status: string;
  personA: { id: string };
  personB: { id: string };
} & Record<string, any>;

describeEachEngine('duplicate review: scan, pairs, decisions', (h) => {
  let hotline: Opened;
  let swc: Opened;
  let brother: Opened;
  let sister: Opened;
  let sisterTypo: Opened;
  let batkenTwin: Opened;
  const pairOf = (items: Pair[], x: string, y: string) =>
    items.find((p) => [p.personA.id, p.personB.id].sort().join() === [x, y].sort().join());

  it('starts a scan (202) for supervisors and admins, reports progress, refuses others and a second running scan', async () => {
    const cw = await h().as('caseworker');
    hotline = await openCase(
      cw,
      man('Асанбай', 'Токтогулов', {
        phone: '+996555111222',
        estimatedAge: 52,
        originDistrict: 'KG-O-ARAVAN',
      }),
    );
    swc = await openCase(
      cw,
      man('Asanbaj', 'Toktogulov', { phone: '+996555111222', birthDate: '1972-01-10' }),
    );
    brother = await openCase(
      cw,
      man('Асылбек', 'Токтогулов', { birthDate: '1985-08-01', originDistrict: 'KG-O-ARAVAN' }),
    );
    const woman = { sex: 'female', birthDate: '1990-11-03' };
    sister = await openCase(cw, man('Нургүл', 'Абдраимова', woman));
    sisterTypo = await openCase(cw, man('Nurgul', 'Abdyraimova', woman));
    batkenTwin = await openCase(
      await h().login('caseworker.batken'),
      man('Asanbai', 'Toktogulov', { phone: '+996555111222', originRegion: 'KG-B' }),
    );

    for (const role of ['caseworker', 'analyst', 'hotline_operator', 'partner', 'auditor'] as const) {
      expect((await (await h().as(role)).post('/api/v1/duplicates/scan')).status, role).toBe(403);
    }
    expect((await h().anonymous.post('/api/v1/duplicates/scan')).status).toBe(401);
    const supervisor = await h().as('supervisor');
    const scan = await runScan(supervisor);
    expect(scan).toMatchObject({
      status: 'done',
      phase: 'done',
      threshold: 0.5,
      weightsVersion: 'koldoo-match-2',
      error: null,
    });
    expect(scan.pairsFound).toBeGreaterThanOrEqual(2);
    expect(scan.pairsNew).toBe(scan.pairsFound);
    expect(scan.candidates).toBeGreaterThanOrEqual(scan.pairsFound);
    expect(scan.done).toBe(scan.candidates);
    // The work table is emptied once the pairs are scored.
    expect(await h().database.db.select().from(duplicateScanCandidates)).toEqual([]);

    const [running] = await h()
      .database.db.insert(duplicateScans)
      .values({ threshold: 0.5, weightsVersion: 'x' })
      .returning();
    const refused = await supervisor.post('/api/v1/duplicates/scan');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'scan_running', details: { scanId: running!.id } });
    // A scan whose process stopped reporting is given up, and a new one may start.
    await h()
      .database.db.update(duplicateScans)
      .set({ updatedAt: new Date(Date.now() - 3_600_000) })
      .where(eq(duplicateScans.id, running!.id));
    expect((await runScan(await h().as('admin'))).status).toBe('done');
    expect((await supervisor.get(`/api/v1/duplicates/scans/${running!.id}`)).body.scan).toMatchObject({
      status: 'failed',
    });
    expect((await supervisor.get(`/api/v1/duplicates/scans/${NOWHERE}`)).status).toBe(404);
    expect((await supervisor.get('/api/v1/duplicates/scans/nope')).status).toBe(400);
    expect((await cw.get(`/api/v1/duplicates/scans/${running!.id}`)).status).toBe(403);
  });

  it('lists pending pairs whose persons are both in scope, best first, with components and evidence', async () => {
    const supervisor = await h().as('supervisor');
    const res = await supervisor.get('/api/v1/duplicates?status=pending&limit=200');
    expect(res.status).toBe(200);
    const items = res.body.items as Pair[];
    const pair = pairOf(items, hotline.personId, swc.personId);
    expect(pair).toMatchObject({
      status: 'pending',
      version: 1,
      decidedBy: null,
      weightsVersion: 'koldoo-match-2',
    });
    expect(pair!.score).toBeGreaterThan(0.9);
    expect(pair!.evidence).toEqual(expect.arrayContaining(['name:exact_canonical', 'phone:same']));
    expect(pair!.components.phone).toEqual({ score: 1, evidence: 'phone:same', logOdds: 4.5 });
    expect([pair!.personA.id, pair!.personB.id].sort()).toEqual([hotline.personId, swc.personId].sort());
    expect(pair!.personA.id < pair!.personB.id).toBe(true);
    // A one-letter variant found through the sorted-name blocking, not through a shared key.
    expect(pairOf(items, sister.personId, sisterTypo.personId)).toBeDefined();
    // Brothers are not proposed; a pair with a person of another office is not shown here.
    expect(pairOf(items, hotline.personId, brother.personId)).toBeUndefined();
    expect(items.some((p) => [p.personA.id, p.personB.id].includes(batkenTwin.personId))).toBe(false);
    const scores = items.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The pair across offices exists; no supervisor of either office alone may review it.
    const stored = await h().database.db.select().from(duplicatePairs);
    expect(stored.some((p) => [p.personA, p.personB].includes(batkenTwin.personId))).toBe(true);
  });

  it('pages pairs by score, and refuses other roles (admin included: it reads no persons)', async () => {
    const supervisor = await h().as('supervisor');
    const all = (await supervisor.get('/api/v1/duplicates?limit=200')).body.items as Pair[];
    const first = await supervisor.get('/api/v1/duplicates?limit=1');
    const second = await supervisor.get(`/api/v1/duplicates?limit=1&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((p: Pair) => p.id)).toEqual(
      all.slice(0, 2).map((p) => p.id),
    );
    expect((await supervisor.get('/api/v1/duplicates?cursor=garbage')).status).toBe(400);
    expect((await supervisor.get('/api/v1/duplicates?status=maybe')).status).toBe(400);
    for (const role of [
      'admin',
      'caseworker',
      'analyst',
      'hotline_operator',
      'partner',
      'auditor',
    ] as const) {
      expect((await (await h().as(role)).get('/api/v1/duplicates')).status, role).toBe(403);
    }
    expect((await h().anonymous.get('/api/v1/duplicates')).status).toBe(401);
  });

  it('confirms or rejects a pending pair with a reason and the version read; decisions survive a new scan', async () => {
    const supervisor = await h().as('supervisor');
    const items = (await supervisor.get('/api/v1/duplicates?limit=200')).body.items as Pair[];
    const pair = pairOf(items, hotline.personId, swc.personId)!;
    const url = `/api/v1/duplicates/${pair.id}`;
    expect((await supervisor.post(`${url}/reject`, { version: 1 })).status).toBe(400);
    expect((await supervisor.post(`${url}/reject`, { reason: 'x', version: 1, extra: true })).status).toBe(
      400,
    );
    const stale = await supervisor.post(`${url}/reject`, { reason: 'Brothers', version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(
      (await (await h().as('caseworker')).post(`${url}/confirm`, { reason: 'x', version: 1 })).status,
    ).toBe(403);
    expect((await (await h().as('admin')).post(`${url}/confirm`, { reason: 'x', version: 1 })).status).toBe(
      403,
    );
    expect((await h().anonymous.post(`${url}/confirm`, { reason: 'x', version: 1 })).status).toBe(401);
    expect(
      (await supervisor.post(`/api/v1/duplicates/${NOWHERE}/confirm`, { reason: 'x', version: 1 })).status,
    ).toBe(404);
    const confirmed = await supervisor.post(`${url}/confirm`, {
      reason: 'Same phone, same person',
      version: 1,
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.pair).toMatchObject({
      status: 'confirmed',
      reason: 'Same phone, same person',
      version: 2,
    });
    expect(confirmed.body.pair.decidedAt).toEqual(expect.any(String));
    const again = await supervisor.post(`${url}/reject`, { reason: 'Changed my mind', version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('pair_decided');

    const other = pairOf(items, sister.personId, sisterTypo.personId)!;
    const rejected = await supervisor.post(`/api/v1/duplicates/${other.id}/reject`, {
      reason: 'Cousins',
      version: 1,
    });
    expect(rejected.body.pair.status).toBe('rejected');
    await runScan(supervisor);
    const decided = await h()
      .database.db.select()
      .from(duplicatePairs)
      .where(eq(duplicatePairs.id, other.id));
    expect(decided[0]).toMatchObject({ status: 'rejected', reason: 'Cousins' });
    expect(
      pairOf(
        (await supervisor.get('/api/v1/duplicates?status=confirmed')).body.items,
        hotline.personId,
        swc.personId,
      ),
    ).toBeDefined();
    expect(
      pairOf((await supervisor.get('/api/v1/duplicates')).body.items, sister.personId, sisterTypo.personId),
    ).toBeUndefined();
  });

  it('answers 404 for a pair with a person out of the reviewer’s scope', async () => {
    const [cross] = (await h().database.db.select().from(duplicatePairs)).filter((p) =>
      [p.personA, p.personB].includes(batkenTwin.personId),
    );
    const res = await (
      await h().as('supervisor')
    ).post(`/api/v1/duplicates/${cross!.id}/reject`, { reason: 'x', version: 1 });
    expect(res.status).toBe(404);
  });

  it('scanDuplicates: runs without a route, reports each phase, fills keys of bulk-loaded persons first', async () => {
    const { db } = h().database;
    const [ref] = await db.select().from(persons).where(eq(persons.id, hotline.personId));
    await db.insert(persons).values(
      ['Тилек', 'Tilek'].map((givenName) => ({
        givenName,
        familyName: givenName === 'Tilek' ? 'Osmonov' : 'Осмонов',
        latinName: 'x',
        sex: 'male' as const,
        birthDate: '1988-04-04',
        officeId: ref!.officeId,
        createdBy: ref!.createdBy,
      })),
    );
    const phases = new Set<string>();
    const summary = await scanDuplicates(db, { onProgress: (p) => void phases.add(p.phase) });
    expect([...phases]).toEqual(['keys', 'blocking', 'scoring', 'done']);
    expect(summary.pairsNew).toBe(1);
    const [scan] = await db.select().from(duplicateScans).where(eq(duplicateScans.id, summary.scanId));
    expect(scan).toMatchObject({ status: 'done', requestedBy: null, pairsNew: 1 });
  });
});
