import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../api/types';

const COLORS: Record<Stage, string> = { prospect: 'default', target: 'blue', active: 'green' };

export function StageTag({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[stage]}>{t(`customer.stage.${stage}`)}</Tag>;
}
