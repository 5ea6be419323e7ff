import {
  CheckOutlined,
  CommentOutlined,
  DeleteOutlined,
  EditOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Button, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Interaction } from '../../api/types';
import { useCurrentSession } from '../../app/sessionContext';
import { formatDateTime } from '../../ui/format';
import { CommentsDrawer } from '../comments/CommentsDrawer';
import { mayCompleteStep, mayEdit, mayHandOn } from './nextStep';
import { ChannelTag, NextStepDue } from './tags';

type Props = {
  interaction: Interaction;
  /** The business day (YYYY-MM-DD) next steps are judged on. */
  today: string;
  /** Shows the customer's name, linked to the dossier (lists beyond one dossier). */
  showCustomer?: boolean;
  busy?: boolean;
  onEdit: (i: Interaction) => void;
  onDelete: (i: Interaction) => void;
  onComplete: (i: Interaction) => void;
  onHandOn: (i: Interaction) => void;
  onClose: (i: Interaction) => void;
};

function Line({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text type="secondary">
        {label}
        {t('common.colon')}
      </Typography.Text>
      {children}
    </div>
  );
}

/**
 * One contact record: channel, when, who recorded it, its purpose, summary and outcome, the
 * next step with its due date and owner, a customer request and its first-contact owner, and
 * the people on both sides. Buttons follow who may do what (nextStep.ts).
 */
export function InteractionItem({ interaction: i, today, showCustomer, busy, ...on }: Props) {
  const { t } = useTranslation();
  const { user: me, access } = useCurrentSession();
  const canWrite = access.can('interaction.write');
  const sep = t('common.listSeparator');
  const [commenting, setCommenting] = useState(false);

  const actions: ReactNode[] = [];
  if (canWrite && mayHandOn(i, me)) {
    actions.push(
      <Button
        key="hand-on"
        size="small"
        icon={<SwapOutlined />}
        onClick={() => on.onHandOn(i)}
        data-testid={`hand-on-${i.id}`}
      >
        {t('interaction.handOn')}
      </Button>,
      <Popconfirm
        key="close"
        title={t('interaction.confirmClose')}
        okText={t('interaction.close')}
        cancelText={t('common.cancel')}
        onConfirm={() => on.onClose(i)}
      >
        <Button size="small" loading={busy} data-testid={`close-request-${i.id}`}>
          {t('interaction.close')}
        </Button>
      </Popconfirm>,
    );
  }
  // The thread of the weekly review: the recorder reads and answers a director's comments.
  actions.push(
    <Button
      key="comments"
      size="small"
      type="link"
      icon={<CommentOutlined />}
      aria-label={t('comments.title')}
      title={t('comments.title')}
      onClick={() => setCommenting(true)}
      data-testid={`interaction-comments-${i.id}`}
    />,
  );
  if (canWrite && mayEdit(i, me)) {
    actions.push(
      <Button
        key="edit"
        size="small"
        type="link"
        icon={<EditOutlined />}
        aria-label={t('common.edit')}
        onClick={() => on.onEdit(i)}
        data-testid={`edit-interaction-${i.id}`}
      />,
      <Popconfirm
        key="delete"
        title={t('interaction.confirmDelete')}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        onConfirm={() => on.onDelete(i)}
      >
        <Button
          size="small"
          type="link"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('common.delete')}
          data-testid={`delete-interaction-${i.id}`}
        />
      </Popconfirm>,
    );
  }

  return (
    <List.Item key={i.id} actions={actions} data-testid={`interaction-${i.id}`}>
      <Space direction="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
        <Space wrap size={[8, 4]}>
          <ChannelTag channel={i.channel} />
          <Typography.Text>{formatDateTime(i.occurred_at)}</Typography.Text>
          {showCustomer && <Link to={`/customers/${i.customer_id}`}>{i.customer_name}</Link>}
          <Typography.Text type="secondary">
            {t('interaction.recordedBy', { name: i.recorded_by_name })}
          </Typography.Text>
          {i.is_request &&
            (i.request_closed_at ? (
              <Tag>{t('interaction.requestClosed')}</Tag>
            ) : (
              <Tag color="orange" data-testid="request-open">
                {t('interaction.request')}
                {i.first_contact_owner_name &&
                  ` · ${t('interaction.requestOwner', { name: i.first_contact_owner_name })}`}
              </Tag>
            ))}
        </Space>
        <Typography.Text strong data-testid="interaction-purpose-text">
          {i.purpose}
        </Typography.Text>
        {i.summary && (
          <Typography.Paragraph
            ellipsis={{ rows: 3, expandable: true, symbol: t('interaction.more') }}
            style={{ margin: 0, whiteSpace: 'pre-line' }}
          >
            {i.summary}
          </Typography.Paragraph>
        )}
        {i.outcome && <Line label={t('interaction.outcome')}>{i.outcome}</Line>}
        {i.next_step && (
          <Line label={t('interaction.nextStep')}>
            <Space wrap size={[8, 4]}>
              <Typography.Text delete={i.next_step_done_at !== null}>{i.next_step}</Typography.Text>
              <NextStepDue step={i} today={today} />
              {i.next_step_owner_name && (
                <Typography.Text type="secondary">
                  {t('interaction.owner', { name: i.next_step_owner_name })}
                </Typography.Text>
              )}
              {canWrite && mayCompleteStep(i, me) && (
                <Button
                  size="small"
                  type="link"
                  icon={<CheckOutlined />}
                  loading={busy}
                  onClick={() => on.onComplete(i)}
                  data-testid={`step-done-${i.id}`}
                >
                  {t('interaction.markDoneLong')}
                </Button>
              )}
            </Space>
          </Line>
        )}
        {(i.contacts.length > 0 || i.participants.length > 0) && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[
              i.contacts.length > 0 &&
                `${t('interaction.contacts')}${t('common.colon')}${i.contacts.map((c) => c.name).join(sep)}`,
              i.participants.length > 0 &&
                `${t('interaction.participants')}${t('common.colon')}${i.participants.map((p) => p.name).join(sep)}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        )}
      </Space>
      {commenting && (
        <CommentsDrawer
          target={{ kind: 'interaction', id: i.id }}
          title={`${i.customer_name} · ${i.purpose}`}
          onClose={() => setCommenting(false)}
        />
      )}
    </List.Item>
  );
}
