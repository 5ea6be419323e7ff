import { PageContainer } from '@ant-design/pro-components';
import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Nomination } from '../api/types';
import { useNominationPages, type Decision } from '../modules/nominations/api';
import { DecisionButtons } from '../modules/nominations/DecisionButtons';
import { DecisionModal } from '../modules/nominations/DecisionModal';
import { NominationTable } from '../modules/nominations/NominationTable';

/** Requests waiting for my decision: who asks what and why, the figures, and the level. */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const pages = useNominationPages({ box: 'inbox' }, { poll: true });
  const [deciding, setDeciding] = useState<{ nomination: Nomination; decision: Decision } | null>(
    null,
  );

  return (
    <PageContainer
      title={t('menu.approvals')}
      content={<Typography.Text type="secondary">{t('nomination.inboxHint')}</Typography.Text>}
    >
      <Card>
        <NominationTable
          pages={pages}
          columns={['customer', 'proposal', 'reason', 'metrics', 'level']}
          actions={(n) => (
            <DecisionButtons
              nomination={n}
              onDecide={(nomination, decision) => setDeciding({ nomination, decision })}
            />
          )}
          empty={t('nomination.inboxEmpty')}
          data-testid="approvals"
        />
      </Card>
      {deciding && (
        <DecisionModal
          nomination={deciding.nomination}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
        />
      )}
    </PageContainer>
  );
}
