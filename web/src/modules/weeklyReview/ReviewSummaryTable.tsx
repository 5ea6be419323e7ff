import { Button, Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReviewUserWeek } from '../../api/types';

type Props = {
  users: readonly ReviewUserWeek[];
  loading: boolean;
  /** The member whose queue is shown; undefined for everyone. */
  selected?: number;
  onSelect: (userId: number | undefined) => void;
};

function Count({ n, strong }: { n: number; strong?: boolean }) {
  return n === 0 ? (
    <Typography.Text type="secondary">0</Typography.Text>
  ) : (
    <Typography.Text strong={strong} type={strong ? 'danger' : undefined}>
      {n}
    </Typography.Text>
  );
}

/**
 * The week per team member: contact records, visits planned and what became of them, and
 * what is still unreviewed (this week and earlier). A member's name opens their queue.
 */
export function ReviewSummaryTable({ users, loading, selected, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <Table<ReviewUserWeek>
      rowKey="user_id"
      size="small"
      loading={loading}
      dataSource={[...users]}
      pagination={false}
      // A large team scrolls inside the table, so the queue below stays in view.
      scroll={{ x: 'max-content', y: 320 }}
      data-testid="review-summary"
      onRow={(u) => ({
        style: u.user_id === selected ? { background: '#e6f4ff' } : undefined,
        'data-testid': `review-member-${u.user_id}`,
      })}
      locale={{ emptyText: <Empty description={t('weeklyReview.noMembers')} /> }}
      columns={[
        {
          key: 'member',
          title: t('weeklyReview.col.member'),
          render: (_, u) => (
            <Space size={8} wrap>
              <Button
                type="link"
                size="small"
                style={{ padding: 0, fontWeight: u.user_id === selected ? 600 : undefined }}
                aria-pressed={u.user_id === selected}
                onClick={() => onSelect(u.user_id === selected ? undefined : u.user_id)}
                data-testid={`review-pick-${u.user_id}`}
              >
                {u.user_name}
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`role.${u.role}`, { defaultValue: u.role })}
              </Typography.Text>
            </Space>
          ),
        },
        {
          key: 'records',
          title: t('weeklyReview.col.records'),
          align: 'right',
          render: (_, u) => <Count n={u.records} />,
        },
        {
          key: 'planned',
          title: t('weeklyReview.col.planned'),
          align: 'right',
          render: (_, u) => <Count n={u.visits_planned} />,
        },
        {
          key: 'completed',
          title: t('visitPlan.status.completed'),
          align: 'right',
          render: (_, u) => <Count n={u.visits_completed} />,
        },
        {
          key: 'missed',
          title: t('visitPlan.status.missed'),
          align: 'right',
          render: (_, u) => <Count n={u.visits_missed} strong />,
        },
        {
          key: 'cancelled',
          title: t('visitPlan.status.cancelled'),
          align: 'right',
          render: (_, u) => <Count n={u.visits_cancelled} />,
        },
        {
          key: 'unreviewed',
          title: t('weeklyReview.col.unreviewed'),
          align: 'right',
          render: (_, u) => <Count n={u.unreviewed} strong />,
        },
        {
          key: 'earlier',
          title: t('weeklyReview.col.earlier'),
          align: 'right',
          render: (_, u) => <Count n={u.unreviewed_earlier} strong />,
        },
      ]}
    />
  );
}
