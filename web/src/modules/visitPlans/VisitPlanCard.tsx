import {
  CheckOutlined,
  CloseCircleOutlined,
  CommentOutlined,
  EditOutlined,
  FileTextOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VisitPlan } from '../../api/types';
import { useCurrentSession } from '../../app/sessionContext';
import { formatDayWithWeekday } from '../../ui/format';
import { CommentsDrawer } from '../comments/CommentsDrawer';
import type { VisitDialog } from './dialogs';
import { mayChangePlan, mayCompletePlan } from './rules';
import { STATUS_DOT_COLORS } from './statusColors';
import { VisitStatusTag } from './tags';

type Props = {
  plan: VisitPlan;
  onOpen: (dialog: VisitDialog) => void;
  /** In a calendar's day: icon buttons (named for screen readers and in tooltips). */
  compact?: boolean;
  /** Lists across days show each plan's day. */
  showDay?: boolean;
  /** Someone else's plans: who visits. */
  showOwner?: boolean;
};

type Action = {
  key: string;
  label: string;
  icon: ReactNode;
  primary?: boolean;
  danger?: boolean;
  onClick: () => void;
};

/**
 * One visit plan: when, the customer, the purpose, the contacts to meet and its status, with
 * what the user may do — complete it (late, when missed), reschedule or change it, cancel it
 * with a reason — or, once completed, a link to its contact record.
 */
export function VisitPlanCard({ plan: p, onOpen, compact, showDay, showOwner }: Props) {
  const { t, i18n } = useTranslation();
  const { user: me, access } = useCurrentSession();
  const canWrite = access.can('interaction.write');
  const missed = p.status === 'missed';
  const [commenting, setCommenting] = useState(false);

  const actions: Action[] = [];
  if (canWrite && mayCompletePlan(p, me)) {
    actions.push({
      key: 'complete',
      label: t(missed ? 'visitPlan.completeLate' : 'visitPlan.complete'),
      icon: <CheckOutlined />,
      primary: true,
      onClick: () => onOpen({ kind: 'complete', plan: p }),
    });
  }
  if (canWrite && mayChangePlan(p, me)) {
    actions.push(
      {
        key: 'edit',
        label: t(missed ? 'visitPlan.reschedule' : 'visitPlan.edit'),
        icon: missed ? <ScheduleOutlined /> : <EditOutlined />,
        onClick: () => onOpen({ kind: 'edit', plan: p, reschedule: missed }),
      },
      {
        key: 'cancel',
        label: t('visitPlan.cancel'),
        icon: <CloseCircleOutlined />,
        danger: true,
        onClick: () => onOpen({ kind: 'cancel', plan: p }),
      },
    );
  }

  const when = p.start_time ?? t('visitPlan.anyTime');
  return (
    <div
      role="group"
      aria-label={`${showDay ? `${p.planned_on} ` : ''}${when} ${p.customer_name}`}
      data-testid={`visit-${p.id}`}
      style={{
        background: '#fff',
        borderStyle: 'solid',
        borderWidth: '1px 1px 1px 3px',
        borderColor: `#f0f0f0 #f0f0f0 #f0f0f0 ${STATUS_DOT_COLORS[p.status]}`,
        borderRadius: 6,
        padding: compact ? '6px 8px' : '8px 12px',
        minWidth: 0,
      }}
    >
      <Space direction="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
        <Space wrap size={[6, 2]}>
          <Typography.Text strong={!showDay}>
            {showDay ? `${formatDayWithWeekday(p.planned_on, i18n.language)} ${when}` : when}
          </Typography.Text>
          <VisitStatusTag status={p.status} />
        </Space>
        <Link
          to={`/customers/${p.customer_id}?tab=visits`}
          style={{ fontWeight: 500, wordBreak: 'break-word' }}
        >
          {p.customer_name}
        </Link>
        <Typography.Paragraph
          ellipsis={compact ? { rows: 2, tooltip: p.purpose } : false}
          style={{ margin: 0, wordBreak: 'break-word' }}
          data-testid="visit-purpose"
        >
          {p.purpose}
        </Typography.Paragraph>
        {(p.contacts.length > 0 || (showOwner && p.owner_id !== me.id)) && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[
              showOwner && p.owner_id !== me.id && t('visitPlan.visitor', { name: p.owner_name }),
              p.contacts.length > 0 &&
                `${t('visitPlan.meet')}${t('common.colon')}${p.contacts
                  .map((c) => c.name)
                  .join(t('common.listSeparator'))}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        )}
        {p.status === 'cancelled' && p.cancel_reason && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('visitPlan.cancelReason', { reason: p.cancel_reason })}
          </Typography.Text>
        )}
        <Space wrap size={4} style={{ marginTop: 4 }}>
          {actions.map((a) =>
            compact ? (
              <Tooltip key={a.key} title={a.label}>
                <Button
                  size="small"
                  type={a.primary ? 'primary' : 'default'}
                  ghost={a.primary}
                  danger={a.danger}
                  icon={a.icon}
                  aria-label={a.label}
                  onClick={a.onClick}
                  data-testid={`visit-${a.key}-${p.id}`}
                />
              </Tooltip>
            ) : (
              <Button
                key={a.key}
                size="small"
                type={a.primary ? 'primary' : 'default'}
                ghost={a.primary}
                danger={a.danger}
                icon={a.icon}
                onClick={a.onClick}
                data-testid={`visit-${a.key}-${p.id}`}
              >
                {a.label}
              </Button>
            ),
          )}
          {p.status === 'completed' && p.interaction_id !== null && (
            <Link
              to={`/customers/${p.customer_id}?tab=interactions`}
              data-testid={`visit-record-${p.id}`}
            >
              <FileTextOutlined /> {t('visitPlan.record')}
            </Link>
          )}
          <Tooltip title={t('comments.title')}>
            <Button
              size="small"
              type="text"
              icon={<CommentOutlined />}
              aria-label={t('comments.title')}
              onClick={() => setCommenting(true)}
              data-testid={`visit-comments-${p.id}`}
            />
          </Tooltip>
        </Space>
      </Space>
      {commenting && (
        <CommentsDrawer
          target={{ kind: 'visit_plan', id: p.id }}
          title={`${p.customer_name} · ${p.purpose}`}
          onClose={() => setCommenting(false)}
        />
      )}
    </div>
  );
}
