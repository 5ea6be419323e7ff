import { ClockCircleOutlined, CrownOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Customer } from '../../api/types';
import { useNominationPages } from './api';
import { approverText } from './labels';
import { RequestModal, type RequestMode } from './RequestModal';

/**
 * The dossier's "nominate as key account": hidden for a key account; while a nomination is
 * waiting, a link to it saying who decides now instead.
 */
export function NominateAction({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const pending = useNominationPages({ box: 'all', customerId: customer.id, status: 'pending' });
  const [request, setRequest] = useState<RequestMode | null>(null);
  const navigate = useNavigate();

  if (customer.is_key_account || pending.isPending) return null;
  const waiting = pending.data?.pages.flatMap((p) => p.items).find((n) => n.kind === 'nominate');
  if (waiting) {
    return (
      <Tooltip title={t('nomination.pendingHint')}>
        <Button
          icon={<ClockCircleOutlined />}
          onClick={() => void navigate(`/nominations/${waiting.id}`)}
          data-testid="pending-nomination"
        >
          {t('nomination.pendingAt', {
            level: waiting.level,
            levels: waiting.levels,
            who: approverText(t, waiting),
          })}
        </Button>
      </Tooltip>
    );
  }
  return (
    <>
      <Button
        type="primary"
        icon={<CrownOutlined />}
        onClick={() =>
          setRequest({ mode: 'nominate', customerId: customer.id, customerName: customer.name })
        }
        data-testid="nominate"
      >
        {t('nomination.request.nominate')}
      </Button>
      {request && <RequestModal request={request} onClose={() => setRequest(null)} />}
    </>
  );
}
