import { z } from 'zod';
import { kgsAmountSchema } from '../../domain/money.ts';

/**
 * An amount as the API returns it: exact integer tyiyn to compute with, and the canonical KGS
 * text ("1500.50") that the API accepts back, so a client never has to divide by 100 itself.
 */
export const moneyOut = z.object({ tyiyn: z.int(), kgs: z.string() });

/** An amount in the API's output shape. */
export type Money = z.infer<typeof moneyOut>;

/**
 * Presents tyiyn as `moneyOut`. A negative amount keeps its sign: a remaining budget goes below
 * zero when a supervisor approved over the ceiling, and hiding that would mislead.
 */
export function money(tyiyn: number): Money {
  const sign = tyiyn < 0 ? '-' : '';
  const exact = BigInt(Math.abs(tyiyn));
  return { tyiyn, kgs: `${sign}${exact / 100n}.${String(exact % 100n).padStart(2, '0')}` };
}

/** A money field that may be absent in storage. */
export const maybeMoney = (tyiyn: number | null | undefined): Money | null =>
  tyiyn == null ? null : money(tyiyn);

/** A KGS price in a request that must be above zero: a price of nothing is a typing mistake. */
export const positiveKgs = kgsAmountSchema.refine((tyiyn) => tyiyn > 0, 'The amount must be more than zero');
