import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import type { Preferences } from '../../api/types';
import { fetchPreferences, savePreferences } from './api';

export const PREFERENCES_KEY = ['preferences'] as const;

export type PreferencesUpdate = (current: Preferences) => Preferences;

/**
 * The signed-in user's preferences (language, column settings). `preferences` stays
 * undefined when the server does not offer them; the console then keeps choices for the
 * current page view only.
 */
export function usePreferences() {
  const query = useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: fetchPreferences,
    staleTime: Infinity,
    retry: false,
  });
  return { ...query, preferences: query.data };
}

/**
 * Applies an update to the stored preferences. When someone else saved in between (412),
 * it reads them again and applies the same update once more.
 */
export function useUpdatePreferences() {
  const client = useQueryClient();
  return useMutation({
    meta: { quiet: true },
    mutationFn: async (update: PreferencesUpdate) => {
      const current = client.getQueryData<Preferences>(PREFERENCES_KEY);
      if (!current) return undefined;
      try {
        return await savePreferences(update(current));
      } catch (e) {
        if (!isApiError(e) || !e.isStaleVersion) throw e;
        const fresh = await client.fetchQuery({
          queryKey: PREFERENCES_KEY,
          queryFn: fetchPreferences,
          staleTime: 0,
        });
        return savePreferences(update(fresh));
      }
    },
    onSuccess: (saved) => {
      if (saved) client.setQueryData(PREFERENCES_KEY, saved);
    },
  });
}
