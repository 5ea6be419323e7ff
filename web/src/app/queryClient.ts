import { MutationCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/client';
import i18n from '../i18n';
import { errorMessage } from './errors';
import { notifyError } from './notifier';

declare module '@tanstack/react-query' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface Register {
    mutationMeta: {
      /** Never notify: the caller deals with every error itself. */
      quiet?: boolean;
      /** The form shows the server's field problems next to the fields; notify only the rest. */
      fieldsHandled?: boolean;
      /** The caller handles a stale version (412) in place, e.g. by offering to reload. */
      staleHandled?: boolean;
    };
  }
}

function shouldRetry(failures: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failures < 2;
}

// The app's one query client. Every failed change is reported the same way, unless the
// caller shows it in place.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      const meta = mutation.meta ?? {};
      if (meta.quiet) return;
      if (isApiError(error) && error.status === 401) return;
      if (isApiError(error)) {
        if (meta.fieldsHandled && error.hasFieldProblems) return;
        if (meta.staleHandled && error.isStaleVersion) return;
      }
      notifyError(i18n.t('errors.saveFailed'), errorMessage(i18n.t, error));
    },
  }),
});
