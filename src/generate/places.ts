/**
 * Where migrants come from and go to, and which office registers them, weighted like the public
 * figures in DOMAIN.md: most from Osh, Jalal-Abad and Batken; most to Russia, then Kazakhstan,
 * Türkiye and South Korea. Weights are shares, not percentages; they need not add up to 100.
 */
import { DISTRICTS } from '../reference/admin.ts';
import type { Ethnicity } from './names.ts';

/** Regions of origin (ISO 3166-2:KG) and their share of migrants. */
export const ORIGIN_WEIGHTS = {
  'KG-O': 30,
  'KG-J': 24,
  'KG-B': 13,
  'KG-GO': 5,
  'KG-GB': 8,
  'KG-C': 7,
  'KG-Y': 5,
  'KG-N': 4,
  'KG-T': 4,
} as const;
/** A region of origin. */
export type OriginRegion = keyof typeof ORIGIN_WEIGHTS;

// Kadamjay and Uzgen are where up to 70 % of working-age people are away (DOMAIN.md).
const DISTRICT_EMPHASIS: Record<string, number> = {
  'KG-B-KADAMJAY': 3,
  'KG-O-UZGEN': 3,
  'KG-O-KARA-SUU': 2.5,
  'KG-O-ARAVAN': 2,
  'KG-O-NOOKAT': 2,
  'KG-J-SUZAK': 2,
  'KG-J-BAZAR-KORGON': 2,
  'KG-B-BATKEN': 2,
  'KG-B-LEILEK': 1.5,
};

/** District weights per region, from the shipped list (cities of republican significance have none). */
export const DISTRICT_WEIGHTS: Readonly<Record<string, Readonly<Record<string, number>>>> =
  Object.fromEntries(
    Object.keys(ORIGIN_WEIGHTS).map((region) => [
      region,
      Object.fromEntries(
        DISTRICTS.filter((d) => d.regionIso === region).map((d) => [d.code, DISTRICT_EMPHASIS[d.code] ?? 1]),
      ),
    ]),
  );

/** Which name tradition a person from a region most likely follows (the Fergana valley is mixed). */
export const ETHNICITY_WEIGHTS: Readonly<Record<OriginRegion, Readonly<Record<Ethnicity, number>>>> = {
  'KG-O': { ky: 65, uz: 33, ru: 2 },
  'KG-GO': { ky: 45, uz: 50, ru: 5 },
  'KG-J': { ky: 70, uz: 28, ru: 2 },
  'KG-B': { ky: 82, uz: 16, ru: 2 },
  'KG-GB': { ky: 72, uz: 5, ru: 23 },
  'KG-C': { ky: 70, uz: 3, ru: 27 },
  'KG-Y': { ky: 85, uz: 1, ru: 14 },
  'KG-N': { ky: 98, uz: 1, ru: 1 },
  'KG-T': { ky: 95, uz: 1, ru: 4 },
};

/** Destination countries (ISO 3166-1 alpha-2) and their share. */
export const DESTINATION_WEIGHTS = { RU: 72, KZ: 14, TR: 6, KR: 5, AE: 2, DE: 1 } as const;
/** A destination country. */
export type Destination = keyof typeof DESTINATION_WEIGHTS;

/** Cities and areas where the work was, as caseworkers write them. */
export const DESTINATION_CITIES: Readonly<Record<Destination, Readonly<Record<string, number>>>> = {
  RU: {
    Москва: 40,
    'Санкт-Петербург': 15,
    Екатеринбург: 10,
    Новосибирск: 6,
    Казань: 5,
    Краснодар: 5,
    'Саратовская область': 4,
    Якутск: 3,
    Сургут: 4,
    Тюмень: 4,
    Иркутск: 4,
  },
  KZ: { Алматы: 55, Астана: 25, Шымкент: 20 },
  TR: { Стамбул: 70, Анталья: 30 },
  KR: { Сеул: 40, Ансан: 35, Инчхон: 25 },
  AE: { Дубай: 1 },
  DE: { 'Нижняя Саксония, ферма': 1 },
};

/** The currency wages were owed in. */
export const CURRENCY: Readonly<Record<Destination, string>> = {
  RU: 'RUB',
  KZ: 'KZT',
  TR: 'TRY',
  KR: 'KRW',
  AE: 'AED',
  DE: 'EUR',
};

/** Typical monthly wage promised, in hundredths of the currency (unpaid amounts are months of it). */
export const MONTHLY_WAGE: Readonly<Record<Destination, number>> = {
  RU: 4_500_000,
  KZ: 25_000_000,
  TR: 2_500_000,
  KR: 220_000_000,
  AE: 250_000,
  DE: 180_000,
};

/** The demo offices that work cases, by a short key; names as src/modules/demo/seed.ts creates them. */
export const CASE_OFFICES = {
  bishkek: 'IOM Kyrgyzstan, Bishkek',
  osh: 'IOM Osh sub-office',
  karasuu: 'Single Window Centre, Kara-Suu',
  bazarkorgon: 'Single Window Centre, Bazar-Korgon',
  batken: 'Single Window Centre, Batken',
  consulate: 'Consulate of the Kyrgyz Republic, Yekaterinburg',
  adilet: 'Adilet legal clinic, Jalal-Abad',
} as const;
/** A case-working office. */
export type OfficeKey = keyof typeof CASE_OFFICES;

/** The demo hotline, which hands cases over to the offices above. */
export const HOTLINE_OFFICE = 'Migrants’ hotline, State Migration Service';

const NORTH = { bishkek: 90, consulate: 10 } as const;

/** Which office registers someone from a region. */
export const OFFICE_WEIGHTS: Readonly<Record<OriginRegion, Readonly<Partial<Record<OfficeKey, number>>>>> = {
  'KG-O': { osh: 55, karasuu: 30, consulate: 5, adilet: 5, bishkek: 5 },
  'KG-GO': { osh: 80, karasuu: 10, consulate: 5, bishkek: 5 },
  'KG-J': { adilet: 35, bazarkorgon: 35, osh: 20, consulate: 5, bishkek: 5 },
  'KG-B': { batken: 70, osh: 20, consulate: 5, bishkek: 5 },
  'KG-GB': NORTH,
  'KG-C': NORTH,
  'KG-Y': NORTH,
  'KG-N': NORTH,
  'KG-T': NORTH,
};

/** How people reach each kind of office. */
export const INTAKE_WEIGHTS: Readonly<Record<OfficeKey, Readonly<Record<string, number>>>> = {
  bishkek: {
    iom_office: 35,
    hotline: 25,
    self_referral: 15,
    ngo_referral: 10,
    single_window_centre: 10,
    consulate_abroad: 5,
  },
  osh: {
    iom_office: 35,
    hotline: 25,
    self_referral: 15,
    ngo_referral: 10,
    single_window_centre: 10,
    consulate_abroad: 5,
  },
  karasuu: { single_window_centre: 60, hotline: 20, self_referral: 15, iom_office: 5 },
  bazarkorgon: { single_window_centre: 60, hotline: 20, self_referral: 15, iom_office: 5 },
  batken: { single_window_centre: 60, hotline: 20, self_referral: 15, iom_office: 5 },
  consulate: { consulate_abroad: 80, hotline: 20 },
  adilet: { ngo_referral: 50, self_referral: 30, hotline: 20 },
};
