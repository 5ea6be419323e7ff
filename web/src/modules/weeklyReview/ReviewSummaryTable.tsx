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

type Figure = {
  key: keyof Pick<
    ReviewUserWeek,
    | 'records'
    | 'visits_planned'
    | 'visits_completed'
    | 'visits_missed'
    | 'visits_cancelled'
    | 'unreviewed'
    | 'unreviewed_earlier'
  >;
  title: string;
  /** What is late or waiting: red when not zero. */
  strong?: boolean;
};

/**
 * The week per team member: contact records, visits planned and what became of them, and
 * what is still unreviewed (this week and earlier), with the team's total below. A member's
 * name opens their queue.
 */
export function ReviewSummaryTable({ users, loading, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const figure = ({ key, title, strong }: Figure) => ({
    key,
    title,
    align: 'right' as const,
    render: (_: unknown, u: ReviewUserWeek) => <Count n={u[key]} strong={strong} />,
  });
  const records: Figure = { key: 'records', title: t('weeklyReview.col.records') };
  const visits: Figure[] = [
    { key: 'visits_planned', title: t('weeklyReview.col.planned') },
    { key: 'visits_completed', title: t('visitPlan.status.completed') },
    { key: 'visits_missed', title: t('visitPlan.status.missed'), strong: true },
    { key: 'visits_cancelled', title: t('visitPlan.status.cancelled') },
  ];
  const unreviewed: Figure[] = [
    { key: 'unreviewed', title: t('weeklyReview.col.thisWeek'), strong: true },
    { key: 'unreviewed_earlier', title: t('weeklyReview.col.earlier'), strong: true },
  ];
  const figures = [records, ...visits, ...unreviewed];

  return (
    <Table<ReviewUserWeek>
      rowKey="user_id"
      size="small"
      bordered
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
        figure(records),
        { key: 'visits', title: t('weeklyReview.col.visits'), children: visits.map(figure) },
        {
          key: 'unreviewed',
          title: t('weeklyReview.col.unreviewed'),
          children: unreviewed.map(figure),
        },
      ]}
      summary={(rows) =>
        rows.length > 0 && (
          <Table.Summary fixed>
            <Table.Summary.Row data-testid="review-team-total">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('weeklyReview.teamTotal')}</Typography.Text>
              </Table.Summary.Cell>
              {figures.map((f, i) => (
                <Table.Summary.Cell key={f.key} index={i + 1} align="right">
                  <Count n={rows.reduce((sum, u) => sum + u[f.key], 0)} strong={f.strong} />
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )
      }
    />
  );
}
