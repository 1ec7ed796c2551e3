import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum profile). */
export const hashPassword = (password: string): Promise<string> => hash(password);

/** Checks a password against its stored Argon2id hash. */
export const verifyPassword = (stored: string, password: string): Promise<boolean> =>
  verify(stored, password).catch(() => false);

// Verified against when the user does not exist, so that timing does not reveal usernames.
let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real verification. */
export async function verifyAgainstNothing(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
}

/** A random secret (session token, CSRF token, API token body). */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** A password that a person can type from a printed sheet: 4 groups of 5 letters and digits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** High-entropy tokens need no slow hash: SHA-256 is enough and allows lookup by hash. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
