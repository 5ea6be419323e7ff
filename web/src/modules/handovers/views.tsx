import {
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  List,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Handover, HandoverCounts, HandoverItem, HandoverSuccessor } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { groupItems, HANDOVER_KINDS, totalCount } from './order';

/**
 * How many of each kind move: one figure per kind, the kinds with nothing greyed; and the
 * leaving user's team seats that are removed instead, where the successor already covers
 * the account.
 */
export function KindCounts({
  counts,
  droppedSeats = 0,
}: {
  counts: HandoverCounts;
  droppedSeats?: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={[16, 16]} data-testid="handover-counts">
        {HANDOVER_KINDS.map((kind) => (
          <Col key={kind} xs={12} sm={8} lg={4}>
            <Statistic
              title={t(`handover.kind.${kind}`)}
              value={counts[kind]}
              valueStyle={counts[kind] === 0 ? { color: 'rgba(0, 0, 0, 0.35)' } : undefined}
              data-testid={`count-${kind}`}
            />
          </Col>
        ))}
      </Row>
      {droppedSeats > 0 && (
        <Typography.Paragraph
          type="secondary"
          style={{ marginTop: 12, marginBottom: 0 }}
          data-testid="dropped-seats"
        >
          {t('handover.droppedSeats', { count: droppedSeats })}
        </Typography.Paragraph>
      )}
    </>
  );
}

/** Each successor with what they receive, by kind. */
export function SuccessorTable({
  successors,
  showRole = false,
}: {
  successors: readonly HandoverSuccessor[];
  showRole?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Table<HandoverSuccessor>
      rowKey="user_id"
      size="small"
      dataSource={[...successors]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="successor-counts"
      locale={{ emptyText: <Empty description={t('handover.noSuccessors')} /> }}
      columns={[
        {
          key: 'successor',
          title: t('handover.successor'),
          render: (_, s) => (
            <Space size={4} data-testid={`successor-${s.user_id}`}>
              <Typography.Text strong>{s.display_name}</Typography.Text>
              {showRole && s.role && <Tag>{t(`role.${s.role}`, { defaultValue: s.role })}</Tag>}
            </Space>
          ),
        },
        ...HANDOVER_KINDS.map((kind) => ({
          key: kind,
          title: t(`handover.kind.${kind}`),
          align: 'right' as const,
          render: (_: unknown, s: HandoverSuccessor) => s.counts[kind] || '—',
        })),
        {
          key: 'total',
          title: t('handover.total'),
          align: 'right' as const,
          render: (_: unknown, s: HandoverSuccessor) => (
            <Typography.Text strong>{totalCount(s.counts)}</Typography.Text>
          ),
        },
      ]}
    />
  );
}

/** Where a moved thing is seen: its dossier (at the contact records for work), its request. */
function ItemLink({ item }: { item: HandoverItem }) {
  const { t } = useTranslation();
  const customer = item.customer_name ?? (item.customer_id ? `#${item.customer_id}` : null);
  switch (item.kind) {
    case 'customer':
    case 'team_seat':
      return <Link to={`/customers/${item.entity_id}`}>{customer ?? `#${item.entity_id}`}</Link>;
    case 'next_step':
    case 'request':
      return item.customer_id ? (
        <Link to={`/customers/${item.customer_id}?tab=interactions`}>{customer}</Link>
      ) : (
        <span>{t('handover.itemNumber', { id: item.entity_id })}</span>
      );
    case 'nomination':
      return (
        <Link to={`/nominations/${item.entity_id}`}>
          {customer
            ? t('handover.nominationOf', { customer })
            : t('nomination.number', { id: item.entity_id })}
        </Link>
      );
    case 'visit_plan':
      return item.customer_id ? (
        <Link to={`/customers/${item.customer_id}?tab=visits`}>{customer}</Link>
      ) : (
        <span>{t('handover.itemNumber', { id: item.entity_id })}</span>
      );
    case 'notification':
      return (
        <span>
          {customer
            ? t('handover.notificationAbout', { customer })
            : t('handover.itemNumber', { id: item.entity_id })}
        </span>
      );
  }
}

/** Every moved thing, by kind and then by successor. */
export function ItemGroups({ items }: { items: readonly HandoverItem[] }) {
  const { t } = useTranslation();
  const groups = groupItems(items);
  if (groups.length === 0) return <Empty description={t('handover.noItems')} />;
  return (
    <Collapse
      data-testid="handover-items"
      defaultActiveKey={groups[0] ? [groups[0].kind] : []}
      items={groups.map((g) => ({
        key: g.kind,
        label: (
          <Space>
            {t(`handover.kind.${g.kind}`)}
            <Tag>{g.successors.reduce((n, s) => n + s.items.length, 0)}</Tag>
          </Space>
        ),
        children: (
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            {g.successors.map((s) => (
              <div key={s.userId} data-testid={`items-${g.kind}-${s.userId}`}>
                <Typography.Text strong>
                  {t('handover.toSuccessor', { name: s.name, count: s.items.length })}
                </Typography.Text>
                <List<HandoverItem>
                  size="small"
                  dataSource={s.items}
                  renderItem={(item) => (
                    <List.Item key={`${item.kind}-${item.entity_id}`}>
                      <Space size={8}>
                        <ItemLink item={item} />
                        {item.dropped && (
                          <Tag data-testid={`dropped-${item.entity_id}`}>
                            {t('handover.seatDropped')}
                          </Tag>
                        )}
                      </Space>
                    </List.Item>
                  )}
                />
              </div>
            ))}
          </Space>
        ),
      }))}
    />
  );
}

/** A recorded handover: who left, who did it and when, what moved to whom, every item. */
export function HandoverDetail({ handover: h }: { handover: Handover }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="handover-detail">
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('handover.field.from')}>
            <Typography.Text strong data-testid="handover-from">
              {h.from_user_name}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('handover.field.at')}>
            {formatDateTime(h.at)}
          </Descriptions.Item>
          <Descriptions.Item label={t('handover.field.actor')}>{h.actor_name}</Descriptions.Item>
          <Descriptions.Item label={t('handover.field.mode')}>
            {t(`handover.mode.${h.mode}`)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('handover.whatMoved')}>
        <KindCounts counts={h.counts} droppedSeats={h.dropped_team_seats} />
      </Card>
      <Card title={t('handover.bySuccessor')}>
        <SuccessorTable successors={h.successors} />
      </Card>
      <Card
        title={t('handover.items')}
        extra={<Link to={`/handovers/decay?handover_id=${h.id}`}>{t('handover.decayOfThis')}</Link>}
      >
        <ItemGroups items={h.items ?? []} />
      </Card>
    </Space>
  );
}
