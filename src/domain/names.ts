/**
 * Name normalisation for finding the same person across offices. The hotline writes «Асанбай
 * Токтогулов», a Single Window Centre "Asanbai Toktogulov", a consulate "Asanbaj Toktogulov": each
 * is a faithful transliteration by some system (BGN/PCGN, ICAO, ISO 9, German, Uzbek Latin, Turkish
 * keyboards). `canonicalName` folds the systems into one Latin spelling, `nameTokens` drops what
 * comes and goes (patronymics, uulu/kyzy) and word order, and `phoneticKey` folds what even the
 * systems cannot decide (ы as y or i, ж/й/ё as j or y, voicing) for blocking and fuzzy matching.
 * Display transliteration stays in `transliterate.ts`; nothing here is meant to be shown.
 */

import { memoised } from './memo.ts';

// Cyrillic (Russian, Kyrgyz, Kazakh, Uzbek, Tajik letters) into the canonical Latin space. The
// targets are the forms the Latin rules below leave alone, so every script meets in one spelling:
// ы → i because Latin writers use y and i for it alike, ж → j as Kyrgyz and Uzbek passports do.
// prettier-ignore
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'yu', я: 'ya',
  ң: 'n', ө: 'o', ү: 'u', ә: 'a', ғ: 'g', қ: 'k', һ: 'h', ҳ: 'h', ў: 'o', ҷ: 'j', ұ: 'u',
  і: 'i', ї: 'i', є: 'e', ґ: 'g',
};

// Latin letters whose diacritic carries a sound the plain letter does not (č is ch, not c); other
// diacritics (ü, ö, é) are simply stripped afterwards.
// prettier-ignore
const LATIN_SPECIAL: Record<string, string> = {
  č: 'ch', ç: 'ch', š: 'sh', ş: 'sh', ž: 'zh', ğ: 'g', ǵ: 'g', ı: 'i', ŋ: 'n', ñ: 'n', ə: 'a',
  ä: 'a', ß: 's', ø: 'o', ł: 'l',
};

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.has(c);
const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);
const collapse = (s: string): string => s.replace(/(.)\1+/gu, '$1');

// Digraphs and single letters of the transliteration systems, most specific first. Doubles are
// collapsed before this runs, so "kkh" cannot leave a "kh" behind.
const LATIN_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/shch/g, 'sh'],
  [/tsch|tch|tsh|cz/g, 'ch'],
  [/sch/g, 'sh'],
  [/dzh|dj|zh/g, 'j'],
  [/kh|x/g, 'h'],
  [/gh/g, 'g'],
  [/ck|q/g, 'k'],
  [/w/g, 'v'],
  [/ph/g, 'f'],
  [/tz/g, 'ts'],
  [/c(?!h)/g, 'ts'],
  [/ng+/g, 'n'],
];

// Decides, letter by letter, whether i, y and j are vowels or glides: ай/ai/aj/ay all become "ay",
// я/ya/ia become "ya", ы written y becomes "i". Looks at the neighbours as written.
function glides(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const prev = s[i - 1];
    const next = s[i + 1];
    const nextIsBackVowel = next === 'a' || next === 'o' || next === 'u';
    if (c === 'j') {
      out += isVowel(prev) && !isVowel(next) && next !== 'y' ? 'y' : 'j';
    } else if (c === 'i') {
      if (nextIsBackVowel) out += i === 0 || isVowel(prev) ? 'y' : 'iy';
      else if (isVowel(prev) && !isVowel(next) && next !== 'y') out += 'y';
      else out += 'i';
    } else if (c === 'y') {
      out += isVowel(prev) || isVowel(next) ? 'y' : 'i';
    } else {
      out += c;
    }
  }
  return out;
}

