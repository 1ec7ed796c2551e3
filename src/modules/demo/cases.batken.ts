import { type Day, type DemoCase, person, stay, work, risk, strength, rss, consent } from './cases.data.ts';

/** Cases at the Batken Single Window Centre, which has no supervisor in the demo: nothing there gets approved. */
export function batkenCases(day: Day): DemoCase[] {
  return [
    {
      worker: 'caseworker.batken',
      open: {
        person: person('Бермет Токтогулова', 'Бермет-7', 'female', 24, 'KG-B-BATKEN'),
        type: 'legal_assistance',
        intakeChannel: 'single_window_centre',
        openedOn: day(-30),
        consent: consent(day(-30)),
      },
      episodes: [
        {
          ...stay('RU', 'Екатеринбург', day(-400), day(-35)),
          ...work('domestic_work', 'acquaintance', { documentsTaken: true }),
        },
      ],
      vulnerability: {
        takenOn: day(-28),
        factors: [risk('structural', 'documents'), strength('household', 'family_support')],
      },
      followups: [{ kind: 'call', dueOn: day(-6) }],
      status: 'assessment',
    },
    {
      worker: 'caseworker.batken',
      open: {
        person: person('Жылдыз Ормонова', 'Жылдыз-8', 'female', 41, 'KG-B-KADAMJAY'),
        type: 'returnee_reintegration',
        intakeChannel: 'single_window_centre',
        openedOn: day(-60),
        consent: consent(day(-60)),
      },
      episodes: [
        {
          ...stay('KZ', 'Туркестанская область', day(-330), day(-70)),
          ...work('agriculture', 'family', { excessiveHours: true, abusiveConditions: true }),
        },
      ],
      rss: [
        rss(day(-55), {
          income_sources: 0.33,
          food_security: 0.5,
          housing: 0.5,
          safe_water: 0,
          distress: 0.5,
        }),
      ],
      goals: ['Курсы швеи в Кадамжае', 'Ремонт крыши до зимы'],
      status: 'planning',
    },
    {
      worker: 'caseworker.batken',
      open: {
        person: person('Улан Бообеков', 'Улан-9', 'male', 27, 'KG-B-LEILEK'),
        type: 'returnee_reintegration',
        intakeChannel: 'single_window_centre',
        openedOn: day(-90),
        consent: consent(day(-90), ['data_processing', 'follow_up']),
      },
      episodes: [{ ...stay('RU', 'Новосибирск', day(-700), day(-100)), ...work('construction', 'friend') }],
      status: 'closed',
      closure: { from: 'assessment', reason: 'remigrated', note: 'Уехал на стройку в Новосибирск' },
    },
  ];
}
