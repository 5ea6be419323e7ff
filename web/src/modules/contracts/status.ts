// What a contract's dates say today. `status` is stored (active or terminated); an active
// contract whose end date has passed has expired (已到期), which the server never stores.
import type { Contract, ContractStatus } from '../../api/types';

/** As shown: the stored status, with an active contract past its end date as `expired`. */
export type ContractState = ContractStatus | 'expired';

/** My day reminds of active contracts ending within this many days, today included. */
export const ENDS_SOON_DAYS = 30;

const DAY_MS = 86_400_000;

/** Calendar days from `from` to `to` (both YYYY-MM-DD): negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

type Dates = Pick<Contract, 'status' | 'ends_on'>;

export function contractState(c: Dates, today: string): ContractState {
  if (c.status === 'terminated') return 'terminated';
  return c.ends_on !== null && c.ends_on < today ? 'expired' : 'active';
}

/**
 * Days left of an active contract that ends within `ENDS_SOON_DAYS` (0: it ends today);
 * null for any other (open-ended, ending later, expired or terminated).
 */
export function endsInDays(c: Dates, today: string): number | null {
  if (contractState(c, today) !== 'active' || c.ends_on === null) return null;
  const days = daysBetween(today, c.ends_on);
  return days <= ENDS_SOON_DAYS ? days : null;
}
