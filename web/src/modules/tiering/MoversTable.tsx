import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TierMover } from '../../api/types';
import { ChangeKindTag, TierMove } from './tags';

/** Who moves, from which tier to which, and why (the server's words). */
export function MoversTable({ movers }: { movers: TierMover[] }) {
  const { t } = useTranslation();
  return (
    <Table<TierMover>
      rowKey="customer_id"
      size="small"
      dataSource={movers}
      pagination={movers.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      data-testid="movers"
      columns={[
        {
          key: 'customer',
          title: `${t('tiering.movers.customer')} · ${t('tiering.movers.reason')}`,
          render: (_, m) => (
            <div>
              <Link to={`/customers/${m.customer_id}`}>{m.customer_name}</Link>
              <Typography.Paragraph
                type="secondary"
                style={{ margin: 0, fontSize: 12 }}
                data-testid="mover-reason"
              >
                {m.reason}
              </Typography.Paragraph>
            </div>
          ),
        },
        {
          key: 'move',
          title: t('tiering.movers.move'),
          render: (_, m) => <TierMove from={m.from} to={m.to} />,
        },
        {
          key: 'kind',
          title: t('tiering.movers.kind'),
          render: (_, m) => <ChangeKindTag kind={m.kind} />,
        },
      ]}
    />
  );
}