// One pass of the folding; canonicalWord repeats it to a fixed point, because a pass can create
// what an earlier rule folds (ц+х gives "tsh", which is ч in German spelling).
function foldOnce(word: string): string {
  let s = '';
  const lower = word.normalize('NFKC').toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i]!;
    // дж is one sound (Djyldyz, Sirojiddin); taken as a pair before the letters are mapped.
    if (c === 'д' && lower[i + 1] === 'ж') {
      s += 'j';
      i++;
      continue;
    }
    s += CYRILLIC[c] ?? LATIN_SPECIAL[c] ?? c;
  }
  // Combining marks, and modifier letters used as apostrophes (Uzbek oʻ gʻ, ʼ), carry no sound here.
  s = s.normalize('NFD').replace(/[\p{M}\u02B0-\u02FF]/gu, '');
  s = [...s].filter(isLetter).join('');
  // ICAO writes final -ий as "ii" (Dmitrii); kept apart from doubles, which collapse.
  s = collapse(s.replace(/ii$/, 'iy'));
  for (const [pattern, replacement] of LATIN_RULES) s = s.replace(pattern, replacement);
  s = glides(collapse(s));
  // Russian е is "ye" after vowels and at the start in BGN/PCGN and plain "e" in ICAO.
  s = collapse(s.replace(/y+e/g, 'e'));
  // German-style ü and ö (Uesoenova); after the е rule, so Куев and Kuyev fold alike.
  s = collapse(s.replace(/ue/g, 'u').replace(/oe/g, 'o'));
  return s;
}

/** One word (no spaces) in canonical Latin; hyphens and apostrophes join its parts. */
const canonicalWord = memoised(foldFully);

function foldFully(word: string): string {
  let s = foldOnce(word);
  for (let i = 0; i < 4; i++) {
    const again = foldOnce(s);
    if (again === s) break;
    s = again;
  }
  return s;
}

const words = (text: string): string[] => text.split(/[\s,;/()[\]{}.]+/u).filter((w) => w.length > 0);

/**
 * The canonical Latin form of a name in any script, word order kept, to store and compare: the
 * common transliteration systems of Kyrgyz, Russian and Uzbek fold to one spelling.
 */
export function canonicalName(text: string): string {
  return words(text)
    .map((w) => canonicalWord(w.replace(/[-‐‑–—]/g, '')))
    .filter((w) => w.length > 0)
    .join(' ');
}

// uulu/kyzy (Kyrgyz), uly/qyzy (Kazakh), o'g'li/qizi (Uzbek), oglu (Turkic): "son/daughter of",
// in canonical spelling. They come and go between registrations of the same person.
const MARKERS = new Set(['ulu', 'uli', 'kizi', 'ogli', 'ugli', 'oglu']);
const MARKER_SUFFIX = /^(.{3,}?)(ulu|uli|kizi|ogli|ugli)$/;
// Russian-style patronymics (Асанбаевич, Токтогуловна), which many registrations leave out.
const PATRONYMIC_SUFFIX = /^(.{2,}?)(ovich|evich|ovna|evna|ichna)$/;

/** A name split into what identifies the person and what names their father. */
export interface ParsedName {
  /** The person's own name tokens and the father's name of an uulu/kyzy form, sorted. */
  tokens: readonly string[];
  /** The father's name from an "X uulu"/"X kyzy" form, canonical, or null. */
  father: string | null;
  /** The stem of a Russian-style patronymic (Асанбаевич → asanba), or null. */
  patronymic: string | null;
}

/**
 * Parses a full name so that matching can compare fathers: "Nurlan uulu Bakyt" and "Bakyt uulu
 * Nurlan" share their tokens but are son and father.
 */
export const parseName = memoised(parseFully);

