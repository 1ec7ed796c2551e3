import {
  type Day,
  type DemoCase,
  person,
  stay,
  work,
  unpaid,
  risk,
  strength,
  rss,
  consent,
} from './cases.data.ts';

/** Cases worked at IOM Osh from the public stories: trafficking survivors, a returnee planning a business, a family reunited, one just opened. */
export function oshCases(day: Day): DemoCase[] {
  return [
    {
      worker: 'caseworker.osh',
      open: {
        person: {
          ...person('Санобар Эргешова', 'Санобар-3', 'female', 51, 'KG-O-ARAVAN'),
          languages: ['ky', 'uz'],
          documentsRetained: [{ type: 'passport', heldBy: 'Работодатель, Саратовская область' }],
        },
        type: 'trafficking_survivor',
        intakeChannel: 'iom_office',
        openedOn: day(-240),
        consent: consent(day(-240)),
        household: [
          { name: 'Асанбай', relationship: 'spouse', sex: 'male', age: 52, whereNow: 'home' },
          { name: 'Гулзат', relationship: 'child', sex: 'female', age: 17, whereNow: 'home' },
        ],
      },
      episodes: [
        {
          ...stay('RU', 'Саратовская область, ферма', day(-700), day(-250)),
          ...work('agriculture', 'same_village', {
            documentsTaken: true,
            wagesUnpaid: true,
            abusiveConditions: true,
            deceived: true,
          }),
          ...unpaid('320000.00'),
          recruitedHow: 'Односельчанин позвал на ферму брата: 70 овец, коровы, поля',
        },
      ],
      vulnerability: {
        takenOn: day(-235),
        factors: [
          risk('individual', 'health', 'Оба болели после зимы в сарае'),
          risk('household', 'debt'),
          risk('household', 'children_left_behind'),
          risk('structural', 'documents'),
          strength('community', 'social_network', 'Родственница растила младших детей'),
        ],
      },
      determination: { likelihood: 'likely', note: 'Паспорта забрал работодатель, не платили' },
      rss: [
        rss(day(-230), { income_sources: 0, debt: 0.33, food_security: 0, employment: 0, distress: 0 }),
        rss(day(-120), {
          income_sources: 0.33,
          debt: 0.33,
          food_security: 0.5,
          employment: 0.33,
          distress: 0.5,
        }),
        rss(day(-20), { income_sources: 0.67, debt: 0.67, food_security: 1, employment: 1, distress: 1 }),
      ],
      goals: ['Восстановить здоровье и документы', 'Обрабатывать свою землю и продавать урожай'],
      items: [
        { body: { catalogueCode: 'psychosocial_counselling', quantity: 6 }, until: 'delivered' },
        {
          body: { catalogueCode: 'clothing', description: 'Зимняя одежда на семью', quantity: 7 },
          until: 'delivered',
        },
        { body: { catalogueCode: 'food_package', quantity: 3 }, until: 'delivered' },
        {
          body: {
            catalogueCode: 'agricultural_equipment',
            description: 'Мотоблок с плугом',
            quantity: 1,
            unitCost: '45000.00',
          },
          until: 'delivered',
        },
      ],
      referrals: [
        {
          service: 'Adilet: recovering identity documents',
          body: {
            reason: 'Паспорта супругов удерживает работодатель в России',
            consentRecordedOn: day(-230),
            share: { sex: true, ageBand: true, originRegion: true },
            needs: 'Помогите восстановить паспорта супругов.',
          },
          answers: [
            { status: 'accepted', note: 'Примем в четверг' },
            { status: 'completed', note: 'Паспорта получены в ГРС Араван' },
          ],
        },
      ],
      followups: [
        { kind: 'visit', dueOn: day(-125), done: { on: day(-120), note: 'Семья дома, начали весенний сев' } },
        {
          kind: 'call',
          dueOn: day(-60),
          done: { on: day(-58), note: 'Продают картофель на базаре в Араване' },
        },
        { kind: 'visit', dueOn: day(20) },
      ],
      status: 'monitoring',
    },
    {
      worker: 'caseworker.osh',
      open: {
        person: person('Астра Абдыкалыкова', 'Астра-2', 'female', 47, 'KG-J-BAZAR-KORGON'),
        type: 'returnee_reintegration',
        intakeChannel: 'ngo_referral',
        referringOrganisation: 'Социальный работник проекта стабилизации сообществ',
        openedOn: day(-45),
        consent: consent(day(-45)),
        household: [
          { name: 'Бактыбек', relationship: 'spouse', sex: 'male', age: 50, whereNow: 'home' },
          { name: 'Айпери', relationship: 'child', sex: 'female', age: 19, whereNow: 'home' },
        ],
      },
      episodes: [
        {
          ...stay('RU', 'Москва', day(-420), day(-60)),
          ...work('services', 'none', { wagesUnpaid: true, abusiveConditions: true, excessiveHours: true }),
          ...unpaid('90000.00'),
        },
      ],
      vulnerability: {
        takenOn: day(-42),
        factors: [
          risk('household', 'debt', 'Долг за учёбу сына и билеты'),
          risk('individual', 'health', 'Инфекция почек'),
          risk('community', 'no_jobs'),
          strength('household', 'family_support', 'Дочери шьют'),
        ],
      },
      rss: [rss(day(-40), { income_sources: 0.33, debt: 0, food_security: 0.5, housing: 1, distress: 0.5 })],
      goals: ['Открыть швейную мастерскую с дочерьми', 'Погасить долг за учёбу сына'],
      items: [
        {
          body: { catalogueCode: 'sewing_equipment', description: 'Швейная машина', quantity: 3 },
          until: 'proposed',
        },
        {
          body: {
            catalogueCode: 'business_grant',
            quantity: 1,
            unitCost: '40000.00',
            businessPlan: {
              summary: 'Пошив школьной формы и штор на заказ',
              activity: 'Швейная мастерская',
              expectedMonthlyIncome: '25000.00',
            },
          },
          until: 'proposed',
        },
      ],
      followups: [{ kind: 'visit', dueOn: day(7) }],
      status: 'planning',
    },
    {
      worker: 'caseworker.osh',
      open: {
        person: {
          ...person('Сироджиддин Каримов', 'Сироджиддин-4', 'male', 34, 'KG-O-NOOKAT'),
          languages: ['uz', 'ru'],
        },
        type: 'trafficking_survivor',
        intakeChannel: 'ngo_referral',
        referringOrganisation: 'Umut psychosocial support centre, Osh',
        openedOn: day(-150),
        consent: consent(day(-150)),
      },
      episodes: [
        {
          ...stay('RU', 'Москва', day(-600), day(-160)),
          ...work('construction', 'stranger', {
            movementRestricted: true,
            threats: true,
            documentsTaken: true,
          }),
        },
      ],
      determination: { likelihood: 'likely' },
      rss: [
        rss(day(-140), {
          income_sources: 0,
          employment: 0.33,
          productive_assets: 0,
          housing: 0.5,
          distress: 0,
        }),
      ],
      goals: ['Открыть пекарню в родном Ноокате'],
      items: [
        {
          body: { catalogueCode: 'vocational_training', description: 'Курс пекаря', quantity: 1 },
          until: 'delivered',
        },
        {
          body: {
            catalogueCode: 'business_grant',
            quantity: 1,
            unitCost: '120000.00',
            businessPlan: { summary: 'Тандыр и печь, лепёшки на рынок Ноокат', activity: 'Пекарня' },
          },
          until: 'procured',
        },
      ],
      followups: [{ kind: 'visit', dueOn: day(-10) }],
      status: 'assistance',
    },
    {
      worker: 'caseworker.osh',
      open: {
        person: person('Алима Жумабаева', 'Алима-1', 'female', 32, 'KG-O-KARA-SUU'),
        type: 'family_reunification',
        intakeChannel: 'single_window_centre',
        referringOrganisation: 'Single Window Centre, Kara-Suu',
        openedOn: day(-200),
        consent: consent(day(-200)),
        household: [{ name: 'Эмир', relationship: 'child', sex: 'male', age: 2, whereNow: 'home' }],
      },
      episodes: [{ ...stay('RU', 'Москва', day(-900), day(-210)), ...work('services', 'family') }],
      rss: [
        rss(day(-190), { income_sources: 0.33, housing: 1, social_network: 0.5, distress: 0 }),
        rss(day(-70), { income_sources: 0.67, housing: 1, social_network: 1, distress: 1 }),
      ],
      goals: ['Вернуть сына домой из Москвы'],
      items: [
        {
          body: {
            catalogueCode: 'legal_aid',
            description: 'Перевод документов для консульства',
            quantity: 1,
            unitCost: '3000.00',
          },
          until: 'delivered',
        },
      ],
      followups: [
        { kind: 'call', dueOn: day(-100), done: { on: day(-100), note: 'Сын дома, ходит в детский сад' } },
      ],
      status: 'closed',
      closure: { from: 'monitoring', reason: 'sustainably_reintegrated' },
    },
    {
      worker: 'caseworker.osh',
      open: {
        person: person('Нурлан Маматов', 'Нурлан-6', 'male', 38, 'KG-O-UZGEN'),
        type: 'returnee_reintegration',
        intakeChannel: 'self_referral',
        openedOn: day(-2),
        consent: consent(day(-2), ['data_processing']),
      },
      episodes: [{ ...stay('KZ', 'Алматы', day(-500), day(-20)), ...work('construction', 'acquaintance') }],
      status: 'open',
    },
  ];
}
