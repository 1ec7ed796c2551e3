/**
 * KGS amounts typed by people, in their own language's format ("150 000,50" in ru and ky,
 * "150,000.50" in en), turned into the API's canonical text ("150000.50") — and back for display.
 * Strings all the way: no float ever stands between what was typed and the tyiyn stored.
 */

/** The most digits before the decimal mark (keeps tyiyn a safe integer with room to spare). */
const MAX_WHOLE_DIGITS = 12;

/** Patterns by locale: groups of three (any space in ru/ky, comma in en) or none, then ≤ 2 decimals. */
const PATTERNS: Record<'en' | 'other', RegExp> = {
  en: /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/,
  other: /^(\d{1,3}(?:\s\d{3})+|\d+)(?:[.,](\d{1,2}))?$/,
};

/**
 * Canonical KGS text ("1500.50") from what a person typed in `locale`, or null when it is not an
 * amount (negative, letters, three decimals, an en-style comma in ru, too large…).
 */
export function parseKgsInput(text: string, locale: string): string | null {
  const m = PATTERNS[locale === 'en' ? 'en' : 'other'].exec(text.trim());
  if (!m) return null;
  const whole = m[1]!.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  if (whole.length > MAX_WHOLE_DIGITS) return null;
  return `${whole}.${(m[2] ?? '').padEnd(2, '0')}`;
}

function decimalMark(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/** An API amount as an editable value: no grouping, the locale's decimal mark ("150000,00"). */
export function kgsToInput(kgs: string, locale: string): string {
  return kgs.replace('.', decimalMark(locale));
}

/** An API amount for reading, grouped by the locale ("150 000,00"), without the currency. */
export function formatKgs(kgs: string, locale: string): string {
  const [whole = '0', fraction = '00'] = kgs.split('.');
  // Grouping the whole part through BigInt keeps every digit exact, however large.
  const grouped = new Intl.NumberFormat(locale).format(BigInt(whole));
  return `${grouped}${decimalMark(locale)}${fraction.padEnd(2, '0').slice(0, 2)}`;
}
