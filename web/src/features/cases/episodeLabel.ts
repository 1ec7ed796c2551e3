/** How an episode is named in screening reasons and lists: where, and when. */
import { formatDate } from '../../i18n/format.ts';
import { countryName } from './labels.ts';
import type { Episode } from './types.ts';

/** "Russia, Saratov (10 Apr 2025 – 28 Jan 2026)"; parts that are unknown are left out. */
export function episodeLabel(e: Episode, locale: string): string {
  const place = [countryName(e.destinationCountry, locale), e.destinationCity].filter(Boolean).join(', ');
  const from = e.departedOn ? formatDate(e.departedOn, locale) : '';
  const to = e.returnedOn ? formatDate(e.returnedOn, locale) : '';
  const when = from || to ? ` (${from || '…'} – ${to || '…'})` : '';
  return `${place}${when}`;
}
