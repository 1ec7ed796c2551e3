/**
 * A small deterministic generator of labelled registrations for the matcher's quality test: base
 * persons written in Cyrillic; for some, a second registration of the same person as another
 * office would write it (another transliteration system, given and family name swapped, a typo,
 * the patronymic dropped or added, an estimated age instead of the date of birth, a phone typed
 * another way, a passport series in Cyrillic look-alikes); and hard non-duplicates (siblings in
 * one household, namesakes of another generation). Test-only.
 */

/** A registration as the persons API takes it (the match and the stored person share this shape). */
export interface Registration {
  givenName: string;
  familyName: string;
  patronymic?: string;
  sex: 'female' | 'male';
  birthDate?: string;
  estimatedAge?: number;
  phone?: string;
  originRegion?: string;
  originDistrict?: string;
  documentsHeld: { type: 'passport'; number: string }[];
}

/** A labelled set: base persons, a variant of some (same person), and relatives (never the same). */
export interface LabelledSet {
  base: Registration[];
  /** [index into base, the second registration of that person]. */
  variants: [number, Registration][];
  /** [index into base, a different person close to them]. */
  relatives: [number, Registration][];
}

// mulberry32: a few lines, deterministic across engines and runs.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MALE = [
  'Асанбай',
  'Бакыт',
  'Нурлан',
  'Азамат',
  'Тилек',
  'Улан',
  'Эрлан',
  'Кайрат',
  'Мирлан',
  'Бекзат',
  'Данияр',
  'Жоомарт',
  'Чыңгыз',
  'Айбек',
  'Медер',
  'Руслан',
  'Талант',
  'Нурбек',
  'Канат',
  'Алмаз',
  'Жаныбек',
  'Самат',
  'Шерзод',
  'Рахимжон',
  'Бахтиёр',
  'Элдор',
  'Сирожиддин',
  'Үмөт',
  'Ёкубжон',
  'Дилшод',
  'Жумабек',
  'Исмаил',
];
const FEMALE = [
  'Санобар',
  'Айгүл',
  'Жылдыз',
  'Гүлнара',
  'Нургүл',
  'Чолпон',
  'Бермет',
  'Айжан',
  'Динара',
  'Мээрим',
  'Асель',
  'Назгүл',
  'Бурул',
  'Шоира',
  'Юлдуз',
  'Алима',
  'Тамара',
  'Гүлзат',
  'Зарина',
  'Айпери',
  'Мадина',
  'Сезим',
];
const FAMILY = [
  'Токтогулов',
  'Асанов',
  'Бообеков',
  'Ормонов',
  'Садыков',
  'Жумабаев',
  'Абдраимов',
  'Бейшенбеков',
  'Осмонов',
  'Маматов',
  'Ташиев',
  'Эргешов',
  'Каримов',
  'Юсупов',
  'Рахимов',
  'Хасанов',
  'Исмаилов',
  'Кадыров',
  'Мамытов',
  'Султанов',
  'Токтосунов',
  'Бакиров',
  'Усенов',
  'Орозбеков',
  'Шаршенов',
  'Турдубаев',
  'Абдыкадыров',
  'Ибраимов',
  'Жээнбеков',
  'Мурзаев',
  'Назаров',
  'Чотонов',
  'Дүйшөнов',
];
const DISTRICTS = [
  'KG-O-ARAVAN',
  'KG-O-UZGEN',
  'KG-O-KARA-SUU',
  'KG-O-NOOKAT',
  'KG-J-SUZAK',
  'KG-J-BAZAR-KORGON',
  'KG-B-KADAMJAY',
  'KG-B-BATKEN',
];

// Transliteration systems in use on Kyrgyz, Russian and Uzbek documents and keyboards.
// prettier-ignore
const BASE: Record<string, string> = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ң: 'ng', ө: 'o', ү: 'u' };
const SYSTEMS: Record<string, string>[] = [
  BASE, // BGN/PCGN
  { ...BASE, й: 'i', ю: 'iu', я: 'ia', ң: 'n' }, // ICAO 9303
  { ...BASE, ж: 'j', ы: 'i', ң: 'n' }, // Kyrgyz passports
  { ...BASE, ж: 'dsch', ш: 'sch', ч: 'tsch', х: 'ch', й: 'j', ю: 'ju', я: 'ja', ё: 'jo', ө: 'ö', ү: 'ü' }, // German
  { ...BASE, х: 'x', ж: 'j', ы: 'i', ң: 'n' }, // Uzbek Latin
  { ...BASE, ш: 'ş', ч: 'ç', ж: 'j', ы: 'ı', ө: 'ö', ү: 'ü', ң: 'ñ' }, // Turkish keyboard
];
// Look-alikes a Russian keyboard types for a passport series.
const LOOKALIKE: Record<string, string> = { A: 'А', C: 'С', N: 'Н', K: 'К', T: 'Т' };

