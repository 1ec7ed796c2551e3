import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../../audit/writer.ts';
import type { Tx } from '../../db/client.ts';
import { offices, services } from '../../db/schema/index.ts';
import type { ServiceKind } from '../../domain/codes.ts';
import type { OfficeKind } from '../../domain/organisation.ts';
import { SYSTEM } from '../users/bootstrap.ts';

// Providers the demo refers to that are not offices of the case-working demo; names are
// illustrative, not real organisations.
const PROVIDERS: { name: string; kind: OfficeKind; country: string; regionCodes: string[] }[] = [
  {
    name: 'Umut psychosocial support centre, Osh',
    kind: 'ngo',
    country: 'KG',
    regionCodes: ['KG-GO', 'KG-O'],
  },
  {
    name: 'Kut shelter for women and children, Osh',
    kind: 'ngo',
    country: 'KG',
    regionCodes: ['KG-GO', 'KG-O'],
  },
  {
    name: 'Vocational training centre, Osh',
    kind: 'service_provider',
    country: 'KG',
    regionCodes: ['KG-GO', 'KG-O'],
  },
];

type DemoService = {
  organisation: string;
  kind: ServiceKind;
  name: string;
  description: string;
  regionCodes: string[];
  address?: string;
  phone?: string;
  email?: string;
};

const swcAdvice = (place: string, region: string): DemoService => ({
  organisation: `Single Window Centre, ${place}`,
  kind: 'legal_aid',
  name: `Free legal advice for migrants, ${place}`,
  description:
    'A lawyer advises migrants and their families free of charge, helps write appeal letters and contacts ministries and consulates.',
  regionCodes: [region],
  address: `${place} city hall`,
});

const DEMO_SERVICES: DemoService[] = [
  swcAdvice('Kara-Suu', 'KG-O-KARA-SUU'),
  swcAdvice('Bazar-Korgon', 'KG-J-BAZAR-KORGON'),
  swcAdvice('Batken', 'KG-B-BATKEN'),
  {
    organisation: 'Adilet legal clinic, Jalal-Abad',
    kind: 'legal_aid',
    name: 'Adilet: legal aid for migrants and survivors of exploitation',
    description: 'Legal consultations, claims for unpaid wages, representation in court.',
    regionCodes: ['KG-J'],
    address: 'Jalal-Abad',
    email: 'help@adilet.example.org',
  },
  {
    organisation: 'Adilet legal clinic, Jalal-Abad',
    kind: 'document_recovery',
    name: 'Adilet: recovering identity documents',
    description: 'Help replacing passports and birth certificates that were lost or retained by employers.',
    regionCodes: ['KG-J', 'KG-O'],
    address: 'Jalal-Abad',
  },
  {
    organisation: 'Consulate of the Kyrgyz Republic, Yekaterinburg',
    kind: 'consular_help',
    name: 'Consular help for citizens in the Urals',
    description: 'Contact with Russian authorities, family reunification, return of citizens and children.',
    regionCodes: [],
    address: 'Yekaterinburg, Russian Federation',
  },
  {
    organisation: 'Consulate of the Kyrgyz Republic, Yekaterinburg',
    kind: 'document_recovery',
    name: 'Certificates of return and replacement passports',
    description: 'Travel documents for citizens whose passports were lost or taken.',
    regionCodes: [],
    address: 'Yekaterinburg, Russian Federation',
  },
  {
    organisation: 'Umut psychosocial support centre, Osh',
    kind: 'psychological',
    name: 'Counselling for returnees and survivors of trafficking',
    description: 'Individual and group psychological support, in Kyrgyz, Russian and Uzbek.',
    regionCodes: ['KG-GO', 'KG-O'],
    address: 'Osh',
  },
  {
    organisation: 'Kut shelter for women and children, Osh',
    kind: 'shelter',
    name: 'Safe shelter for women and children',
    description: 'Short-term safe accommodation, food and medical referral for women and children at risk.',
    regionCodes: ['KG-GO', 'KG-O', 'KG-J', 'KG-B'],
  },
  {
    organisation: 'Vocational training centre, Osh',
    kind: 'education',
    name: 'Vocational courses: sewing, welding, cooking, driving',
    description: 'Three-month courses with a certificate; fees can be covered by a reintegration plan.',
    regionCodes: ['KG-GO', 'KG-O'],
    address: 'Osh',
  },
];

async function organisationId(
  tx: Tx,
  provider: (typeof PROVIDERS)[number] | { name: string },
): Promise<string | undefined> {
  const [existing] = await tx.select({ id: offices.id }).from(offices).where(eq(offices.name, provider.name));
  if (existing || !('kind' in provider)) return existing?.id;
  const [row] = await tx.insert(offices).values(provider).returning({ id: offices.id });
  await writeAudit(tx, SYSTEM, {
    action: 'office.create',
    entityType: 'office',
    entityId: row!.id,
    fields: Object.keys(provider),
  });
  return row!.id;
}

/**
 * Loads the demo's service directory (the SWCs' legal advice, Adilet, the consulate, a
 * psychosocial NGO, a shelter, a vocational centre) with the providers it needs. Idempotent: a
 * service that exists already (same organisation and name) is left alone.
 */
export async function seedDemoServices(tx: Tx): Promise<void> {
  for (const p of PROVIDERS) await organisationId(tx, p);
  for (const { organisation, ...s } of DEMO_SERVICES) {
    const orgId = await organisationId(tx, { name: organisation });
    if (!orgId) continue;
    const [existing] = await tx
      .select({ id: services.id })
      .from(services)
      .where(and(eq(services.organisationId, orgId), eq(services.name, s.name)));
    if (existing) continue;
    const [row] = await tx
      .insert(services)
      .values({ ...s, organisationId: orgId })
      .returning({ id: services.id });
    await writeAudit(tx, SYSTEM, {
      action: 'service.create',
      entityType: 'service',
      entityId: row!.id,
      fields: Object.keys(s),
    });
  }
}
