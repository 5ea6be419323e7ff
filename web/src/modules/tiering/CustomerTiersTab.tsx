import { LockOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerTier, TierChange } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { RequestModal, type RequestMode } from '../nominations/RequestModal';
import { useCustomerTierHistory, useCustomerTiers } from './api';
import { ChangeKindTag, SchemeKindTag, TierMove, TierTag } from './tags';

/** The dossier's tiers: the current tier under every scheme, and every change with its reason. */
export function CustomerTiersTab({
  customerId,
  customerName,
}: {
  customerId: number;
  customerName: string;
}) {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <CurrentTiers customerId={customerId} customerName={customerName} />
      <TierHistory customerId={customerId} />
    </Space>
  );
}

function CurrentTiers({ customerId, customerName }: { customerId: number; customerName: string }) {
  const { t } = useTranslation();
  const tiers = useCustomerTiers(customerId);
  const [request, setRequest] = useState<RequestMode | null>(null);
  if (tiers.isError) return <ErrorState error={tiers.error} onRetry={() => void tiers.refetch()} />;
  const ask = (schemeId?: number) =>
    setRequest({ mode: 'change', customerId, customerName, schemeId });
  return (
    <Card
      title={t('customerTiers.current')}
      extra={
        (tiers.data?.length ?? 0) > 0 && (
          <Button icon={<SwapOutlined />} onClick={() => ask()} data-testid="request-tier-change">
            {t('nomination.request.change')}
          </Button>
        )
      }
    >
      {request && <RequestModal request={request} onClose={() => setRequest(null)} />}
      <Table<CustomerTier>
        rowKey="scheme_id"
        size="small"
        loading={tiers.isPending}
        dataSource={tiers.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="customer-tiers"
        locale={{ emptyText: <Empty description={t('customerTiers.noSchemes')} /> }}
        columns={[
          {
            key: 'scheme',
            title: t('customerTiers.scheme'),
            render: (_, s) => (
              <Space size={4}>
                <Link to={`/tier-schemes/${s.scheme_id}`}>{s.scheme_name}</Link>
                {s.primary && <Tag color="gold">{t('tiering.field.primary')}</Tag>}
              </Space>
            ),
          },
          {
            key: 'kind',
            title: t('tiering.field.kind'),
            render: (_, s) => <SchemeKindTag kind={s.kind} />,
          },
          {
            key: 'tier',
            title: t('customerTiers.tier'),
            render: (_, s) => <TierTag tier={s.tier} />,
          },
          { key: 'since', title: t('customerTiers.since'), render: (_, s) => s.since ?? '—' },
          {
            key: 'pinned',
            title: t('customerTiers.pinned'),
            render: (_, s) =>
              s.pinned_until ? (
                <Tooltip title={t('customerTiers.pinnedHint')}>
                  <Tag icon={<LockOutlined />}>{s.pinned_until}</Tag>
                </Tooltip>
              ) : (
                '—'
              ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, s) => (
              <Button
                type="link"
                size="small"
                onClick={() => ask(s.scheme_id)}
                data-testid={`request-change-${s.scheme_id}`}
              >
                {t('nomination.request.changeShort')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

function ChangeItem({ change }: { change: TierChange }) {
  const { t } = useTranslation();
  const who =
    change.actor_name ??
    (change.source === 'rule'
      ? t('customerTiers.rule')
      : t(`customerTiers.source.${change.source}`));
  return (
    <List.Item>
      <List.Item.Meta
        title={
          <Space wrap size={[8, 4]}>
            <ChangeKindTag kind={change.kind} />
            <TierMove from={change.old_tier} to={change.new_tier} />
            <Typography.Text type="secondary">
              {t('customerTiers.effective', { date: change.effective_on })}
            </Typography.Text>
          </Space>
        }
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{change.reason}</Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Link to={`/tier-schemes/${change.scheme_id}`}>{change.scheme_name}</Link>
              {` v${change.scheme_version} · ${who}`}
              {change.pinned_until &&
                ` · ${t('customerTiers.pinnedUntil', { date: change.pinned_until })}`}
            </Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}

function TierHistory({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const history = useCustomerTierHistory(customerId);
  if (history.isError) {
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  }
  const changes = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('customerTiers.history')} data-testid="tier-history">
      <List<TierChange>
        loading={history.isPending}
        dataSource={changes}
        rowKey="id"
        locale={{ emptyText: <Empty description={t('customerTiers.noHistory')} /> }}
        renderItem={(c) => <ChangeItem change={c} />}
      />
      {history.hasNextPage && (
        <Button
          block
          onClick={() => void history.fetchNextPage()}
          loading={history.isFetchingNextPage}
          data-testid="tier-history-more"
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  );
}
