import { Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Concentration } from '../../api/types';
import { formatBp, topShares, type TopShare } from './pareto';

/** How much the largest 1%, 5%, 10%, 20% and 50% of the customers make of the total. */
export function TopSharesTable({ concentration: c }: { concentration: Concentration }) {
  const { t } = useTranslation();
  const metric = t(`concentration.metricNoun.${c.metric}`);
  return (
    <Table<TopShare>
      rowKey="percent"
      size="small"
      pagination={false}
      dataSource={topShares(c)}
      data-testid="top-shares"
      columns={[
        {
          key: 'percent',
          title: t('concentration.top.largest'),
          render: (_, r) => t('concentration.top.percent', { percent: r.percent }),
        },
        {
          key: 'customers',
          title: t('concentration.top.customers'),
          align: 'right',
          render: (_, r) => r.customers.toLocaleString(),
        },
        {
          key: 'share',
          title: t('concentration.top.share', { metric }),
          render: (_, r) => (
            <Progress
              percent={r.shareBp / 100}
              format={() => formatBp(r.shareBp)}
              strokeColor={r.shareBp >= 8000 ? '#cf1322' : undefined}
              size="small"
              style={{ minWidth: 200, marginBottom: 0 }}
            />
          ),
        },
      ]}
    />
  );
}
