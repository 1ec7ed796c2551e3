/**
 * What generated cases refer to in the database — the demo offices, their staff, the service
 * directory, the catalogue and budget ceilings — loaded once per run. Each office gets a generated
 * staff (accounts that cannot sign in) sized to its share of the cases, so every case can have a
 * worker and every follow-up an assignee, as the schema requires, and no caseworker holds a whole
 * office's cases.
 */
import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Role } from '../access/policy.ts';
import { writeAudit } from '../audit/writer.ts';
import type { Db } from '../db/client.ts';
import { budgetCeilings, catalogueItems, offices, services, users } from '../db/schema/index.ts';
import type { CaseType, ServiceKind } from '../domain/codes.ts';
import { KOLDOO_RSS_1 } from '../domain/rss.ts';
import { keepInstrument } from '../modules/assessments/instrument-store.ts';
import { DEMO_USERNAMES, type DemoAccount, seedDemo } from '../modules/demo/seed.ts';
import { SYSTEM } from '../modules/users/bootstrap.ts';
import type { Staff } from './batch.ts';
import { FEMALE_NAMES, MALE_NAMES } from './names.ts';
import { CASE_OFFICES, HOTLINE_OFFICE, type OfficeKey } from './places.ts';
import { KIND, type SeedKey, generatedId, seedKey } from './prng.ts';

/** A case-working office with the staff who work its cases. */
export interface OfficeRef {
  key: OfficeKey;
  id: string;
  regionCodes: string[];
  supervisors: Staff[];
  caseworkers: Staff[];
}

/** A service cases can be referred to. */
export interface ServiceRef {
  id: string;
  organisationId: string;
  kind: ServiceKind;
}

/** Everything a generated story needs besides its seed. */
export interface StoryContext {
  key: SeedKey;
  asOf: string;
  offices: Record<OfficeKey, OfficeRef>;
  hotline: Staff[];
  services: ServiceRef[];
  unitCosts: ReadonlyMap<string, number | null>;
  ceilings: ReadonlyMap<CaseType, number>;
}

// Staff ids do not depend on the seed: every seed's cases share one staff per office.
const STAFF_KEY = seedKey('koldoo-generated-staff');
// Locked like a Unix account: not an Argon2 hash, so no password ever verifies against it.
const NO_LOGIN = '!generated-account-no-login';

/**
 * The generated supervisors and caseworkers of each office, beside its demo accounts: about one
 * caseworker for every 2 % of the cases an office registers, as in a national programme of about
 * fifty caseworkers. Fixed, not grown with the run, so a person's rows depend only on the seed and
 * their index.
 */
const STAFF: Readonly<Record<OfficeKey, { supervisors: number; caseworkers: number }>> = {
  bishkek: { supervisors: 2, caseworkers: 14 },
  osh: { supervisors: 1, caseworkers: 13 },
  karasuu: { supervisors: 1, caseworkers: 5 },
  bazarkorgon: { supervisors: 1, caseworkers: 4 },
  batken: { supervisors: 1, caseworkers: 4 },
  consulate: { supervisors: 1, caseworkers: 4 },
  adilet: { supervisors: 1, caseworkers: 5 },
};

// An office's generated accounts in the order of their ids: a supervisor, the caseworkers, then any
// further supervisors (so the three accounts of each office that earlier versions made keep theirs).
function staffOf(key: OfficeKey): { role: Role; username: string }[] {
  const { supervisors, caseworkers } = STAFF[key];
  return [
    { role: 'supervisor', username: `gen.${key}.sup` },
    ...Array.from({ length: caseworkers }, (_, k) => ({
      role: 'caseworker' as const,
      username: `gen.${key}.cw${k + 1}`,
    })),
    ...Array.from({ length: supervisors - 1 }, (_, k) => ({
      role: 'supervisor' as const,
      username: `gen.${key}.sup${k + 2}`,
    })),
  ];
}

