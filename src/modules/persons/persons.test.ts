import { eq, inArray, isNull } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { type Client, describeEachEngine } from '../../../test/helpers/harness.ts';
import { persons } from '../../db/schema/index.ts';
import { man, type Opened, openCase } from './fixture.ts';
import { MATCH_KEYS_VERSION, backfillMatchKeys, matchKeysMissing } from './keys.ts';

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

describeEachEngine('persons: search in any script and matching', (h) => {
  const search = async (client: Client, path: string, q: string, extra = '') =>
    client.get(`/api/v1/${path}?q=${encodeURIComponent(q)}${extra}`);

  let asanbai: Opened;
  let asylbek: Opened;
  let cousin: Opened;

  it('finds «Асанбай Токтогулов» by "Asanbaj Toktogulov", first, on persons and cases alike', async () => {
    const cw = await h().as('caseworker');
    asanbai = await openCase(
      cw,
      man('Асанбай', 'Токтогулов', {
        pseudonym: 'Асанбай-77',
        phone: '+996555111222',
        estimatedAge: 52,
        documentsHeld: [{ type: 'passport', number: 'AC1234567' }],
      }),
    );
    asylbek = await openCase(cw, man('Асылбек', 'Токтогулов', { estimatedAge: 48 }));
    cousin = await openCase(cw, man('Asanbai', 'Toktosunov', { birthDate: '1980-02-02' }));

    const found = await search(cw, 'persons', 'Asanbaj Toktogulov');
    expect(found.status).toBe(200);
    expect(ids(found)[0]).toBe(asanbai.personId);
    // The brother and the cousin share a name each; they come after, never before.
    expect(ids(found).indexOf(asylbek.personId)).not.toBe(0);
    expect(ids(found).indexOf(cousin.personId)).not.toBe(0);
    // No internal match keys leave the server.
    expect(found.body.items[0]).not.toHaveProperty('nameCanonical');
    expect(found.body.items[0]).not.toHaveProperty('rank');

    const viaCases = await search(cw, 'cases', 'Asanbaj Toktogulov');
    expect(viaCases.status).toBe(200);
    expect(viaCases.body.items[0].id).toBe(asanbai.id);
    expect(viaCases.body.items[0]).not.toHaveProperty('rank');
    // Word order and script do not matter either way round.
    expect(ids(await search(cw, 'persons', 'Токтогулов Асанбай'))[0]).toBe(asanbai.personId);
    expect(ids(await search(cw, 'persons', 'Toktogulov Asanbai'))[0]).toBe(asanbai.personId);
  });

  it('finds by case number, pseudonym, phone in any format, document number and a name being typed', async () => {
    const cw = await h().as('caseworker');
    expect((await search(cw, 'cases', asanbai.number)).body.items[0].id).toBe(asanbai.id);
    // The pseudonym is also a name: the exact pseudonym comes first, namesakes after.
    expect(ids(await search(cw, 'persons', 'асанбай-77'))[0]).toBe(asanbai.personId);
    expect(ids(await search(cw, 'persons', '0555 111 222'))).toEqual([asanbai.personId]);
    expect(ids(await search(cw, 'persons', 'ас 1234567'))).toEqual([asanbai.personId]);
    const typing = ids(await search(cw, 'persons', 'Токтог'));
    expect(typing).toEqual(expect.arrayContaining([asanbai.personId, asylbek.personId]));
    expect(typing).not.toContain(cousin.personId);
    expect(ids(await search(cw, 'persons', 'Qwxzv Plonk'))).toEqual([]);
  });

  it('pages ranked results with a cursor, refuses a forged one, and keeps the plain list without q', async () => {
    const cw = await h().as('caseworker');
    const all = ids(await search(cw, 'persons', 'Toktogulov', '&limit=50'));
    expect(all.length).toBeGreaterThanOrEqual(2);
    const first = await search(cw, 'persons', 'Toktogulov', '&limit=1');
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await search(cw, 'persons', 'Toktogulov', `&limit=1&cursor=${first.body.nextCursor}`);
    expect([...ids(first), ...ids(second)]).toEqual(all.slice(0, 2));
    const forged = await search(cw, 'persons', 'Toktogulov', '&cursor=bm90LWEtY3Vyc29y');
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('invalid_cursor');
    expect((await search(cw, 'cases', 'Toktogulov', '&cursor=WzEsMl0')).status).toBe(400);
    // Without q: newest first, as before.
    const plain = await cw.get('/api/v1/persons?limit=3');
    expect(ids(plain)[0]).toBe(cousin.personId);
  });

  it('searches only within scope: another office finds nothing, roles without persons get 403, anonymous 401', async () => {
    const batken = await h().login('caseworker.batken');
    expect(ids(await search(batken, 'persons', 'Asanbaj Toktogulov'))).toEqual([]);
    expect((await search(batken, 'cases', 'Asanbaj Toktogulov')).body.items).toEqual([]);
    const supervisor = await h().as('supervisor');
    expect(ids(await search(supervisor, 'persons', 'Asanbaj Toktogulov'))[0]).toBe(asanbai.personId);
    expect((await search(await h().as('analyst'), 'persons', 'Asanbaj')).status).toBe(403);
    expect((await search(await h().as('admin'), 'cases', 'Asanbaj')).status).toBe(403);
    expect((await search(h().anonymous, 'persons', 'Asanbaj')).status).toBe(401);
    expect((await search(supervisor, 'persons', 'x'.repeat(101))).status).toBe(400);
  });

  it('stores match keys on insert and on update, so a corrected name is found at once', async () => {
    const { db } = h().database;
    const [row] = await db.select().from(persons).where(eq(persons.id, asanbai.personId));
    expect(row).toMatchObject({
      nameCanonical: 'asanbay toktogulov',
      phoneKey: '555111222',
      documentKeys: ['AC1234567'],
      keysVersion: MATCH_KEYS_VERSION,
    });
    expect(row!.namePhonetic).toEqual(expect.arrayContaining(['ASANPAJ']));
    const cw = await h().as('caseworker');
    const patched = await cw.patch(`/api/v1/persons/${asylbek.personId}`, {
      familyName: 'Жумабаев',
      version: 1,
    });
    expect(patched.status).toBe(200);
    expect(ids(await search(cw, 'persons', 'Asylbek Jumabaev'))[0]).toBe(asylbek.personId);
    expect(ids(await search(cw, 'persons', 'Asylbek Toktogulov'))[0]).not.toBe(asylbek.personId);
  });

  it('backfills persons loaded without keys (or with older ones) in batches, idempotently, before searching', async () => {
    const { db } = h().database;
    const [office] = await db
      .select({ officeId: persons.officeId, createdBy: persons.createdBy })
      .from(persons)
      .where(eq(persons.id, asanbai.personId));
    // As a bulk loader writes them: no keys; the registering caseworker keeps them in scope.
    const bulk = await db
      .insert(persons)
      .values(
        ['Жылдызбек', 'Нургазы', 'Бекболот'].map((givenName) => ({
          givenName,
          familyName: 'Сарыбагышев',
          latinName: 'x',
          sex: 'male' as const,
          officeId: office!.officeId,
          createdBy: office!.createdBy,
        })),
      )
      .returning({ id: persons.id });
    await db.update(persons).set({ keysVersion: 0 }).where(eq(persons.id, cousin.personId));
    expect(await matchKeysMissing(db)).toBe(true);
    const cw = await h().as('caseworker');
    const found = ids(await search(cw, 'persons', 'Sarybagyshev', '&limit=10'));
    expect(found).toEqual(expect.arrayContaining(bulk.map((b) => b.id)));
    expect(await matchKeysMissing(db)).toBe(false);
    const stored = await db
      .select()
      .from(persons)
      .where(inArray(persons.id, [...bulk.map((b) => b.id), cousin.personId]));
    expect(stored.every((p) => p.keysVersion === MATCH_KEYS_VERSION && p.nameCanonical)).toBe(true);
    // Nothing left: a second run does nothing; a forced one with small batches reports each.
    expect(await backfillMatchKeys(db)).toBe(0);
    await db
      .update(persons)
      .set({ keysVersion: null })
      .where(
        inArray(
          persons.id,
          bulk.map((b) => b.id),
        ),
      );
    const progress: number[] = [];
    expect(await backfillMatchKeys(db, (n) => void progress.push(n), 2)).toBe(3);
    expect(progress).toEqual([2, 3]);
    expect(await db.select({ id: persons.id }).from(persons).where(isNull(persons.keysVersion))).toEqual([]);
  });

  it('POST /persons/match: likely matches in scope with score, components, evidence and visible cases; creates nothing', async () => {
    const cw = await h().as('caseworker');
    const before = (await cw.get('/api/v1/persons?limit=200')).body.items.length;
    const res = await cw.post('/api/v1/persons/match', {
      givenName: 'Asanbaj',
      familyName: 'Toktogulov',
      sex: 'male',
      phone: '+996555111222',
      householdNames: ['Sanobar Ergeshova'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ threshold: 0.5, weightsVersion: 'koldoo-match-2' });
    const [top] = res.body.items;
    expect(top.person).toMatchObject({
      id: asanbai.personId,
      pseudonym: 'Асанбай-77',
      name: 'Асанбай Токтогулов',
    });
    expect(top.cases).toEqual([{ id: asanbai.id, number: asanbai.number }]);
    expect(top.score).toBeGreaterThan(0.9);
    expect(top.evidence).toEqual(expect.arrayContaining(['name:exact_canonical', 'phone:same']));
    expect(Object.keys(top.components).sort()).toEqual([
      'birthDate',
      'document',
      'household',
      'name',
      'origin',
      'phone',
      'sex',
    ]);
    expect(top.components.phone).toEqual({ score: 1, evidence: 'phone:same', logOdds: 4.5 });
    // The cousin with another family name and the renamed brother are not proposed.
    expect(res.body.items.map((i: { person: { id: string } }) => i.person.id)).not.toContain(cousin.personId);
    expect(res.body.items.every((i: { score: number }) => i.score >= 0.5)).toBe(true);
    expect((await cw.get('/api/v1/persons?limit=200')).body.items.length).toBe(before);
    // Only names are needed (sex unknown); a strict threshold keeps only the surest.
    const loose = await cw.post('/api/v1/persons/match', { givenName: 'Асанбай', familyName: 'Токтогулов' });
    expect(loose.body.items[0].person.id).toBe(asanbai.personId);
    const strict = await cw.post('/api/v1/persons/match?threshold=0.999', {
      givenName: 'Asanbai',
      familyName: 'Toktogulov',
    });
    expect(strict.body.items).toEqual([]);
  });

  it('POST /persons/match: 400 on bad input, 401 anonymous, 403 for roles that read no persons, nothing out of scope', async () => {
    const cw = await h().as('caseworker');
    const url = '/api/v1/persons/match';
    expect((await cw.post(url, { givenName: 'Asanbai' })).status).toBe(400);
    expect((await cw.post(url, { givenName: 'Asanbai', familyName: 'T', extra: 1 })).status).toBe(400);
    expect(
      (await cw.post(url, { givenName: 'Asanbai', familyName: 'T', birthDate: '1980-02-30' })).status,
    ).toBe(400);
    expect((await cw.post(`${url}?threshold=2`, { givenName: 'Asanbai', familyName: 'T' })).status).toBe(400);
    expect((await h().anonymous.post(url, { givenName: 'Asanbai', familyName: 'T' })).status).toBe(401);
    for (const role of ['admin', 'analyst', 'hotline_operator', 'partner', 'auditor'] as const) {
      const res = await (await h().as(role)).post(url, { givenName: 'Asanbai', familyName: 'Toktogulov' });
      expect(res.status, role).toBe(403);
    }
    const batken = await h().login('caseworker.batken');
    const elsewhere = await batken.post(url, {
      givenName: 'Asanbaj',
      familyName: 'Toktogulov',
      phone: '+996555111222',
    });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.items).toEqual([]);
  });
});
