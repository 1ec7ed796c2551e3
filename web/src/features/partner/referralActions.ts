/** Pure helpers of the partner's referral answers, kept apart from React so they are unit-tested. */
import type { ReferralStatus } from '../cases/codes.ts';

/** A status an answer moves a referral to (never back to `sent`). */
export type AnswerStatus = Exclude<ReferralStatus, 'sent'>;

/**
 * The answers a referral in `status` can take, in the order the buttons appear. Mirrors the
 * server's table (sent → accepted | declined, accepted → completed); the server still checks it.
 */
export function nextActions(status: ReferralStatus): AnswerStatus[] {
  switch (status) {
    case 'sent':
      return ['accepted', 'declined'];
    case 'accepted':
      return ['completed'];
    default:
      return [];
  }
}

/** Longest note the server takes. */
export const NOTE_MAX = 2000;

/** Translation key of what is wrong with a note, or undefined when it can be sent. */
export function noteProblem(note: string): 'partner.noteTooLong' | undefined {
  return note.trim().length > NOTE_MAX ? 'partner.noteTooLong' : undefined;
}

/** The note to send: undefined when unchanged from the stored one (so an answer never rewrites it). */
export function noteToSend(note: string, stored: string | null): string | undefined {
  const trimmed = note.trim();
  return trimmed === (stored ?? '').trim() ? undefined : trimmed;
}

/** An age band as the API writes it ("27--29", "48+") in typographic form ("27–29"). */
export function ageBandLabel(band: string): string {
  return band.replace('--', '–');
}
