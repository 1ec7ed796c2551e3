/** React Query hooks of the reports screen: the case counts and the region boundaries. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { CaseReport, RegionCollection } from './report.ts';

/** What the counts are filtered by; everything is kept in the address. */
export interface ReportFilter {
  from?: string;
  to?: string;
  officeId?: string;
}

/** GET /reports/cases?by=… for the filter. */
export function useCaseReport(by: CaseReport['by'], filter: ReportFilter) {
  return useQuery({
    queryKey: ['reports', 'cases', by, filter.from ?? '', filter.to ?? '', filter.officeId ?? ''],
    queryFn: ({ signal }) =>
      api.get<CaseReport>('/reports/cases', {
        query: { by, from: filter.from, to: filter.to, officeId: filter.officeId },
        signal,
      }),
  });
}

/** GET /regions.geojson: fetched on the first visit only, so it stays out of the first load. */
export function useRegionShapes() {
  return useQuery({
    queryKey: ['reference', 'regions.geojson'],
    queryFn: ({ signal }) => api.get<RegionCollection>('/regions.geojson', { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
