import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../access/policy.ts';
import { writeAudit } from '../../audit/writer.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { offices, users } from '../../db/schema/index.ts';
import type { OfficeKind } from '../../domain/organisation.ts';
import { generatePassword, hashPassword } from '../auth/secrets.ts';
import { SYSTEM } from '../users/bootstrap.ts';
import { seedDemoServices } from '../services/demo.ts';
import { seedDemoCases } from './cases.ts';

const DEMO_OFFICES: { name: string; kind: OfficeKind; country: string; regionCodes: string[] }[] = [
  { name: 'IOM Kyrgyzstan, Bishkek', kind: 'iom_office', country: 'KG', regionCodes: ['KG-GB', 'KG-C'] },
  { name: 'IOM Osh sub-office', kind: 'iom_office', country: 'KG', regionCodes: ['KG-O', 'KG-GO'] },
  {
    name: 'Single Window Centre, Kara-Suu',
    kind: 'single_window_centre',
    country: 'KG',
    regionCodes: ['KG-O-KARA-SUU'],
  },
  {
    name: 'Single Window Centre, Bazar-Korgon',
    kind: 'single_window_centre',
    country: 'KG',
    regionCodes: ['KG-J-BAZAR-KORGON'],
  },
  {
    name: 'Single Window Centre, Batken',
    kind: 'single_window_centre',
    country: 'KG',
    regionCodes: ['KG-B-BATKEN'],
  },
  {
    name: 'Migrants’ hotline, State Migration Service',
    kind: 'hotline',
    country: 'KG',
    regionCodes: ['KG-GB'],
  },
  {
    name: 'Consulate of the Kyrgyz Republic, Yekaterinburg',
    kind: 'consulate',
    country: 'RU',
    regionCodes: [],
  },
  { name: 'Adilet legal clinic, Jalal-Abad', kind: 'ngo', country: 'KG', regionCodes: ['KG-J'] },
];

const DEMO_USERS: {
  username: string;
  displayName: string;
  role: Role;
  office: string;
  locale: 'en' | 'ru' | 'ky';
}[] = [
  {
    username: 'supervisor.osh',
    displayName: 'Aigul Mamatova',
    role: 'supervisor',
    office: 'IOM Osh sub-office',
    locale: 'ru',
  },
  {
    username: 'caseworker.osh',
    displayName: 'Bakyt Tashiev',
    role: 'caseworker',
    office: 'IOM Osh sub-office',
    locale: 'ky',
  },
  {
    username: 'caseworker.batken',
    displayName: 'Nurgul Abdyrakhmanova',
    role: 'caseworker',
    office: 'Single Window Centre, Batken',
    locale: 'ky',
  },
  {
    username: 'hotline',
    displayName: 'Cholpon Asanova',
    role: 'hotline_operator',
    office: 'Migrants’ hotline, State Migration Service',
    locale: 'ru',
  },
  {
    username: 'partner.adilet',
    displayName: 'Erlan Sydykov',
    role: 'partner',
    office: 'Adilet legal clinic, Jalal-Abad',
    locale: 'ru',
  },
  {
    username: 'analyst',
    displayName: 'Dinara Omurova',
    role: 'analyst',
    office: 'IOM Kyrgyzstan, Bishkek',
    locale: 'en',
  },
  {
    username: 'auditor',
    displayName: 'Timur Kasymov',
    role: 'auditor',
    office: 'IOM Kyrgyzstan, Bishkek',
    locale: 'en',
  },
];

/** The demo accounts' usernames, which generated registries give cases to beside their own staff. */
export const DEMO_USERNAMES: readonly string[] = DEMO_USERS.map((u) => u.username);

/** A demo account created by this run, with the password to print. */
export interface DemoAccount {
  username: string;
  role: Role;
  office: string;
  password: string;
}

/** What to load besides the offices, users and services. */
export interface DemoOptions {
  /** The password of every new demo account (default: a generated one each). */
  password?: string | undefined;
  /**
   * Also the demo cases and calls (see ./cases.ts), worked through the services by the demo
   * accounts. Off by default: tests seed the accounts and count on an empty case table.
   */
  cases?: boolean;
  /** The configuration the services run with (default: from an empty environment). */
  config?: Config;
}

/**
 * Loads the small demo: offices in Bishkek, Osh, Jalal-Abad and Batken, a consulate abroad, an NGO,
 * one user of every role, the directory of services cases are referred to and, on request, cases
 * in every status. Idempotent: what exists already (by name, or a case by pseudonym) is left alone.
 */
export async function seedDemo(db: Db, opts: DemoOptions = {}): Promise<DemoAccount[]> {
  const created: DemoAccount[] = [];
  await db.transaction(async (tx) => {
    const officeIds = new Map<string, string>();
    for (const office of DEMO_OFFICES) {
      const [existing] = await tx
        .select({ id: offices.id })
        .from(offices)
        .where(eq(offices.name, office.name));
      if (existing) {
        officeIds.set(office.name, existing.id);
        continue;
      }
      const [row] = await tx.insert(offices).values(office).returning({ id: offices.id });
      officeIds.set(office.name, row!.id);
      await writeAudit(tx, SYSTEM, {
        action: 'office.create',
        entityType: 'office',
        entityId: row!.id,
        fields: Object.keys(office),
      });
    }
    for (const u of DEMO_USERS) {
      const [existing] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.username}) = ${u.username}`);
      if (existing) continue;
      const password = opts.password ?? generatePassword();
      const [row] = await tx
        .insert(users)
        .values({
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          officeId: officeIds.get(u.office)!,
          locale: u.locale,
          passwordHash: await hashPassword(password),
        })
        .returning({ id: users.id });
      await writeAudit(tx, SYSTEM, {
        action: 'user.create',
        entityType: 'user',
        entityId: row!.id,
        fields: ['username', 'role', 'password'],
      });
      created.push({ username: u.username, role: u.role, office: u.office, password });
    }
    await seedDemoServices(tx);
  });
  // After the commit: each use case runs in a transaction of its own, as it would for a request.
  if (opts.cases) await seedDemoCases(db, opts.config);
  return created;
}
