import { count, eq, inArray, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/harness.ts';
import { verifyAuditChain } from '../audit/verify.ts';
import { rowsOf } from '../db/client.ts';
import {
  auditEvents,
  caseEvents,
  cases,
  deferredConstraints,
  episodes,
  followups,
  offices,
  persons,
  users,
} from '../db/schema/index.ts';
import { DEMO_USERNAMES } from '../modules/demo/seed.ts';
import { matchKeysMissing } from '../modules/persons/keys.ts';
import { loadContext } from './context.ts';
import { buildEncoded } from './encode.ts';
import { createBuilder, generate } from './generate.ts';
import { baseIdentity, personId, plantedDuplicates } from './identity.ts';
import { seedKey } from './prng.ts';

const SEED = 'test-300';
const AS_OF = '2026-03-01';

describeEachEngine('generate', (h) => {
  let first: Awaited<ReturnType<typeof generate>>;
  const tables = { persons, cases, episodes, followups, caseEvents, auditEvents };
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(tables).map(async ([name, table]) => [
          name,
          (await h().database.db.select({ n: count() }).from(table))[0]!.n,
        ]),
      ),
    );

  it('loads 300 persons with their cases, episodes, follow-ups, timelines and audit events', async () => {
    const before = await counts();
    first = await generate(h().database, { persons: 300, seed: SEED, asOf: AS_OF, batchSize: 128 });
    const after = await counts();
    expect(first.addedPersons).toBe(300);
    expect(after.persons! - before.persons!).toBe(300);
    expect(after.cases! - before.cases!).toBeGreaterThanOrEqual(300);
    expect(after.episodes! - before.episodes!).toBeGreaterThanOrEqual(after.cases! - before.cases!);
    expect(after.caseEvents! - before.caseEvents!).toBe(first.rows.case_events);
    // Plus the creation of the generated staff accounts, audited by the system.
    expect(after.auditEvents! - before.auditEvents!).toBeGreaterThanOrEqual(first.rows.audit_events!);
    const statuses = rowsOf<{ status: string }>(
      await h().database.db.execute(sql`select distinct status from cases`),
    );
    expect(statuses.map((s) => s.status).sort()).toEqual([
      'assessment',
      'assistance',
      'closed',
      'monitoring',
      'open',
      'planning',
    ]);
    const [overdue] = await h()
      .database.db.select({ n: count() })
      .from(followups)
      .where(sql`${followups.status} = 'scheduled' and ${followups.dueOn} < ${AS_OF}`);
    expect(overdue!.n).toBeGreaterThan(0);
  });

  it('stores every person with current match keys, so search needs no backfill', async () => {
    expect(await matchKeysMissing(h().database.db)).toBe(false);
    const [row] = await h()
      .database.db.select({ id: persons.id })
      .from(persons)
      .where(eq(persons.nameCanonical, ''))
      .limit(1);
    expect(row).toBeUndefined();
  });

  it('leaves cases and plan items all-visible, as autovacuum would, for the counts that read indexes alone', async () => {
    const tables = rowsOf<{ relname: string; relpages: number; relallvisible: number }>(
      await h().database.db.execute(
        sql`select relname, relpages, relallvisible from pg_class where relname in ('cases', 'plan_items') order by relname`,
      ),
    );
    expect(tables.map((t) => t.relname)).toEqual(['cases', 'plan_items']);
    for (const t of tables) {
      expect(t.relpages, t.relname).toBeGreaterThan(0);
      expect(t.relallvisible, t.relname).toBe(t.relpages);
    }
  });

  it('gives every generated case its person’s origin region, for the dashboard’s counts', async () => {
    const [row] = rowsOf<{ cases: number; astray: number }>(
      await h().database.db.execute(sql`
        select count(*)::int as cases,
               count(*) filter (where c.origin_region is distinct from p.origin_region)::int as astray
        from cases c join persons p on p.id = c.person_id`),
    );
    expect(row!.cases).toBeGreaterThanOrEqual(300);
    expect(row!.astray).toBe(0);
  });

  it('gives every case the number drawn for it, in its row and in its opening event alike', async () => {
    const [row] = rowsOf<{ cases: number; unnumbered: number; mismatched: number }>(
      await h().database.db.execute(sql`
        select count(*)::int as cases,
               count(*) filter (where c.number !~ '^KG-([A-Z]+-)?[0-9]{4}-[0-9]+$')::int as unnumbered,
               count(*) filter (where e.data ->> 'number' is distinct from c.number)::int as mismatched
        from cases c left join case_events e on e.case_id = c.id and e.kind = 'case_opened'`),
    );
    expect(row!.cases).toBeGreaterThanOrEqual(300);
    expect(row!.unnumbered).toBe(0);
    expect(row!.mismatched).toBe(0);
  });

  it('is deterministic and idempotent: the same seed again adds nothing and the ids are those of the seed', async () => {
    const before = await counts();
    const again = await generate(h().database, { persons: 300, seed: SEED, asOf: AS_OF, batchSize: 77 });
    expect(again.addedPersons).toBe(0);
    expect(await counts()).toEqual(before);
    const key = seedKey(SEED);
    const ids = Array.from({ length: 300 }, (_, i) => personId(key, i));
    const stored = await h().database.db.select().from(persons).where(inArray(persons.id, ids));
    expect(stored).toHaveLength(300);
    const byId = new Map(stored.map((p) => [p.id, p]));
    // A person's recorded names are a pure function of (seed, index).
    for (const i of [0, 17, 299]) {
      const fresh = baseIdentity(key, i);
      const row = byId.get(personId(key, i))!;
      if (!plantedDuplicates(key, 300).some((d) => d.duplicateIndex === i)) {
        expect([row.givenName, row.familyName, row.originRegion]).toEqual([
          fresh.givenName,
          fresh.familyName,
          fresh.originRegion,
        ]);
      }
    }
  });

  it('continues the audit hash chain: verification passes over the whole trail', async () => {
    const result = await verifyAuditChain(h().database.db);
    expect(result.ok).toBe(true);
    const [marked] = await h()
      .database.db.select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.requestId, `generate:${seedKey(SEED).tag}`));
    expect(marked!.n).toBe(first.rows.audit_events);
  });

  it('builds the same batches on a worker thread as in its own', async () => {
    const { context } = await loadContext(h().database.db, { seed: 'threads', asOf: AS_OF });
    const threaded = createBuilder(context, 'request', 1);
    try {
      const indices = [0, 1, 2, 57, 58];
      const built = await threaded.build(indices);
      expect(built.counts.persons).toBe(5);
      expect(built).toEqual(buildEncoded(context, indices, 'request'));
    } finally {
      await threaded.close();
    }
  });

  it('loads batches built on a worker thread, indexes and keys deferred and rebuilt, chain intact', async () => {
    const definitions = async () =>
      rowsOf<{ n: number }>(
        await h().database.db.execute(sql`
          select (select count(*) from pg_indexes where schemaname = current_schema())
               + (select count(*) from pg_constraint where contype = 'f')::int as n`),
      )[0]!.n;
    const before = await definitions();
    const rebuilt: number[] = [];
    const run = await generate(h().database, {
      persons: 150,
      seed: 'threaded',
      asOf: AS_OF,
      batchSize: 40,
      threads: 1,
      deferConstraints: true,
      onRestore: (p) => rebuilt.push(p.done),
    });
    expect(run.addedPersons).toBe(150);
    expect(rebuilt.length).toBeGreaterThan(10);
    expect(await definitions()).toBe(before);
    expect(await h().database.db.$count(deferredConstraints)).toBe(0);
    const [marked] = await h()
      .database.db.select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.requestId, `generate:${seedKey('threaded').tag}`));
    expect(marked!.n).toBe(run.rows.audit_events);
    expect((await verifyAuditChain(h().database.db)).ok).toBe(true);
  });

  it('plants duplicates: the same person registered again by another office, with a variation', async () => {
    const pairs = plantedDuplicates(SEED, 300);
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    expect(first.plantedDuplicates).toBe(pairs.length);
    const rows = await h()
      .database.db.select()
      .from(persons)
      .where(
        inArray(
          persons.id,
          pairs.flatMap((p) => [p.originalId, p.duplicateId]),
        ),
      );
    const byId = new Map(rows.map((p) => [p.id, p]));
    for (const pair of pairs) {
      const [a, b] = [byId.get(pair.originalId)!, byId.get(pair.duplicateId)!];
      expect(b.officeId).not.toBe(a.officeId);
      expect(b.sex).toBe(a.sex);
      expect(b.originRegion).toBe(a.originRegion);
      expect([b.givenName, b.familyName, b.latinName, b.patronymic, b.birthDate]).not.toEqual([
        a.givenName,
        a.familyName,
        a.latinName,
        a.patronymic,
        a.birthDate,
      ]);
    }
  });

  it('gives cases to the staff of their office, generated or demo, spread over all of it; an account added later gets none', async () => {
    const { db } = h().database;
    const [osh] = await db
      .select({ id: offices.id })
      .from(offices)
      .where(eq(offices.name, 'IOM Osh sub-office'));
    await db.insert(users).values({
      username: 'added.osh',
      displayName: 'Added later',
      role: 'caseworker',
      officeId: osh!.id,
      locale: 'ru',
      passwordHash: '!',
    });
    const more = await generate(h().database, { persons: 500, seed: SEED, asOf: AS_OF, batchSize: 128 });
    expect(more.addedPersons).toBe(200);
    const held = rowsOf<{ username: string; same_office: boolean; n: number }>(
      await db.execute(sql`
        select u.username, u.office_id = c.office_id as same_office, count(*)::int as n
        from cases c join users u on u.id = c.assigned_to
        group by 1, 2 order by 1`),
    );
    expect(held.filter((r) => !r.same_office)).toEqual([]);
    expect(
      held.filter((r) => !r.username.startsWith('gen.') && !DEMO_USERNAMES.includes(r.username)),
    ).toEqual([]);
    // Osh's cases go to its fourteen caseworkers, not to two.
    const oshCaseworkers = held.filter((r) => /^gen\.osh\.cw\d+$|^caseworker\.osh$/.test(r.username));
    expect(oshCaseworkers.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...oshCaseworkers.map((r) => r.n))).toBeLessThan(
      oshCaseworkers.reduce((sum, r) => sum + r.n, 0) / 4,
    );
  });

  it('weights origins like the real migration: most from Osh, Jalal-Abad and Batken oblasts', async () => {
    const key = seedKey(SEED);
    const ids = Array.from({ length: 300 }, (_, i) => personId(key, i));
    const [south] = await h()
      .database.db.select({ n: count() })
      .from(persons)
      .where(sql`${inArray(persons.id, ids)} and ${inArray(persons.originRegion, ['KG-O', 'KG-J', 'KG-B'])}`);
    expect(south!.n / 300).toBeGreaterThan(0.5);
  });
});
