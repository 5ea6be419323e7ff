import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { request } from '../../api/client';
import type {
  AccountTeamMember,
  AccountTeamMemberCreate,
  DefaultTeam,
  DefaultTeamPut,
  Page,
} from '../../api/types';

function teamKey(customerId: number) {
  return ['accountTeam', customerId] as const;
}

/** The customer's account team besides its owner (one answer: teams are small). */
export function useAccountTeam(customerId: number, enabled = true) {
  return useQuery({
    queryKey: teamKey(customerId),
    queryFn: ({ signal }) =>
      request<Page<AccountTeamMember>>('GET', `/customers/${customerId}/team`, { signal }).then(
        (p) => p.items,
      ),
    enabled,
  });
}

/** After a change: the team, and the dossier's history that records it. */
function invalidateTeam(client: QueryClient, customerId: number) {
  void client.invalidateQueries({ queryKey: teamKey(customerId) });
  void client.invalidateQueries({ queryKey: ['history', customerId] });
}

/** Adds a member; the dialog shows every refusal in place. */
export function useAddTeamMember(customerId: number) {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: (body: AccountTeamMemberCreate) =>
      request<AccountTeamMember>('POST', `/customers/${customerId}/team`, { body }),
    onSettled: () => invalidateTeam(client, customerId),
  });
}

/** Removes a member (no version: memberships are not edited, only added and removed). */
export function useRemoveTeamMember(customerId: number) {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: (userId: number) =>
      request<undefined>('DELETE', `/customers/${customerId}/team/${userId}`),
    onSettled: () => invalidateTeam(client, customerId),
  });
}

/**
 * Adds the owner's default team to the account team (skipping those already on it, the
 * owner and disabled users); resolves with the team as it is now.
 */
export function useApplyDefaultTeam(customerId: number) {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: () =>
      request<Page<AccountTeamMember>>('POST', `/customers/${customerId}/team/apply-default`).then(
        (p) => p.items,
      ),
    onSuccess: (team) => client.setQueryData(teamKey(customerId), team),
    onSettled: () => invalidateTeam(client, customerId),
  });
}

function defaultTeamKey(userId: number) {
  return ['defaultTeam', userId] as const;
}

/** A user's default account team (version 1 with no members until first set). */
export function useDefaultTeam(userId: number, enabled = true) {
  return useQuery({
    queryKey: defaultTeamKey(userId),
    queryFn: ({ signal }) =>
      request<DefaultTeam>('GET', `/users/${userId}/default-team`, { signal }),
    enabled,
  });
}

/** Replaces the members, based on the version read; the editor shows 412 and field problems. */
export function useSaveDefaultTeam(userId: number) {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: ({ version, body }: { version: number; body: DefaultTeamPut }) =>
      request<DefaultTeam>('PUT', `/users/${userId}/default-team`, { body, ifMatch: version }),
    onSuccess: (saved) => client.setQueryData(defaultTeamKey(userId), saved),
  });
}