/** Creates the generated staff that is missing and returns the ids of all of it. */
async function ensureStaff(db: Db, keys: OfficeKey[], officeIds: Map<string, string>): Promise<string[]> {
  const ids: string[] = [];
  await db.transaction(async (tx) => {
    for (const [o, key] of keys.entries()) {
      for (const [s, { role, username }] of staffOf(key).entries()) {
        const id = generatedId(STAFF_KEY, KIND.staff, o, s);
        ids.push(id);
        const names = (s % 2 === 0 ? FEMALE_NAMES : MALE_NAMES).ky;
        const [row] = await tx
          .insert(users)
          .values({
            id,
            username,
            displayName: `${names[(o * 7 + s * 3) % names.length]} (generated)`,
            role,
            officeId: officeIds.get(CASE_OFFICES[key])!,
            locale: 'ru',
            passwordHash: NO_LOGIN,
          })
          .onConflictDoNothing()
          .returning({ id: users.id });
        if (row)
          await writeAudit(tx, SYSTEM, {
            action: 'user.create',
            entityType: 'user',
            entityId: id,
            fields: ['username', 'role'],
          });
      }
    }
  });
  return ids;
}

/**
 * Makes sure the demo offices, their staff, the service directory and the RSS instrument of the
 * stories' surveys exist (creating what is missing, audited like any other creation) and loads them
 * for the stories.
 */
export async function loadContext(
  db: Db,
  opts: { seed: string; asOf: string; demoPassword?: string | undefined },
): Promise<{ context: StoryContext; demoAccounts: DemoAccount[] }> {
  const demoAccounts = await seedDemo(db, { password: opts.demoPassword });
  const keys = Object.keys(CASE_OFFICES) as OfficeKey[];
  const names = [...Object.values(CASE_OFFICES), HOTLINE_OFFICE];
  const officeRows = await db.select().from(offices).where(inArray(offices.name, names));
  const officeIds = new Map(officeRows.map((o) => [o.name, o.id]));
  for (const name of names) if (!officeIds.has(name)) throw new Error(`The demo office "${name}" is missing`);
  const generatedStaff = await ensureStaff(db, keys, officeIds);
  await keepInstrument(db, KOLDOO_RSS_1);
  // Only the generated and the demo accounts, active or not: an account made or switched off
  // since must not change what a seed generates, so a run resumed later adds the same rows.
  const staff = await db
    .select({ id: users.id, username: users.username, role: users.role, officeId: users.officeId })
    .from(users)
    .where(or(inArray(users.id, generatedStaff), inArray(users.username, [...DEMO_USERNAMES])))
    // In byte order, whatever the database's collation, for the same draws everywhere.
    .orderBy(sql`${users.username} collate "C"`);
  const of = (officeId: string, role: Role): Staff[] =>
    staff
      .filter((u) => u.officeId === officeId && u.role === role)
      .map(({ id, username, role }) => ({ id, username, role }));
  const refs = {} as Record<OfficeKey, OfficeRef>;
  for (const key of keys) {
    const row = officeRows.find((o) => o.name === CASE_OFFICES[key])!;
    refs[key] = {
      key,
      id: row.id,
      regionCodes: row.regionCodes,
      supervisors: of(row.id, 'supervisor'),
      caseworkers: of(row.id, 'caseworker'),
    };
  }
  const serviceRows = await db
    .select({ id: services.id, organisationId: services.organisationId, kind: services.kind })
    .from(services)
    .where(eq(services.active, true))
    .orderBy(services.name, services.id);
  const catalogue = await db
    .select()
    .from(catalogueItems)
    .where(eq(catalogueItems.active, true))
    .orderBy(catalogueItems.code);
  const ceilings = await db.select().from(budgetCeilings);
  const context: StoryContext = {
    key: seedKey(opts.seed),
    asOf: opts.asOf,
    offices: refs,
    hotline: of(officeIds.get(HOTLINE_OFFICE)!, 'hotline_operator'),
    services: serviceRows,
    unitCosts: new Map(catalogue.map((c) => [c.code, c.defaultUnitCost])),
    ceilings: new Map(ceilings.map((c) => [c.caseType, c.amount])),
  };
  return { context, demoAccounts };
}
