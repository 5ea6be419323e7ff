import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccessAlertStatus } from '../../api/types';

export function AlertStatusTag({ status }: { status: AccessAlertStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'open' ? 'red' : 'default'} data-testid="alert-status">
      {t(`accessAlert.status.${status}`)}
    </Tag>
  );
}
