import { EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Nomination } from '../api/types';
import { statusParam, useNominationPages } from '../modules/nominations/api';
import { DecisionModal } from '../modules/nominations/DecisionModal';
import { NominationTable } from '../modules/nominations/NominationTable';
import { RequestModal, type RequestMode } from '../modules/nominations/RequestModal';
import { StatusFilter } from '../modules/nominations/StatusFilter';

/** My requests: where each waits, withdraw while pending, change and resubmit once rejected. */
export default function MyNominationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = statusParam(params.get('status'));
  const pages = useNominationPages({ box: 'mine', status });
  const [withdrawing, setWithdrawing] = useState<Nomination | null>(null);
  const [editing, setEditing] = useState<RequestMode | null>(null);

  return (
    <PageContainer title={t('menu.myNominations')}>
      <Card>
        <div className="kams-toolbar" style={{ marginBottom: 16 }}>
          <StatusFilter
            value={status}
            onChange={(s) => setParams(s ? { status: s } : {}, { replace: true })}
          />
        </div>
        <NominationTable
          pages={pages}
          columns={['customer', 'proposal', 'reason', 'status', 'waiting', 'updated']}
          actions={(n) => (
            <Space size={4}>
              {n.status === 'pending' && (
                <Button
                  size="small"
                  icon={<RollbackOutlined />}
                  onClick={() => setWithdrawing(n)}
                  data-testid={`withdraw-${n.id}`}
                >
                  {t('nomination.decide.withdraw')}
                </Button>
              )}
              {n.status === 'rejected' && (
                <Button
                  size="small"
                  type="primary"
                  icon={<EditOutlined />}
                  onClick={() => setEditing({ mode: 'resubmit', nomination: n })}
                  data-testid={`resubmit-${n.id}`}
                >
                  {t('nomination.request.resubmit')}
                </Button>
              )}
            </Space>
          )}
          empty={status ? t('nomination.noneWithStatus') : t('nomination.mineEmpty')}
          data-testid="my-nominations"
        />
      </Card>
      {withdrawing && (
        <DecisionModal
          nomination={withdrawing}
          decision="withdraw"
          onClose={() => setWithdrawing(null)}
        />
      )}
      {editing && <RequestModal request={editing} onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}