/** Builds the labelled set for a seed. */
export function generateLabelled(
  seed: number,
  counts: { base: number; variants: number; relatives: number },
  /** The day estimated ages are given on (the match records estimates as of today). */
  asOf: string,
  /** Full names ("given family") already in the database, never generated again by accident. */
  avoid: readonly string[] = [],
): LabelledSet {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const chance = (p: number) => r() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const date = (year: number) =>
    `${year}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const feminine = (family: string) => (family.endsWith('в') ? `${family}а` : family);
  const translit = (text: string, system: Record<string, string>) =>
    [...text]
      .map((c) => {
        const lower = c.toLowerCase();
        const t = system[lower];
        if (t === undefined) return c;
        return c === lower || t.length === 0 ? t : t[0]!.toUpperCase() + t.slice(1);
      })
      .join('');
  const typo = (word: string): string => {
    const i = int(2, word.length - 3);
    const op = r();
    if (op < 0.4) return word.slice(0, i) + word.slice(i + 1);
    if (op < 0.7) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    return word.slice(0, i) + word[i] + word.slice(i);
  };
  const usedNames = new Set<string>(avoid);
  const phones = new Set<string>();
  const uniquePhone = () => {
    let p = '';
    do p = `+996${pick(['555', '700', '772', '550', '777'])}${String(int(100000, 999999))}`;
    while (phones.has(p));
    phones.add(p);
    return p;
  };
  const passport = () => `${pick(['AN', 'AC', 'ID'])}${String(int(1000000, 9999999))}`;

  const base: Registration[] = [];
  while (base.length < counts.base) {
    const sex = chance(0.5) ? 'male' : 'female';
    const given = pick(sex === 'male' ? MALE : FEMALE);
    const family = sex === 'male' ? pick(FAMILY) : feminine(pick(FAMILY));
    if (usedNames.has(`${given} ${family}`)) continue;
    usedNames.add(`${given} ${family}`);
    const district = pick(DISTRICTS);
    base.push({
      givenName: given,
      familyName: family,
      ...(chance(0.3) ? { patronymic: `${pick(MALE)}${sex === 'male' ? 'ович' : 'овна'}` } : {}),
      sex,
      birthDate: date(int(1960, 2004)),
      ...(chance(0.6) ? { phone: uniquePhone() } : {}),
      originRegion: district.slice(0, 4),
      originDistrict: district,
      documentsHeld: chance(0.4) ? [{ type: 'passport', number: passport() }] : [],
    });
  }

  // Whole years from the date of birth to `asOf`.
  const ageToday = (birthDate: string) =>
    Number(asOf.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (asOf.slice(5) < birthDate.slice(5) ? 1 : 0);
  const variants: [number, Registration][] = [];
  for (let i = 0; i < counts.variants; i++) {
    const b = base[i]!;
    const v: Registration = { ...b, documentsHeld: [] };
    const system = chance(0.75) ? pick(SYSTEMS) : null;
    if (system)
      Object.assign(v, {
        givenName: translit(b.givenName, system),
        familyName: translit(b.familyName, system),
      });
    if (chance(0.25)) Object.assign(v, { givenName: v.familyName, familyName: v.givenName });
    else if (chance(0.3)) v.familyName = typo(v.familyName);
    if (b.patronymic && chance(0.6)) delete v.patronymic;
    if (chance(0.4)) {
      delete v.birthDate;
      v.estimatedAge = ageToday(b.birthDate!) + int(-2, 1);
    }
    if (b.phone && chance(0.3)) delete v.phone;
    const held = b.documentsHeld[0];
    if (held && chance(0.7)) {
      const number = chance(0.5)
        ? held.number.replace(/^[A-Z]{2}/, (s) => [...s].map((c) => LOOKALIKE[c] ?? c).join('') + ' ')
        : held.number;
      v.documentsHeld = [{ type: 'passport', number }];
    }
    const place = r();
    if (place < 0.3) delete v.originDistrict;
    else if (place < 0.4) Object.assign(v, { originDistrict: undefined, originRegion: undefined });
    variants.push([i, v]);
  }

  // Siblings: same family name, district and often the family phone; another given name, other years.
  const relatives: [number, Registration][] = [];
  for (let k = 0; k < counts.relatives; k++) {
    const i = (k * 7) % counts.base;
    const b = base[i]!;
    const sex = chance(0.5) ? 'male' : 'female';
    const family =
      sex === b.sex
        ? b.familyName
        : sex === 'female'
          ? feminine(b.familyName)
          : b.familyName.replace(/а$/, '');
    // A sibling's name is nobody else's in the set: two unrelated namesakes would be a coin toss.
    const givens = (sex === 'male' ? MALE : FEMALE).filter((g) => !usedNames.has(`${g} ${family}`));
    const born = Number(b.birthDate!.slice(0, 4));
    const gap = int(2, 12);
    const year = born + gap > 2008 ? born - gap : born + pick([-1, 1]) * gap;
    const namesake = chance(0.2) || givens.length === 0;
    const given = namesake ? b.givenName : pick(givens);
    usedNames.add(`${given} ${family}`);
    relatives.push([
      i,
      {
        givenName: given,
        familyName: namesake ? b.familyName : family,
        sex: namesake ? b.sex : sex,
        // A namesake is of another generation: a father or a son named after him.
        birthDate: date(namesake ? (born > 1983 ? born - 25 : born + 25) : year),
        ...(b.phone && chance(0.4) ? { phone: b.phone } : {}),
        originRegion: b.originRegion,
        originDistrict: b.originDistrict,
        documentsHeld: [],
      },
    ]);
  }
  return { base, variants, relatives };
}
