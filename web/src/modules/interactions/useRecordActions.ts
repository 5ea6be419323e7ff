import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { Interaction, MyDay } from '../../api/types';
import { errorMessage } from '../../app/errors';
import { notifyError } from '../../app/notifier';
import { useDeleteInteraction, useUpdateInteraction } from './api';

/**
 * Completing a next step, closing a request and deleting a record, each confirmed in a
 * message or refused in a notification (a 412 says the list was read again). What is done
 * leaves My day at once.
 */
export function useRecordActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const update = useUpdateInteraction();
  const remove = useDeleteInteraction();

  const fail = (e: unknown) =>
    notifyError(
      t('interaction.actionFailed'),
      isApiError(e) && e.isStaleVersion ? t('interaction.staleList') : errorMessage(t, e),
    );
  const dropFromMyDay = (pick: (day: MyDay) => Partial<MyDay>) =>
    client.setQueryData<MyDay>(['myDay'], (day) => day && { ...day, ...pick(day) });

  return {
    /** The record an action is under way on, if any. */
    busyId: update.isPending
      ? update.variables.interaction.id
      : remove.isPending
        ? remove.variables.id
        : null,
    complete: async (i: Interaction) => {
      try {
        await update.mutateAsync({ interaction: i, patch: { next_step_done: true } });
        dropFromMyDay((day) => ({ next_steps: day.next_steps.filter((s) => s.id !== i.id) }));
        void message.success(t('interaction.doneMessage', { step: i.next_step }));
      } catch (e) {
        fail(e);
      }
    },
    close: async (i: Interaction) => {
      try {
        await update.mutateAsync({ interaction: i, patch: { request_closed: true } });
        dropFromMyDay((day) => ({ open_requests: day.open_requests.filter((r) => r.id !== i.id) }));
        void message.success(t('interaction.closed'));
      } catch (e) {
        fail(e);
      }
    },
    remove: async (i: Interaction) => {
      try {
        await remove.mutateAsync(i);
        void message.success(t('interaction.deleted'));
      } catch (e) {
        fail(e);
      }
    },
  };
}
