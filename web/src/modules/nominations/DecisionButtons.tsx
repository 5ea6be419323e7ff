import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Nomination } from '../../api/types';
import type { Decision } from './api';

type Props = {
  nomination: Nomination;
  onDecide: (n: Nomination, decision: Decision) => void;
  size?: 'small' | 'middle';
};

/** Approve and reject, each opening the decision dialog. */
export function DecisionButtons({ nomination, onDecide, size = 'small' }: Props) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Button
        type="primary"
        size={size}
        icon={<CheckOutlined />}
        onClick={() => onDecide(nomination, 'approve')}
        data-testid={`approve-${nomination.id}`}
      >
        {t('nomination.decide.approve')}
      </Button>
      <Button
        danger
        size={size}
        icon={<CloseOutlined />}
        onClick={() => onDecide(nomination, 'reject')}
        data-testid={`reject-${nomination.id}`}
      >
        {t('nomination.decide.reject')}
      </Button>
    </Space>
  );
}
