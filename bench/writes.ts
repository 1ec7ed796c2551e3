/**
 * Write throughput through the services, as the API would drive them: a case opened with a new
 * person, then an episode recorded (screening refreshed), each use case in its own transaction
 * with its audit event. The anchor is the floor every use case pays: a transaction that writes
 * only its audit event (the chain lock, the read of the last hash, one insert).
 */
import { createEpisodeIn } from '../src/modules/episodes/schema.ts';
import { createEpisode } from '../src/modules/episodes/service.ts';
import { createCaseIn } from '../src/modules/cases/schema.ts';
import { createCase } from '../src/modules/cases/service.ts';
import { transact } from '../src/modules/shared/context.ts';
import { recordedIdentity } from '../src/generate/identity.ts';
import { seedKey } from '../src/generate/prng.ts';
import type { Bench } from './setup.ts';
import { perSecond } from './stats.ts';

/** Caseworkers writing at the same moment. */
export const WRITERS = 8;

/**
 * Cases (each with its person and one episode) written per second by `WRITERS` concurrent
 * writers after `warmUp` seconds of unmeasured writing, and audited no-op use cases per second at
 * the same concurrency.
 */
export async function writes(
  b: Bench,
  seconds: number,
  warmUp: number,
): Promise<{ casesPerSecond: number; cases: number; auditedPerSecond: number }> {
  const key = seedKey(`bench-writes-${Date.now()}`);
  let next = 0;
  const write = async () => {
    const i = next++;
    const who = recordedIdentity(key, i);
    const input = createCaseIn.parse({
      person: {
        givenName: who.givenName,
        familyName: who.familyName,
        ...(who.patronymic ? { patronymic: who.patronymic } : {}),
        sex: who.sex,
        birthDate: who.birthDate,
        originRegion: who.originRegion,
        ...(who.originDistrict ? { originDistrict: who.originDistrict } : {}),
        languages: ['ky', 'ru'],
      },
      type: 'returnee_reintegration',
      intakeChannel: 'iom_office',
      consent: { givenOn: '2026-01-15', scope: ['data_processing', 'referral', 'follow_up'] },
      household: [{ name: 'Айгерим', relationship: 'child', sex: 'female', age: 9, whereNow: 'home' }],
    });
    const c = await createCase(b.writer, input);
    await createEpisode(
      b.writer,
      c.id,
      createEpisodeIn.parse({
        destinationCountry: 'RU',
        destinationCity: 'Москва',
        departedOn: '2024-04-10',
        returnedOn: '2025-11-28',
        sector: 'construction',
        recruiterRelationship: 'same_village',
        facts: { wagesUnpaid: true, deceived: true, documentsTaken: i % 3 === 0 },
        wagesUnpaidAmount: '120000.00',
        wagesUnpaidCurrency: 'RUB',
      }),
    );
  };
  // As the loads through HTTP do, unmeasured writing first: the figure is the steady rate. The
  // rate climbs for seconds (at the million, one second at a time after one of warm-up: 250-255,
  // 301-320, 316-322, then 336-366 cases a second).
  await perSecond(write, warmUp, WRITERS);
  const cases = await perSecond(write, seconds, WRITERS);
  const audited = await perSecond(
    () => transact(b.writer, { action: 'bench.noop', entityType: 'bench' }, (_tx, audit) => audit()),
    seconds / 2,
    WRITERS,
  );
  return { casesPerSecond: cases.rate, cases: cases.count, auditedPerSecond: audited.rate };
}
