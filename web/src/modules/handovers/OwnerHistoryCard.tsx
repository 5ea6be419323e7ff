import { Button, Card, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OwnerHistoryEntry } from '../../api/types';
import { useCurrentSession } from '../../app/sessionContext';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { useOwnerHistory } from './api';

/**
 * A customer's earlier KAMs (历任大客户经理), newest first: who owned it until when, who
 * changed it, and the handover that did (linked for those who read handovers).
 */
export function OwnerHistoryCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { access } = useCurrentSession();
  const history = useOwnerHistory(customerId);
  const entries = history.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card title={t('ownerHistory.title')} data-testid="owner-history">
      {history.isError && !history.data ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <>
          <Table<OwnerHistoryEntry>
            rowKey="id"
            size="small"
            loading={history.isPending}
            dataSource={entries}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('ownerHistory.none')} /> }}
            columns={[
              {
                key: 'owner',
                title: t('ownerHistory.owner'),
                render: (_, e) =>
                  e.owner_id === null ? (
                    <Typography.Text type="secondary">{t('accountTeam.noOwner')}</Typography.Text>
                  ) : (
                    (e.owner_name ?? `#${e.owner_id}`)
                  ),
              },
              {
                key: 'until',
                title: t('ownerHistory.until'),
                render: (_, e) => formatDateTime(e.until_at),
              },
              {
                key: 'by',
                title: t('ownerHistory.changedBy'),
                render: (_, e) =>
                  e.changed_by_name ?? (e.changed_by ? `#${e.changed_by}` : t('history.system')),
              },
              {
                key: 'how',
                title: t('ownerHistory.how'),
                render: (_, e) =>
                  e.handover_id === null ? (
                    t('ownerHistory.byHand')
                  ) : access.can('handover.read') ? (
                    <Link to={`/handovers/${e.handover_id}`} data-testid={`owner-handover-${e.id}`}>
                      {t('handover.number', { id: e.handover_id })}
                    </Link>
                  ) : (
                    t('handover.number', { id: e.handover_id })
                  ),
              },
            ]}
          />
          {history.hasNextPage && (
            <Button
              block
              style={{ marginTop: 16 }}
              loading={history.isFetchingNextPage}
              onClick={() => void history.fetchNextPage()}
            >
              {t('common.loadMore')}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
