/**
 * The directory of services, the assistance catalogue and the budget ceilings, as the admin
 * screens read and change them. Shapes mirror src/modules/services/schema.ts and
 * src/modules/catalogue/schema.ts; every change sends the version that was read (409 when stale).
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { queryClient } from '../../api/queryClient.ts';
import type { Page } from '../../api/types.ts';
import type { CaseType, ServiceKind } from '../cases/codes.ts';

/** Money as the API returns it: exact tyiyn, and the canonical KGS text the API accepts back. */
export interface Money {
  tyiyn: number;
  kgs: string;
}

/** One service of the directory. */
export interface Service {
  id: string;
  organisationId: string;
  organisationName: string;
  kind: ServiceKind;
  name: string;
  description: string | null;
  regionCodes: string[];
  phone: string | null;
  email: string | null;
  address: string | null;
  active: boolean;
  version: number;
}

/** Body of POST /services. */
export interface ServiceCreate {
  organisationId: string;
  kind: ServiceKind;
  name: string;
  description?: string;
  regionCodes: string[];
  phone?: string;
  email?: string;
  address?: string;
  active: boolean;
}

/** Body of PATCH /services/:id (optional text cleared with null). */
export interface ServiceUpdate {
  organisationId: string;
  kind: ServiceKind;
  name: string;
  description: string | null;
  regionCodes: string[];
  phone: string | null;
  email: string | null;
  address: string | null;
  active: boolean;
  version: number;
}

/** Filters of the directory list (all optional). */
export interface ServiceFilters {
  kind: ServiceKind | '';
  region: string;
  q: string;
  active: '' | 'true' | 'false';
}

/** An item of the assistance catalogue. */
export interface CatalogueItem {
  code: string;
  names: { en: string; ru: string; ky: string };
  unit: string;
  defaultUnitCost: Money | null;
  active: boolean;
  version: number;
  updatedAt: string;
}

/** Body of POST /catalogue. */
export interface CatalogueCreate {
  code: string;
  names: { en: string; ru: string; ky: string };
  unit: string;
  defaultUnitCost?: string;
}

/** Body of PATCH /catalogue/:code. */
export interface CatalogueUpdate {
  names: { en: string; ru: string; ky: string };
  unit: string;
  defaultUnitCost: string | null;
  active: boolean;
  version: number;
}

/** The budget ceiling of one case type. */
export interface Ceiling {
  caseType: CaseType;
  amount: Money;
  version: number;
  updatedAt: string;
}

// Own key prefixes, so no other screen's cache shape can collide with these.
const keys = {
  services: ['adminServices'] as const,
  catalogue: ['adminCatalogue'] as const,
  ceilings: ['adminCeilings'] as const,
};

/** Rows per page of the directory. */
export const SERVICES_PAGE_SIZE = 50;

/** GET /services with filters, a page at a time; the previous rows stay while a new filter loads. */
export function useServicesPages(filters: ServiceFilters) {
  return useInfiniteQuery({
    queryKey: [...keys.services, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Service>>('/services', {
        query: { limit: SERVICES_PAGE_SIZE, cursor: pageParam, ...filters },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** GET /services/:id: the latest version, after a 409. */
export async function fetchService(id: string): Promise<Service> {
  return (await api.get<{ service: Service }>(`/services/${encodeURIComponent(id)}`)).service;
}

/** POST /services, or PATCH /services/:id with the version read. */
export function useSaveService() {
  return useMutation({
    mutationFn: (input: { id: string; body: ServiceUpdate } | { id?: undefined; body: ServiceCreate }) =>
      input.id
        ? api.patch<{ service: Service }>(`/services/${encodeURIComponent(input.id)}`, input.body)
        : api.post<{ service: Service }>('/services', input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.services }),
  });
}

/** GET /catalogue: every item, active or retired (the list is short). */
export function useCatalogue() {
  return useQuery({
    queryKey: keys.catalogue,
    queryFn: ({ signal }) => api.get<{ items: CatalogueItem[] }>('/catalogue', { signal }),
  });
}

/** The latest version of one catalogue item (there is no GET by code), after a 409. */
export async function fetchCatalogueItem(code: string): Promise<CatalogueItem | undefined> {
  const { items } = await api.get<{ items: CatalogueItem[] }>('/catalogue');
  queryClient.setQueryData(keys.catalogue, { items });
  return items.find((i) => i.code === code);
}

/** POST /catalogue, or PATCH /catalogue/:code with the version read. */
export function useSaveCatalogueItem() {
  return useMutation({
    mutationFn: (
      input: { code: string; body: CatalogueUpdate } | { code?: undefined; body: CatalogueCreate },
    ) =>
      input.code
        ? api.patch<{ item: CatalogueItem }>(`/catalogue/${encodeURIComponent(input.code)}`, input.body)
        : api.post<{ item: CatalogueItem }>('/catalogue', input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.catalogue }),
  });
}

/** GET /catalogue/ceilings. */
export function useCeilings() {
  return useQuery({
    queryKey: keys.ceilings,
    queryFn: ({ signal }) => api.get<{ items: Ceiling[] }>('/catalogue/ceilings', { signal }),
  });
}

/** The latest ceilings (after a 409); refreshes the cached list too. */
export async function fetchCeiling(caseType: CaseType): Promise<Ceiling | undefined> {
  const { items } = await api.get<{ items: Ceiling[] }>('/catalogue/ceilings');
  queryClient.setQueryData(keys.ceilings, { items });
  return items.find((c) => c.caseType === caseType);
}

/** PUT /catalogue/ceilings/:caseType with the amount in canonical KGS and the version read. */
export function useSaveCeiling() {
  return useMutation({
    mutationFn: (input: { caseType: CaseType; amount: string; version: number }) =>
      api.put<{ ceiling: Ceiling }>(`/catalogue/ceilings/${encodeURIComponent(input.caseType)}`, {
        amount: input.amount,
        version: input.version,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.ceilings }),
  });
}
