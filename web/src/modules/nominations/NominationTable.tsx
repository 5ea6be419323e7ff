import { Button, Empty, Table, Tag, Typography, type TableColumnType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Nomination } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { formatDateTime } from '../../ui/format';
import type { useNominationPages } from './api';
import { levelOf } from './rules';
import { Metrics, NominationStatusTag, Proposal, WaitingFor } from './tags';

/** The request's customer (with its number and nominator) and what else a list shows. */
export type NominationColumn =
  'customer' | 'proposal' | 'level' | 'reason' | 'metrics' | 'status' | 'waiting' | 'updated';

type Props = {
  pages: ReturnType<typeof useNominationPages>;
  columns: readonly NominationColumn[];
  /** The row's buttons (approve, withdraw …); none when absent. */
  actions?: (n: Nomination) => ReactNode;
  empty: string;
  'data-testid'?: string;
};

/** A list of requests, newest first, with "load more"; each links to its detail page. */
export function NominationTable({ pages, columns, actions, empty, ...rest }: Props) {
  const { t } = useTranslation();
  if (pages.isError && !pages.data) {
    return <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />;
  }
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];

  const all: Record<NominationColumn, TableColumnType<Nomination>> = {
    customer: {
      key: 'customer',
      title: t('nomination.field.customer'),
      render: (_, n) => (
        <div style={{ minWidth: 160 }}>
          <Link to={`/customers/${n.customer_id}`}>{n.customer_name}</Link>
          <div style={{ fontSize: 12 }}>
            <Link to={`/nominations/${n.id}`}>{t('nomination.number', { id: n.id })}</Link>
            <Typography.Text type="secondary">{` · ${n.nominator_name}`}</Typography.Text>
          </div>
        </div>
      ),
    },
    proposal: {
      key: 'proposal',
      title: t('nomination.field.proposal'),
      render: (_, n) => <Proposal nomination={n} />,
    },
    level: {
      key: 'level',
      title: t('nomination.field.level'),
      render: (_, n) => {
        const level = levelOf(n);
        return level ? <Tag>{t('nomination.levelOf', level)}</Tag> : '—';
      },
    },
    reason: {
      key: 'reason',
      title: t('nomination.field.reason'),
      render: (_, n) => (
        <Typography.Paragraph
          ellipsis={{ rows: 2, tooltip: n.reason }}
          style={{ margin: 0, width: 240 }}
        >
          {n.reason}
        </Typography.Paragraph>
      ),
    },
    metrics: {
      key: 'metrics',
      title: t('nomination.field.metrics'),
      render: (_, n) => <Metrics nomination={n} />,
    },
    status: {
      key: 'status',
      title: t('nomination.field.status'),
      render: (_, n) => <NominationStatusTag status={n.status} />,
    },
    waiting: {
      key: 'waiting',
      title: t('nomination.field.waitingFor'),
      render: (_, n) => <WaitingFor nomination={n} />,
    },
    updated: {
      key: 'updated',
      title: t('nomination.field.updated'),
      render: (_, n) => (
        <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(n.updated_at)}</span>
      ),
    },
  };
  const shown = columns.map((c) => all[c]);
  if (actions) {
    shown.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, n) => actions(n),
    });
  }

  return (
    <>
      <Table<Nomination>
        rowKey="id"
        size="middle"
        loading={pages.isFetching && !pages.isFetchingNextPage}
        dataSource={rows}
        columns={shown}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={empty} /> }}
        data-testid={rest['data-testid']}
      />
      {pages.hasNextPage && (
        <Button
          block
          style={{ marginTop: 12 }}
          onClick={() => void pages.fetchNextPage()}
          loading={pages.isFetchingNextPage}
        >
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
