import { Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Concentration } from '../../api/types';
import { formatFen } from '../customers/money';
import { formatBp } from './pareto';

type TopCustomer = Concentration['top'][number];

/** The largest customers by name (the server's `top`), each with its amount and share. */
export function TopCustomersTable({ concentration: c }: { concentration: Concentration }) {
  const { t } = useTranslation();
  const metric = t(`concentration.metricNoun.${c.metric}`);
  return (
    <Table<TopCustomer>
      rowKey="customer_id"
      size="small"
      pagination={false}
      dataSource={c.top}
      data-testid="top-customers"
      locale={{ emptyText: t('concentration.topCustomers.empty') }}
      columns={[
        {
          key: 'rank',
          title: t('concentration.topCustomers.rank'),
          width: 64,
          render: (_, _r, index) => index + 1,
        },
        {
          key: 'name',
          title: t('concentration.topCustomers.customer'),
          render: (_, r) => <Link to={`/customers/${r.customer_id}`}>{r.name}</Link>,
        },
        {
          key: 'amount',
          title: t(`concentration.metricNoun.${c.metric}`),
          align: 'right',
          render: (_, r) =>
            c.metric === 'orders' ? r.amount.toLocaleString() : formatFen(r.amount),
        },
        {
          key: 'share',
          title: t('concentration.top.share', { metric }),
          render: (_, r) => (
            <Progress
              percent={r.share_bp / 100}
              format={() => formatBp(r.share_bp)}
              size="small"
              style={{ minWidth: 160, marginBottom: 0 }}
            />
          ),
        },
      ]}
    />
  );
}
