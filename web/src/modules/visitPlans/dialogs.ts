import type { VisitPlan } from '../../api/types';
import type { KnownUser } from '../interactions/RecordFields';
import type { CustomerRef } from '../interactions/RecordContactModal';

/** Which visit-plan dialog is open, and on what. */
export type VisitDialog =
  | { kind: 'plan'; customer?: CustomerRef; day?: string; owner?: KnownUser }
  | { kind: 'edit'; plan: VisitPlan; reschedule?: boolean }
  | { kind: 'complete'; plan: VisitPlan }
  | { kind: 'cancel'; plan: VisitPlan };
