import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/errors';
import { useCurrentSession } from '../../app/sessionContext';
import { nominationQuery } from './api';
import { refusalText } from './labels';
import { describeRefusal, type Attempt } from './rules';

export type Failure = {
  text: string;
  /** The request is decided or gone: trying again cannot succeed. */
  final: boolean;
};

/**
 * Turns a failed request about a nomination into a sentence: a refusal (403, 404, 409) is
 * explained from the request as it is now, read again; anything else reads as usual.
 */
export function useExplainFailure() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { user } = useCurrentSession();
  return useCallback(
    async (error: unknown, attempt: Attempt, id?: number): Promise<Failure> => {
      const latest =
        id === undefined ? null : await client.fetchQuery(nominationQuery(id)).catch(() => null);
      const refusal = describeRefusal(error, attempt, user, latest);
      if (!refusal) return { text: errorMessage(t, error), final: false };
      const final =
        refusal.key === 'nomination.refused.decided' || refusal.key === 'nomination.refused.gone';
      return { text: refusalText(t, refusal), final };
    },
    [client, t, user],
  );
}
