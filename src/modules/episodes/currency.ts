/**
 * Unpaid wages abroad are owed in roubles, tenge, won or lira: amounts arrive as KGS-like decimal
 * strings (parsed to hundredths by `kgsAmountSchema`) and are stored in the currency's own minor
 * units (ISO 4217 exponent: 2 for RUB, 0 for KRW, 3 for KWD), so no float ever touches them.
 */

// The runtime's ICU data carries the ISO 4217 exponents; no hand-kept table to go stale. Building a
// formatter is slow, and a handful of currencies recur, so each exponent is looked up once.
const exponents = new Map<string, number>();
const exponentOf = (currency: string): number => {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    exponents.set(currency, exponent);
  }
  return exponent;
};

/** Hundredths of a unit to minor units of `currency`; undefined when the currency has no room for the decimals given. */
export function toMinorUnits(hundredths: number, currency: string): number | undefined {
  const exponent = exponentOf(currency);
  if (exponent >= 2) {
    const minor = hundredths * 10 ** (exponent - 2);
    return Number.isSafeInteger(minor) ? minor : undefined;
  }
  const step = 10 ** (2 - exponent);
  return hundredths % step === 0 ? hundredths / step : undefined;
}

/** Minor units back to the decimal string the API accepts ("45000.00" RUB, "150000" KRW). */
export function formatMinorUnits(minor: number, currency: string): string {
  const exponent = exponentOf(currency);
  const digits = BigInt(minor)
    .toString()
    .padStart(exponent + 1, '0');
  return exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
