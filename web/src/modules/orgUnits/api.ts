import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client';
import type { OrgUnit, OrgUnitCreate, OrgUnitPatch, Page } from '../../api/types';

export const ORG_UNITS_KEY = ['org-units'] as const;
export const ORG_UNIT_KINDS = ['company', 'region', 'city', 'branch', 'department'] as const;

/** Every org unit (the list is small and unpaged); everyone may read it. */
export const orgUnitsQuery = queryOptions({
  queryKey: ORG_UNITS_KEY,
  queryFn: () => request<Page<OrgUnit>>('GET', '/org-units').then((page) => page.items),
  staleTime: 5 * 60_000,
});

export function useOrgUnits() {
  return useQuery(orgUnitsQuery);
}

export function useSaveOrgUnit() {
  const client = useQueryClient();
  return useMutation({
    meta: { fieldsHandled: true },
    mutationFn: ({ unit, values }: { unit?: OrgUnit; values: OrgUnitCreate | OrgUnitPatch }) =>
      unit
        ? request<OrgUnit>('PATCH', `/org-units/${unit.id}`, {
            body: values,
            ifMatch: unit.version,
          })
        : request<OrgUnit>('POST', '/org-units', { body: values }),
    onSettled: () => client.invalidateQueries({ queryKey: ORG_UNITS_KEY }),
  });
}

export function useDeleteOrgUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (unit: OrgUnit) =>
      request<undefined>('DELETE', `/org-units/${unit.id}`, { ifMatch: unit.version }),
    onSettled: () => client.invalidateQueries({ queryKey: ORG_UNITS_KEY }),
  });
}
