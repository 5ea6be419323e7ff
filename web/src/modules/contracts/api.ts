import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client';
import type { Contract, ContractCreate, ContractPatch, Page } from '../../api/types';

function contractsKey(customerId: number) {
  return ['contracts', customerId] as const;
}

function contractPath(customerId: number, contractId?: number) {
  const base = `/customers/${customerId}/contracts`;
  return contractId === undefined ? base : `${base}/${contractId}`;
}

/** A page of the customer's contracts (合同), latest start first. */
export function useContractPage(customerId: number, limit: number, cursor: string | null) {
  return useQuery({
    queryKey: [...contractsKey(customerId), { limit, cursor }],
    queryFn: ({ signal }) =>
      request<Page<Contract>>('GET', contractPath(customerId), {
        query: { limit, cursor },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The contract as stored now (to reload a form after a 412). */
export function fetchContract(customerId: number, contractId: number): Promise<Contract> {
  return request<Contract>('GET', contractPath(customerId, contractId));
}

/** The customer's contract pages and My day (its "contracts ending") are read again. */
function useRefresh(customerId: number) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: contractsKey(customerId) });
    void client.invalidateQueries({ queryKey: ['myDay'] });
  };
}

/**
 * Records a contract, or changes one (terminating included) based on the version read
 * (If-Match). Field problems (409 `number` taken too) and a 412 are shown by the form.
 */
export function useSaveContract(customerId: number) {
  const refresh = useRefresh(customerId);
  return useMutation({
    meta: { fieldsHandled: true, staleHandled: true },
    mutationFn: ({
      contract,
      body,
    }: {
      contract?: Contract;
      body: ContractCreate | ContractPatch;
    }) =>
      contract
        ? request<Contract>('PATCH', contractPath(customerId, contract.id), {
            body,
            ifMatch: contract.version,
          })
        : request<Contract>('POST', contractPath(customerId), { body }),
    onSettled: refresh,
  });
}

export function useDeleteContract(customerId: number) {
  const refresh = useRefresh(customerId);
  return useMutation({
    mutationFn: (contract: Contract) =>
      request<undefined>('DELETE', contractPath(customerId, contract.id), {
        ifMatch: contract.version,
      }),
    onSettled: refresh,
  });
}
