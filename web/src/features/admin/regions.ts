/**
 * The shipped administrative divisions (GET /regions), for naming places in the current language
 * and for the area pickers of the service directory. They change with a release, never in use.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Locale } from '../../api/types.ts';

/** Names of a place in the three UI languages. */
export type PlaceNames = Record<Locale, string>;

/** An oblast or a city of republican significance. */
export interface RegionRef {
  iso: string;
  type: string;
  names: PlaceNames;
}

/** A district (rayon) within a region. */
export interface DistrictRef {
  code: string;
  regionIso: string;
  names: PlaceNames;
}

/** GET /regions. */
export interface RegionsResponse {
  regions: RegionRef[];
  districts: DistrictRef[];
}

/** The reference list, fetched once per session. */
export function useRegions() {
  return useQuery({
    queryKey: ['adminPartner', 'regions'],
    queryFn: ({ signal }) => api.get<RegionsResponse>('/regions', { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

/** Code → display name in `locale`; a district is shown with its region ("Osh › Kara-Suu"). */
export function placeNamer(data: RegionsResponse | undefined, locale: string): (code: string) => string {
  const lng: Locale = locale === 'ru' || locale === 'ky' ? locale : 'en';
  const regions = new Map((data?.regions ?? []).map((r) => [r.iso, r.names[lng]]));
  const districts = new Map((data?.districts ?? []).map((d) => [d.code, d]));
  return (code) => {
    const region = regions.get(code);
    if (region) return region;
    const district = districts.get(code);
    if (!district) return code;
    const parent = regions.get(district.regionIso);
    return parent ? `${parent} › ${district.names[lng]}` : district.names[lng];
  };
}

/** True when `code` is a region or district of the list (what the server accepts). */
export function isKnownPlace(data: RegionsResponse | undefined, code: string): boolean {
  if (!data) return true; // not loaded yet: let the server judge
  return data.regions.some((r) => r.iso === code) || data.districts.some((d) => d.code === code);
}
