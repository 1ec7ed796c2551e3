import type { z } from 'zod';
import type { createCallIn } from '../calls/schema.ts';
import {
  type Day,
  type DemoCase,
  person,
  stay,
  work,
  unpaid,
  risk,
  strength,
  consent,
} from './cases.data.ts';

/** Hotline calls that stay calls: one waiting to become a case, one answered with information. */
export function demoCalls(day: Day): z.input<typeof createCallIn>[] {
  return [
    {
      receivedAt: `${day(-1)}T16:05:00+06:00`,
      channel: 'hotline',
      callerName: 'Гулзат',
      callerPhone: '+996770112233',
      callerRegion: 'KG-B',
      callerDistrict: 'KG-B-KADAMJAY',
      topic: 'trafficking_exploitation',
      summary:
        'Муж в Казахстане три месяца не выходит на связь; работодатель не отпускает его «за долг за жильё».',
      urgency: 'high',
    },
    {
      receivedAt: `${day(-2)}T11:20:00+06:00`,
      channel: 'hotline',
      anonymous: true,
      callerCountry: 'RU',
      topic: 'legal_status_abroad',
      summary: 'Спрашивал, как переоформить патент в Москве после смены работодателя.',
      urgency: 'low',
      outcome: 'information_given',
    },
  ];
}
/** The case that began as a hotline call: the hotline converts it for IOM Osh, whose caseworker takes it on. */
export function hotlineCases(day: Day): DemoCase[] {
  return [
    {
      worker: 'caseworker.osh',
      call: {
        receivedAt: `${day(-12)}T09:42:00+06:00`,
        channel: 'hotline',
        callerName: 'Тамара',
        callerPhone: '+996555123456',
        callerRegion: 'KG-O',
        callerDistrict: 'KG-O-KARA-SUU',
        topic: 'trafficking_exploitation',
        summary: 'Вернулась из Москвы: в цеху забрали паспорт, не платили, били при попытке уйти.',
        urgency: 'high',
      },
      open: {
        person: person('Тамара Осмонова', 'Тамара-5', 'female', 29),
        type: 'trafficking_survivor',
        openedOn: day(-11),
        consent: consent(day(-11)),
      },
      episodes: [
        {
          ...stay('RU', 'Москва', day(-300), day(-14)),
          ...work('factory', 'friend', {
            documentsTaken: true,
            wagesUnpaid: true,
            violence: true,
            movementRestricted: true,
            deceived: true,
          }),
          ...unpaid('180000.00'),
          recruitedHow: 'Подруга обещала работу на швейной фабрике',
        },
      ],
      vulnerability: {
        takenOn: day(-9),
        factors: [
          risk('individual', 'threats', 'Вербовщица живёт по соседству и угрожает', true),
          strength('household', 'family_support'),
        ],
      },
      referrals: [
        {
          service: 'Adilet: legal aid for migrants and survivors of exploitation',
          body: {
            reason: 'Невыплаченная зарплата за 8 месяцев, угрозы вербовщицы',
            consentRecordedOn: day(-9),
            share: { phone: true, sex: true, ageBand: true },
            needs: 'Консультация и иск о невыплаченной зарплате.',
          },
        },
      ],
      followups: [{ kind: 'call', dueOn: day(-4) }],
      status: 'assessment',
    },
  ];
}
