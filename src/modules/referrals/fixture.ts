import { expect } from 'vitest';
import { type Client, type Harness, PASSWORD } from '../../../test/helpers/harness.ts';

// Test support shared by the referral suites: Alima's family-reunification story (DOMAIN.md).

/** The keys of the partner view, and nothing else. */
export const PARTNER_KEYS = [
  'createdAt',
  'id',
  'partnerNote',
  'reason',
  'serviceId',
  'serviceName',
  'shared',
  'status',
  'updatedAt',
  'version',
];

export const alima = {
  givenName: 'Алима',
  familyName: 'Абдыкадырова',
  sex: 'female',
  estimatedAge: 32,
  originRegion: 'KG-O',
  originDistrict: 'KG-O-KARA-SUU',
  phone: '+996770123456',
};

export const toConsulate = {
  reason: 'Family reunification: her two-year-old son is stranded in Moscow',
  consentRecordedOn: '2020-06-18',
  share: { phone: true, sex: true, ageBand: true },
  needs:
    'The mother, in Kara-Suu, asks for help bringing her two-year-old son home from Moscow; the sister caring for him broke both legs.',
};

/** The story's cast: the Kara-Suu SWC lawyer, Alima's case, a consulate partner and the services used. */
export interface World {
  lawyer: Client;
  consulatePartner: Client;
  consulatePartnerId: string;
  caseId: string;
  caseNumber: string;
  consularHelp: string;
  adiletDocuments: string;
}

/** Builds the story once per engine (lazily, inside the first test) and a helper to send referrals. */
export function alimaStory(h: () => Harness) {
  let world: Promise<World> | undefined;
  const userId = async (c: Client): Promise<string> => (await c.get('/api/v1/auth/me')).body.user.id;
  const serviceId = async (query: string): Promise<string> => {
    const res = await (await h().as('caseworker')).get(`/api/v1/services?${query}`);
    expect(res.body.items).toHaveLength(1);
    return res.body.items[0].id;
  };

  // The Kara-Suu Single Window Centre's lawyer and Alima's case, and a partner at the consulate.
  const setup = () =>
    (world ??= (async () => {
      const admin = await h().as('admin');
      const make = async (username: string, role: string, office: string) => {
        const res = await admin.post('/api/v1/users', {
          username,
          displayName: username,
          role,
          officeId: await h().officeId(office),
          password: PASSWORD,
        });
        expect(res.status).toBe(201);
        return h().login(username);
      };
      const lawyer = await make('lawyer.karasuu', 'caseworker', 'Kara-Suu');
      const consulatePartner = await make('partner.consulate', 'partner', 'Yekaterinburg');
      const opened = await lawyer.post('/api/v1/cases', {
        person: alima,
        type: 'family_reunification',
        intakeChannel: 'single_window_centre',
        openedOn: '2020-06-10',
        consent: { givenOn: '2020-06-10', scope: ['data_processing', 'referral', 'follow_up'] },
        household: [
          {
            name: 'Эмир',
            relationship: 'child',
            sex: 'male',
            age: 2,
            whereNow: 'abroad',
            country: 'RU',
            withWhom: 'her sister',
          },
        ],
      });
      expect(opened.status).toBe(201);
      return {
        lawyer,
        consulatePartner,
        consulatePartnerId: await userId(consulatePartner),
        caseId: opened.body.case.id,
        caseNumber: opened.body.case.number,
        consularHelp: await serviceId('kind=consular_help'),
        adiletDocuments: await serviceId(
          `kind=document_recovery&organisationId=${await h().officeId('Adilet')}`,
        ),
      };
    })());

  const refer = async (w: World, service: string, body: Record<string, unknown> = {}) =>
    w.lawyer.post(`/api/v1/cases/${w.caseId}/referrals`, { ...toConsulate, serviceId: service, ...body });

  return { setup, refer };
}
