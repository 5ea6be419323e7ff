import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Timeline, Typography, type TimelineItemProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Nomination, NominationStep, StepAction } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { approverText } from './labels';
import { stepsBySubmission } from './rules';

const LOOK: Record<StepAction, { color: string; icon: React.ReactNode }> = {
  submit: { color: 'blue', icon: <SendOutlined /> },
  approve: { color: 'green', icon: <CheckCircleOutlined /> },
  reject: { color: 'red', icon: <CloseCircleOutlined /> },
  withdraw: { color: 'gray', icon: <RollbackOutlined /> },
};

function stepTitle(t: TFunction, step: NominationStep): string {
  switch (step.action) {
    case 'submit':
      return step.submission > 1
        ? t('nomination.step.resubmit', { count: step.submission })
        : t('nomination.step.submit');
    case 'approve':
      return t('nomination.step.approve', { level: step.level });
    case 'reject':
      return t('nomination.step.reject', { level: step.level });
    case 'withdraw':
      return t('nomination.step.withdraw');
  }
}

/** Every submission and decision, oldest first, and who decides next while pending. */
export function StepsTimeline({ nomination: n }: { nomination: Nomination }) {
  const { t } = useTranslation();
  const items: TimelineItemProps[] = stepsBySubmission(n.steps).flatMap(({ steps }) =>
    steps.map((s) => ({
      key: s.id,
      color: LOOK[s.action].color,
      dot: LOOK[s.action].icon,
      children: (
        <div data-testid={`step-${s.action}`}>
          <Typography.Text strong>{stepTitle(t, s)}</Typography.Text>
          <Typography.Text type="secondary">
            {` · ${s.actor_name ?? t('history.system')} · ${formatDateTime(s.at)}`}
          </Typography.Text>
          {s.comment && (
            <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
              {s.comment}
            </Typography.Paragraph>
          )}
        </div>
      ),
    })),
  );
  if (n.status === 'pending') {
    const who = approverText(t, n);
    items.push({
      key: 'next',
      color: 'gray',
      dot: <ClockCircleOutlined />,
      children: (
        <Typography.Text type="secondary" data-testid="step-waiting">
          {t('nomination.step.waiting', { level: n.level, levels: n.levels, who })}
        </Typography.Text>
      ),
    });
  }
  return <Timeline items={items} data-testid="steps" style={{ marginTop: 8 }} />;
}
