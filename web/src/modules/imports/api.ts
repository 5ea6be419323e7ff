import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client';
import type { ImportKind, ImportRun, ImportStatus, Page } from '../../api/types';
import { importFileName, isActive } from './formats';

const IMPORTS_KEY = ['imports'] as const;

/** How often a run that has not ended is read again. */
export const POLL_MS = 1000;

/** One page of import runs, newest first; read again every second while one listed runs. */
export function useImportRunPage(
  kind: ImportKind | undefined,
  status: ImportStatus | undefined,
  limit: number,
  cursor: string | null,
) {
  return useQuery({
    queryKey: [...IMPORTS_KEY, 'page', kind, status, limit, cursor],
    queryFn: ({ signal }) =>
      request<Page<ImportRun>>('GET', '/imports', {
        query: { kind, status, limit, cursor },
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => isActive(run.status)) ? POLL_MS : false,
  });
}

function runKey(id: number) {
  return [...IMPORTS_KEY, 'one', id] as const;
}

/**
 * One run with its first 1,000 rejected rows, read again every second until it has ended;
 * when it ends the lists are read again.
 */
export function useImportRun(id: number | null) {
  return useQuery({
    queryKey: runKey(id ?? 0),
    queryFn: ({ signal }) => request<ImportRun>('GET', `/imports/${id}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => {
      const run = query.state.data;
      return run && isActive(run.status) ? POLL_MS : false;
    },
  });
}

export type StartImport = { kind: ImportKind; file: File };

/**
 * Sends a CSV file to be imported in the background (`Prefer: respond-async`): resolves with
 * the queued run (202). The form shows every refusal in place.
 */
export function useStartImport() {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: ({ kind, file }: StartImport) =>
      request<ImportRun>('POST', `/${kind}/import`, {
        query: { file_name: importFileName(file.name) },
        content: { type: 'text/csv', data: file },
        prefer: 'respond-async',
      }),
    onSuccess: (run) => {
      client.setQueryData(runKey(run.id), run);
      void client.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'page'] });
    },
  });
}

/** Asks a run to stop (a queued one is cancelled at once); the caller shows a refusal. */
export function useCancelImport(id: number) {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: () => request<ImportRun>('POST', `/imports/${id}/cancel`),
    onSuccess: (run) => client.setQueryData(runKey(id), run),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: runKey(id) });
      void client.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'page'] });
    },
  });
}
