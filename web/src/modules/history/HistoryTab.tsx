import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, List, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { request } from '../../api/client';
import type { AuditRecord, Page } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import { useOrgUnits } from '../orgUnits/api';
import { orgUnitNames } from '../orgUnits/tree';
import { useCurrentSession } from '../../app/sessionContext';
import { useContacts } from '../contacts/api';
import { useUsersById } from '../users/api';
import { displayValue, fieldLabel, isShownChange, userIdsOf, type Names } from './display';

/** A customer's audit records, newest first, from `path` (history or relationship history). */
function useAuditPages(customerId: number, path: 'history' | 'relationship-history') {
  return useInfiniteQuery({
    // Under ['history', id]: a saved dossier invalidates both.
    queryKey: ['history', customerId, path],
    queryFn: ({ pageParam, signal }) =>
      request<Page<AuditRecord>>('GET', `/customers/${customerId}/${path}`, {
        query: { limit: 20, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

type ChangeProps = AuditRecord['changes'][number] & { customerId: number };

/**
 * Names for the ids a change holds: org units, users the caller may read (account-team
 * members, next-step owners, participants) and the customer's contacts.
 */
function useNames({ field, before, after, customerId }: ChangeProps): Names {
  const { access, user: me } = useCurrentSession();
  const units = orgUnitNames(useOrgUnits().data);
  const userIds = [...userIdsOf(field, before), ...userIdsOf(field, after)];
  const users = useUsersById(
    [...new Set(userIds)].filter((id) => id !== me.id && access.can('user.read')),
    true,
  );
  const contacts = useContacts(customerId, field === 'contact_ids');
  return {
    unit: (id) => units.get(id),
    user: (id) => (id === me.id ? me.display_name : users.byId.get(id)?.display_name),
    contact: (id) => contacts.data?.find((c) => c.id === id)?.name,
  };
}

function Change(change: ChangeProps) {
  const { t } = useTranslation();
  const names = useNames(change);
  const { field, before, after } = change;
  return (
    <div>
      <Typography.Text strong>{fieldLabel(t, field)}</Typography.Text>
      {': '}
      <Typography.Text delete type="secondary">
        {displayValue(t, field, before, names)}
      </Typography.Text>
      {' → '}
      <Typography.Text>{displayValue(t, field, after, names)}</Typography.Text>
    </div>
  );
}

/** Where the relationship stood over time: each change of relationship stage or loyalty. */
function RelationshipHistory({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const history = useAuditPages(customerId, 'relationship-history');
  if (history.isError) {
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  }
  const records = history.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card
      title={t('history.relationship')}
      loading={history.isPending}
      data-testid="relationship-history"
    >
      {records.length === 0 ? (
        <Empty description={t('history.relationshipNone')} />
      ) : (
        <Timeline
          items={records.map((r) => ({
            key: r.id,
            children: (
              <>
                <Typography.Text type="secondary">
                  {`${formatDateTime(r.at)} · ${r.actor_name || t('history.system')}`}
                </Typography.Text>
                {r.changes.filter(isShownChange).map((c) => (
                  <Change key={c.field} {...c} customerId={customerId} />
                ))}
              </>
            ),
          }))}
        />
      )}
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

/** Every change of the dossier, newest first, from the audit log. */
function AuditHistory({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const history = useAuditPages(customerId, 'history');
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
              description={r.changes.filter(isShownChange).map((c) => (
                <Change key={c.field} {...c} customerId={customerId} />
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

/** Who changed what in this dossier and when: the relationship's course, then every change. */
export function HistoryTab({ customerId }: { customerId: number }) {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <RelationshipHistory customerId={customerId} />
      <AuditHistory customerId={customerId} />
    </Space>
  );
}
