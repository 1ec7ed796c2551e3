/**
 * Cyrillic → Latin for Kyrgyz and Russian names, so that a name written in either script has one
 * Latin form to show and search. Close to the BGN/PCGN style used on Kyrgyz passports; the
 * matching of variant spellings is the name normaliser's job, not this one's.
 */
const MAP: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ң: 'ng',
  ө: 'o',
  ү: 'u',
  ә: 'a',
  ғ: 'gh',
  қ: 'q',
  һ: 'h',
  ў: 'o',
  ҳ: 'h',
  ҷ: 'j',
  і: 'i',
};

/** Transliterates Cyrillic letters (keeping capitals) and leaves every other character as it is. */
export function toLatin(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = MAP[lower];
    if (latin === undefined) {
      out += ch;
    } else if (ch !== lower && latin.length > 0) {
      out += latin[0]!.toUpperCase() + latin.slice(1);
    } else {
      out += latin;
    }
  }
  return out;
}
