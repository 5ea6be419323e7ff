import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitStatus } from '../../api/types';
import { STATUS_COLORS } from './statusColors';

const ICONS: Record<VisitStatus, ReactNode> = {
  planned: <ClockCircleOutlined />,
  missed: <ExclamationCircleOutlined />,
  completed: <CheckCircleOutlined />,
  cancelled: <StopOutlined />,
};

/** A plan's status in its colour and with its icon: the two tell it apart, not colour alone. */
export function VisitStatusTag({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={STATUS_COLORS[status]}
      icon={ICONS[status]}
      data-testid={`visit-status-${status}`}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`visitPlan.status.${status}`)}
    </Tag>
  );
}
