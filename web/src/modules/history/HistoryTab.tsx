import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import type { AuditRecord, Page } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { formatFen } from '../customers/money';

function useCustomerHistory(customerId: number) {
  return useInfiniteQuery({
    queryKey: ['history', customerId],
    queryFn: ({ pageParam, signal }) =>
      request<Page<AuditRecord>>('GET', `/customers/${customerId}/history`, {
        query: { limit: 20, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

const ENUM_FIELDS = new Set(['stage', 'ownership', 'scale', 'potential']);

/** An audited value as the dossier shows it: money in yuan, enums in words. */
function displayValue(t: TFunction, field: string, value: string | null): string {
  if (value === null || value === '') return '—';
  if (field.endsWith('_fen') && /^-?\d+$/.test(value)) return formatFen(Number(value));
  if (ENUM_FIELDS.has(field)) return t(`customer.${field}.${value}`, { defaultValue: value });
  if (field === 'buying_role') return t(`contact.buyingRole.${value}`, { defaultValue: value });
  return value;
}

function Change({ field, before, after }: AuditRecord['changes'][number]) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text strong>
        {t(`customer.field.${field}`, {
          defaultValue: t(`contact.field.${field}`, { defaultValue: field }),
        })}
      </Typography.Text>
      {': '}
      <Typography.Text delete type="secondary">
        {displayValue(t, field, before)}
      </Typography.Text>
      {' → '}
      <Typography.Text>{displayValue(t, field, after)}</Typography.Text>
    </div>
  );
}

/** Who changed what in this dossier and when, newest first, from the audit log. */
export function HistoryTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const history = useCustomerHistory(customerId);
  if (history.isError) {
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  }
  const records = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title={t('dossier.tab.history')}>
      <List<AuditRecord>
        loading={history.isPending}
        dataSource={records}
        locale={{ emptyText: <Empty description={t('history.none')} /> }}
        renderItem={(r) => (
          <List.Item key={r.id}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text>{formatDateTime(r.at)}</Typography.Text>
                  <Typography.Text strong>{r.actor_name || t('history.system')}</Typography.Text>
                  <Tag>{t(`history.action.${r.action}`, { defaultValue: r.action })}</Tag>
                </Space>
              }
              description={r.changes.map((c) => (
                <Change key={c.field} {...c} />
              ))}
            />
          </List.Item>
        )}
      />
      {history.hasNextPage && (
        <Button
          block
          onClick={() => void history.fetchNextPage()}
          loading={history.isFetchingNextPage}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  );
}
