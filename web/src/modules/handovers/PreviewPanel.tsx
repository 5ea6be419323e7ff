import { Alert, Card, Collapse, Empty, List, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HandoverPreview } from '../../api/types';
import { fieldProblemMessage } from '../../app/errors';
import { customersBySuccessor, totalCount, type Mapping } from './order';
import { KindCounts, SuccessorTable } from './views';

type Customer = HandoverPreview['customers'][number];

type Props = {
  preview: HandoverPreview;
  /** Mapping mode: the successor of each customer is chosen here. */
  mapping?: { value: Mapping; onChange: (customerId: number, userId: number) => void };
  /** The server's problem with each customer's successor (`mapping.<id>`). */
  customerProblems?: Map<number, string>;
};

/** Step (c): what the handover would move — by kind, by successor, and every customer. */
export function PreviewPanel({ preview, mapping, customerProblems }: Props) {
  const { t } = useTranslation();
  const total = totalCount(preview.counts);
  const successorOptions = preview.successors.map((s) => ({
    value: s.user_id,
    label: s.display_name,
  }));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="handover-preview">
      {total === 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="nothing-to-move"
          message={t('handover.nothingToMove', { name: preview.from_user_name })}
        />
      )}
      <Card
        size="small"
        title={t('handover.whatWouldMove', { name: preview.from_user_name, count: total })}
      >
        <KindCounts counts={preview.counts} droppedSeats={preview.dropped_team_seats} />
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {t('handover.followHint')}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('handover.bySuccessor')}>
        <SuccessorTable successors={preview.successors} showRole />
      </Card>
      <Card size="small" title={t('handover.customersTitle', { count: preview.customers.length })}>
        {preview.customers.length === 0 ? (
          <Empty description={t('handover.noCustomers', { name: preview.from_user_name })} />
        ) : mapping ? (
          <Table<Customer>
            rowKey="customer_id"
            size="small"
            dataSource={preview.customers}
            pagination={preview.customers.length > 20 ? { pageSize: 20 } : false}
            data-testid="mapping"
            columns={[
              {
                key: 'customer',
                title: t('handover.customer'),
                render: (_, c) => (
                  <Link to={`/customers/${c.customer_id}`}>
                    {c.customer_name ?? `#${c.customer_id}`}
                  </Link>
                ),
              },
              {
                key: 'to',
                title: t('handover.successor'),
                render: (_, c) => {
                  const problem = customerProblems?.get(c.customer_id);
                  return (
                    <Space direction="vertical" size={2}>
                      <Select<number>
                        aria-label={t('handover.successorOf', {
                          customer: c.customer_name ?? `#${c.customer_id}`,
                        })}
                        value={mapping.value[c.customer_id] ?? c.to_user_id}
                        onChange={(userId) => mapping.onChange(c.customer_id, userId)}
                        options={successorOptions}
                        status={problem ? 'error' : undefined}
                        style={{ minWidth: 200 }}
                        data-testid={`map-${c.customer_id}`}
                      />
                      {problem && (
                        <Typography.Text type="danger">
                          {fieldProblemMessage(t, problem)}
                        </Typography.Text>
                      )}
                    </Space>
                  );
                },
              },
            ]}
          />
        ) : (
          <Collapse
            data-testid="customers-by-successor"
            defaultActiveKey={customersBySuccessor(preview).map((g) => String(g.userId))}
            items={customersBySuccessor(preview).map((g) => ({
              key: String(g.userId),
              label: t('handover.toSuccessor', { name: g.name, count: g.customers.length }),
              children: (
                <List<Customer>
                  size="small"
                  dataSource={g.customers}
                  pagination={g.customers.length > 20 ? { pageSize: 20, size: 'small' } : false}
                  renderItem={(c) => (
                    <List.Item key={c.customer_id}>
                      <Link to={`/customers/${c.customer_id}`}>
                        {c.customer_name ?? `#${c.customer_id}`}
                      </Link>
                    </List.Item>
                  )}
                />
              ),
            }))}
          />
        )}
      </Card>
    </Space>
  );
}
