import type { VisitPlan } from '../../api/types';
import type { VisitDialog } from './dialogs';
import { VisitPlanCard } from './VisitPlanCard';

type Props = {
  plans: readonly VisitPlan[];
  onOpen: (dialog: VisitDialog) => void;
  /** Plans of several days (missed ones, a customer's) show their day. */
  showDay?: boolean;
  /** Plans of several people (a customer's) name the visitor when it is not the user. */
  showOwner?: boolean;
};

/** Visit plans one under the other, as My day and the dossier list them. */
export function VisitItems({ plans, onOpen, showDay, showOwner }: Props) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {plans.map((p) => (
        <VisitPlanCard
          key={p.id}
          plan={p}
          onOpen={onOpen}
          showDay={showDay}
          showOwner={showOwner}
        />
      ))}
    </div>
  );
}