function parseFully(text: string): ParsedName {
  const kept: string[] = [];
  let father: string | null = null;
  let patronymic: string | null = null;
  for (const word of words(text)) {
    // Split on hyphens only to find a marker ("Nurlan-uulu"); the other parts are joined again and
    // canonicalised as one word, exactly as canonicalName does.
    const own: string[] = [];
    for (const raw of word.split(/[-‐‑–—]/)) {
      const part = canonicalWord(raw);
      if (part.length === 0) continue;
      if (MARKERS.has(part)) {
        const before = own.length > 0 ? canonicalWord(own.join('')) : kept.at(-1);
        if (before !== undefined) father ??= before;
        continue;
      }
      const suffixed = MARKER_SUFFIX.exec(part);
      if (suffixed) {
        father ??= suffixed[1]!;
        kept.push(suffixed[1]!);
        continue;
      }
      const patronymicMatch = PATRONYMIC_SUFFIX.exec(part);
      if (patronymicMatch) {
        patronymic ??= nameStem(patronymicMatch[1]!);
        continue;
      }
      own.push(raw);
    }
    const joined = canonicalWord(own.join(''));
    if (joined.length > 0) kept.push(joined);
  }
  // Shared by every caller through the cache, so nobody may change it.
  return Object.freeze({ tokens: Object.freeze([...kept].sort()), father, patronymic });
}

/**
 * Canonical name tokens without patronymics or uulu/kyzy, sorted, so that "Нурлан уулу Бакыт"
 * and "Bakyt Nurlan uulu" give the same tokens whatever the word order.
 */
export function nameTokens(text: string): readonly string[] {
  return parseName(text).tokens;
}

/**
 * The stem a family name shares with the father's or grandfather's name it was made from
 * (Маматова, Маматов, Мамат → mamat; Асанбаев, Асанбай → asanba): Soviet-era surnames and
 * uulu/kyzy forms of one person differ by exactly this.
 */
export function nameStem(token: string): string {
  const canonical = canonicalName(token).replace(/ /g, '');
  const stripped = /^(.{3,}?)(ovich|evich|ovna|evna|ichna|ova|eva|ov|ev)$/.exec(canonical)?.[1] ?? canonical;
  return /[aeiou]y$/.test(stripped) ? stripped.slice(0, -1) : stripped;
}

// Sound classes of the key: voicing pairs fold (б/п/ф, д/т, г/к/қ, з/с/ц) since final devoicing
// and Uzbek/Kyrgyz habits swap them (Мурад/Мурат, Фатима/Патима); ч and ш fold (Kazakh ш for ч);
// ж, дж, й and the glide of я/ю/ё fold (Jokubov/Yokubov). Vowels keep three classes, so that
// Марат and Мурат stay apart while ө/у and ы/и/е do not.
// prettier-ignore
const KEY_CLASS: Record<string, string> = {
  a: 'A', o: 'U', u: 'U', e: 'I', i: 'I',
  b: 'P', p: 'P', f: 'P', v: 'V', d: 'T', t: 'T', g: 'K', k: 'K', z: 'S', s: 'S',
  h: 'H', j: 'J', y: 'J', l: 'L', m: 'M', n: 'N', r: 'R',
};

/**
 * A phonetic key of one name token in which near spellings collide (Жылдыз/Djildiz, Ёкубов/
 * Jokubov/Ekubov, Үмөт/Umut), for blocking candidates and as fuzzy evidence; never for display.
 */
export function phoneticKey(token: string): string {
  const s = canonicalName(token).replace(/ /g, '');
  const out: string[] = [];
  let i = 0;
  // A word-initial glide and its vowel are one sound whose vowel the systems disagree on
  // (Ё as yo/jo/e, Е as ye/e), so the key keeps only the glide.
  if (/^[yj][aeiou]/.test(s)) {
    out.push('J');
    i = 2;
  } else if (s.startsWith('e')) {
    out.push('J');
    i = 1;
  }
  for (; i < s.length; i++) {
    const c = s[i]!;
    const next = s[i + 1];
    if ((c === 'c' || c === 's') && next === 'h') {
      out.push('C');
      i++;
    } else if (c === 't' && next === 's') {
      out.push('S');
      i++;
    } else if (c === 'i' && (next === 'y' || (next === 'j' && isVowel(s[i + 2])))) {
      // "iy" is the same sound as a bare glide before a vowel (Mariya/Maryam) and as i at the end.
      if (i + 2 >= s.length) {
        out.push('I');
        i++;
      }
    } else {
      out.push(KEY_CLASS[c] ?? c);
    }
  }
  return collapse(out.join(''));
}
