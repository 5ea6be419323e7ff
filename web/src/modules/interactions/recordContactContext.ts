import { createContext, useContext } from 'react';
import type { Interaction } from '../../api/types';
import type { CustomerRef } from './RecordContactModal';

/** What the dialog opens on: a new record (for a customer, if known) or a record to change. */
export type RecordContactRequest = { customer?: CustomerRef; interaction?: Interaction };

export const RecordContactContext = createContext<(request?: RecordContactRequest) => void>(
  () => {},
);

/** Opens the one "record a contact" dialog of the console (RecordContactProvider). */
export function useRecordContact(): (request?: RecordContactRequest) => void {
  return useContext(RecordContactContext);
}
