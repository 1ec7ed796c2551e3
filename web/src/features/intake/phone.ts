/**
 * Phone numbers as people say them ("0555 12 34 56", "996 555…", "00 7 916…") turned into the
 * E.164 form the API stores, so an operator can type a number the way the caller reads it out.
 */

/** E.164: a plus, a country code not starting with 0, 7 to 15 digits in all. */
export function isE164(value: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(value);
}

/** Best-effort normalisation to E.164; Kyrgyz local forms get +996. Unknown shapes are returned cleaned. */
export function normalizePhone(input: string): string {
  let s = input.trim().replace(/[\s\-().]/g, '');
  if (s === '') return '';
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (s.startsWith('+')) return s;
  if (/^0\d{9}$/.test(s)) return `+996${s.slice(1)}`;
  if (/^\d{9}$/.test(s)) return `+996${s}`;
  if (/^996\d{9}$/.test(s)) return `+${s}`;
  return s;
}
