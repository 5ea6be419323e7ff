import { BellOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Notification } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { useMarkAllRead, useMarkRead, useNotifications } from './api';
import { notificationPath } from './target';

/**
 * The header's bell: the unread count, polled; a click lists the latest notifications.
 * Opening one marks it read and goes to its request. News also refreshes the requests and
 * dossiers they are about, so lists and the key-account mark follow without a reload.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const notes = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const [open, setOpen] = useState(false);
  const unread = notes.data?.unread_count ?? 0;

  const newest = useRef<number | null>(null);
  useEffect(() => {
    const items = notes.data?.items ?? [];
    const seen = newest.current;
    newest.current = items[0]?.id ?? seen;
    if (seen === null) return;
    const fresh = items.filter((n) => n.id > seen);
    if (fresh.length === 0) return;
    void client.invalidateQueries({ queryKey: ['nominations'] });
    // A next step or request handed to me, a breach of my account: My day has news too.
    void client.invalidateQueries({ queryKey: ['myDay'] });
    if (fresh.some((n) => n.entity === 'interaction')) {
      void client.invalidateQueries({ queryKey: ['interactions'] });
    }
    // A missed visit, a comment on a record or plan: the plans and their threads.
    if (fresh.some((n) => n.entity === 'visit_plan' || n.kind === 'comment')) {
      void client.invalidateQueries({ queryKey: ['visitPlans'] });
      void client.invalidateQueries({ queryKey: ['comments'] });
    }
    if (fresh.some((n) => n.entity === 'access_alert')) {
      void client.invalidateQueries({ queryKey: ['accessAlerts'] });
    }
    for (const n of fresh) {
      if (n.customer_id !== null) {
        void client.invalidateQueries({ queryKey: ['customers', 'one', n.customer_id] });
      }
    }
  }, [notes.data, client]);

  const handleOpen = (n: Notification) => {
    if (!n.read_at) markRead.mutate(n.id);
    setOpen(false);
    const path = notificationPath(n);
    if (path) void navigate(path);
  };

  const content = (
    <div style={{ width: 360, maxWidth: '90vw' }} data-testid="notification-list">
      {notes.isError && !notes.data ? (
        <ErrorState error={notes.error} onRetry={() => void notes.refetch()} />
      ) : (
        <List<Notification>
          loading={notes.isPending}
          dataSource={notes.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('notifications.none')} /> }}
          style={{ maxHeight: 420, overflow: 'auto' }}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              onClick={() => handleOpen(n)}
              style={{ cursor: 'pointer', paddingInline: 8 }}
              className={n.read_at ? undefined : 'kams-unread'}
              data-testid={`notification-${n.id}`}
            >
              <List.Item.Meta
                avatar={<Badge status={n.read_at ? 'default' : 'processing'} />}
                title={
                  <Typography.Text strong={!n.read_at} data-testid="notification-title">
                    {n.title}
                  </Typography.Text>
                }
                description={
                  <>
                    {n.body && (
                      <Typography.Paragraph
                        ellipsis={{ rows: 2 }}
                        style={{ marginBottom: 2 }}
                        type="secondary"
                      >
                        {n.body}
                      </Typography.Paragraph>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.created_at)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>{t('notifications.title')}</span>
          <Button
            type="link"
            size="small"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
            data-testid="mark-all-read"
          >
            {t('notifications.markAllRead')}
          </Button>
        </Space>
      }
      content={content}
    >
      <Button
        type="text"
        aria-label={t('notifications.bell', { count: unread })}
        data-testid="notification-bell"
        style={{ paddingInline: 8 }}
      >
        <Badge count={unread} size="small" overflowCount={99} data-testid="unread-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
