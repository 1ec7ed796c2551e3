/**
 * What generated cases refer to in the database — the demo offices, their staff, the service
 * directory, the catalogue and budget ceilings — loaded once per run. Offices without staff in the
 * demo get a small generated staff (accounts that cannot sign in), so every case can have a worker
 * and every follow-up an assignee, as the schema requires.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Role } from '../access/policy.ts';
import { writeAudit } from '../audit/writer.ts';
import type { Db } from '../db/client.ts';
import { budgetCeilings, catalogueItems, offices, services, users } from '../db/schema/index.ts';
import type { CaseType, ServiceKind } from '../domain/codes.ts';
import { KOLDOO_RSS_1 } from '../domain/rss.ts';
import { keepInstrument } from '../modules/assessments/instrument-store.ts';
import { type DemoAccount, seedDemo } from '../modules/demo/seed.ts';
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

const STAFF_PER_OFFICE: readonly Role[] = ['supervisor', 'caseworker', 'caseworker'];

async function ensureStaff(db: Db, keys: OfficeKey[], officeIds: Map<string, string>): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [o, key] of keys.entries()) {
      for (const [s, role] of STAFF_PER_OFFICE.entries()) {
        const id = generatedId(STAFF_KEY, KIND.staff, o, s);
        const names = (s % 2 === 0 ? FEMALE_NAMES : MALE_NAMES).ky;
        const [row] = await tx
          .insert(users)
          .values({
            id,
            username: `gen.${key}.${role === 'supervisor' ? 'sup' : `cw${s}`}`,
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
  await ensureStaff(db, keys, officeIds);
  await keepInstrument(db, KOLDOO_RSS_1);
  const staff = await db
    .select({ id: users.id, username: users.username, role: users.role, officeId: users.officeId })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(users.username);
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
