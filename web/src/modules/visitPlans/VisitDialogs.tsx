import { CancelVisitModal } from './CancelVisitModal';
import { CompleteVisitModal } from './CompleteVisitModal';
import type { VisitDialog } from './dialogs';
import { PlanVisitModal } from './PlanVisitModal';

/** The visit-plan dialog asked for, if any; pages hold which one in their state. */
export function VisitDialogs({
  dialog,
  onClose,
}: {
  dialog: VisitDialog | null;
  onClose: () => void;
}) {
  switch (dialog?.kind) {
    case undefined:
      return null;
    case 'plan':
      return (
        <PlanVisitModal
          customer={dialog.customer}
          day={dialog.day}
          owner={dialog.owner}
          onClose={onClose}
        />
      );
    case 'edit':
      return <PlanVisitModal plan={dialog.plan} reschedule={dialog.reschedule} onClose={onClose} />;
    case 'complete':
      return <CompleteVisitModal plan={dialog.plan} onClose={onClose} />;
    case 'cancel':
      return <CancelVisitModal plan={dialog.plan} onClose={onClose} />;
  }
}
