import type { Contract, ContractEnding } from '../api/types';

/** A contract as GET /customers/{id}/contracts answers it: active, of customer 3, for 2026. */
export function makeContract(fields: Partial<Contract> & Pick<Contract, 'id'>): Contract {
  return {
    customer_id: 3,
    version: 1,
    number: `HT-2026-${String(fields.id).padStart(3, '0')}`,
    title: '年度供电服务合同',
    status: 'active',
    signed_on: '2025-12-20',
    starts_on: '2026-01-01',
    ends_on: '2026-12-31',
    amount_fen: 120_000_000,
    terminated_on: null,
    termination_reason: '',
    notes: '',
    created_by: 5,
    created_at: '2025-12-20T02:00:00Z',
    updated_at: '2025-12-20T02:00:00Z',
    ...fields,
  };
}

/** One of My day's contracts ending. */
export function makeEnding(
  fields: Partial<ContractEnding> & Pick<ContractEnding, 'contract_id'>,
): ContractEnding {
  return {
    number: `HT-2026-${String(fields.contract_id).padStart(3, '0')}`,
    title: '年度供电服务合同',
    customer_id: 3,
    customer_name: '上海电力设备有限公司',
    ends_on: '2026-12-04',
    in_days: 10,
    ...fields,
  };
}
