import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { businessToday } from '../modules/interactions/nextStep';
import { REVIEW_STATES, useReviewSummary, type ReviewState } from '../modules/weeklyReview/api';
import { ReviewQueue } from '../modules/weeklyReview/ReviewQueue';
import { ReviewSummaryTable } from '../modules/weeklyReview/ReviewSummaryTable';
import { ErrorState } from '../ui/ErrorState';
import { PeriodNav } from '../ui/PeriodNav';
import { addDays, isDay, isoWeek, weekStart } from '../ui/week';

/**
 * The weekly review (周检查) for directors and administrators: the week per team member, then
 * a member's (or everyone's) queue of contact records and visit plans to review — marked
 * reviewed together, with an undo — and a comment thread per item. What was not reviewed
 * stays in the queue in the weeks after. Week, member and state live in the URL
 * (`?week=2026-11-23&user=12&state=all`).
 */
export default function WeeklyReviewPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = businessToday();
  const monday = weekStart(isDay(params.get('week')) ? (params.get('week') as string) : today);
  const userParam = Number(params.get('user'));
  const userId = Number.isInteger(userParam) && userParam > 0 ? userParam : undefined;
  const state: ReviewState = REVIEW_STATES.find((s) => s === params.get('state')) ?? 'unreviewed';
  const summary = useReviewSummary(monday);
  const week = summary.data?.week ?? isoWeek(monday);
  const member = summary.data?.users.find((u) => u.user_id === userId);

  const update = (next: { week?: string; user?: number | null; state?: ReviewState }) => {
    const merged = new URLSearchParams(params);
    const set = (key: string, value: string | null) =>
      value === null ? merged.delete(key) : merged.set(key, value);
    if (next.week !== undefined) set('week', next.week === weekStart(today) ? null : next.week);
    if (next.user !== undefined) set('user', next.user === null ? null : String(next.user));
    if (next.state !== undefined) set('state', next.state === 'unreviewed' ? null : next.state);
    setParams(merged, { replace: true });
  };

  return (
    <PageContainer
      title={t('weeklyReview.menu')}
      content={<Typography.Text type="secondary">{t('weeklyReview.hint')}</Typography.Text>}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={
            <PeriodNav
              label={t('calendar.weekLabel', {
                week,
                from: summary.data?.from ?? monday,
                to: summary.data?.to ?? addDays(monday, 6),
              })}
              previousLabel={t('calendar.previousWeek')}
              nextLabel={t('calendar.nextWeek')}
              currentLabel={t('calendar.thisWeek')}
              isCurrent={monday === weekStart(today)}
              onPrevious={() => update({ week: addDays(monday, -7) })}
              onNext={() => update({ week: addDays(monday, 7) })}
              onCurrent={() => update({ week: weekStart(today) })}
              data-testid="review-period"
            />
          }
        >
          {summary.isError && !summary.data ? (
            <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
          ) : (
            <ReviewSummaryTable
              users={summary.data?.users ?? []}
              loading={summary.isFetching}
              selected={userId}
              onSelect={(id) => update({ user: id ?? null })}
            />
          )}
        </Card>
        <Card
          title={
            <span data-testid="review-queue-title">
              {t('weeklyReview.queueOf', {
                who: userId ? (member?.user_name ?? `#${userId}`) : t('weeklyReview.everyone'),
              })}
            </span>
          }
          extra={
            userId !== undefined && (
              <Button onClick={() => update({ user: null })} data-testid="review-everyone">
                {t('weeklyReview.showEveryone')}
              </Button>
            )
          }
        >
          <ReviewQueue
            query={{ week: monday, user_id: userId, state }}
            week={week}
            today={today}
            onStateChange={(s) => update({ state: s })}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
