import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentSession } from '../app/sessionContext';
import { businessToday } from '../modules/interactions/nextStep';
import { UserSelect } from '../modules/users/UserSelect';
import { useVisitPlans } from '../modules/visitPlans/api';
import type { VisitDialog } from '../modules/visitPlans/dialogs';
import { VisitDialogs } from '../modules/visitPlans/VisitDialogs';
import { VisitMonth } from '../modules/visitPlans/VisitMonth';
import { VisitWeek } from '../modules/visitPlans/VisitWeek';
import { ErrorState } from '../ui/ErrorState';
import { PeriodNav } from '../ui/PeriodNav';
import {
  addDays,
  addMonths,
  isDay,
  isoWeek,
  monthStart,
  monthWeeks,
  weekDays,
  weekStart,
} from '../ui/week';

type View = 'week' | 'month';

/**
 * Visit plans (拜访计划): a week (Monday to Sunday, China time) or a month of the caller's
 * plans — or, for directors and administrators, a team member's — with their status; plan a
 * visit on a day, reschedule, cancel or complete one. The week, the view and the member live
 * in the URL (`?day=2026-11-24&view=month&owner=12`).
 */
export default function VisitPlansPage() {
  const { t } = useTranslation();
  const { user: me, access } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<VisitDialog | null>(null);
  const today = businessToday();
  const view: View = params.get('view') === 'month' ? 'month' : 'week';
  const day = isDay(params.get('day')) ? (params.get('day') as string) : today;
  const canPickMember = access.can('review.manage') && access.can('user.read');
  const ownerParam = Number(params.get('owner'));
  const ownerId =
    canPickMember && Number.isInteger(ownerParam) && ownerParam > 0 ? ownerParam : me.id;
  const [ownerName, setOwnerName] = useState<string | null>(null);

  const days = weekDays(day);
  const grid = monthWeeks(day);
  const from = view === 'week' ? (days[0] ?? day) : (grid[0]?.[0] ?? day);
  const to = view === 'week' ? (days[6] ?? day) : (grid.at(-1)?.[6] ?? day);
  const plans = useVisitPlans({ owner_id: ownerId, from, to });

  const update = (next: { day?: string; view?: View; owner?: number | null }) => {
    const merged = new URLSearchParams(params);
    const set = (key: string, value: string | null) =>
      value === null ? merged.delete(key) : merged.set(key, value);
    if (next.day !== undefined) set('day', next.day === today ? null : next.day);
    if (next.view !== undefined) set('view', next.view === 'week' ? null : next.view);
    if (next.owner !== undefined)
      set('owner', next.owner === null || next.owner === me.id ? null : String(next.owner));
    setParams(merged, { replace: true });
  };

  const step = (n: number) =>
    update({ day: view === 'week' ? addDays(weekStart(day), 7 * n) : addMonths(day, n) });
  const isCurrent =
    view === 'week' ? weekStart(day) === weekStart(today) : monthStart(day) === monthStart(today);
  const label =
    view === 'week'
      ? t('calendar.weekLabel', { week: isoWeek(day), from, to })
      : t('calendar.monthLabel', { month: day.slice(0, 7) });

  const mine = ownerId === me.id;
  const owner = mine ? undefined : { id: ownerId, name: ownerName };
  const items = plans.data ?? [];
  const canPlan = access.can('interaction.write');

  return (
    <PageContainer
      title={t('visitPlan.menu')}
      content={<Typography.Text type="secondary">{t('visitPlan.hint')}</Typography.Text>}
      extra={
        canPlan && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'plan', owner })}
            data-testid="plan-visit"
          >
            {t('visitPlan.plan')}
          </Button>
        )
      }
    >
      <Card>
        <div className="kams-toolbar" style={{ marginBottom: 16, alignItems: 'center' }}>
          <PeriodNav
            label={label}
            previousLabel={t(view === 'week' ? 'calendar.previousWeek' : 'calendar.previousMonth')}
            nextLabel={t(view === 'week' ? 'calendar.nextWeek' : 'calendar.nextMonth')}
            currentLabel={t(view === 'week' ? 'calendar.thisWeek' : 'calendar.thisMonth')}
            isCurrent={isCurrent}
            onPrevious={() => step(-1)}
            onNext={() => step(1)}
            onCurrent={() => update({ day: today })}
            data-testid="visit-period"
          />
          <Segmented<View>
            value={view}
            onChange={(v) => update({ view: v })}
            options={[
              { value: 'week', label: t('calendar.week') },
              { value: 'month', label: t('calendar.month') },
            ]}
            data-testid="visit-view"
          />
          {canPickMember && (
            <div style={{ width: 240 }}>
              <UserSelect
                value={mine ? null : ownerId}
                onChange={(id) => update({ owner: id })}
                onPick={(u) => setOwnerName(u.display_name)}
                filters={{ active: true }}
                placeholder={t('visitPlan.mine', { name: me.display_name })}
                valueLabel={ownerName ?? items.find((p) => p.owner_id === ownerId)?.owner_name}
                data-testid="visit-owner"
              />
            </div>
          )}
        </div>
        {plans.isError && !plans.data ? (
          <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
        ) : (
          <Spin spinning={plans.isFetching} delay={200}>
            {plans.isSuccess && items.length === 0 && (
              <Alert
                type="info"
                showIcon
                icon={<CalendarOutlined />}
                message={t(view === 'week' ? 'visitPlan.noneThisWeek' : 'visitPlan.noneThisMonth')}
                style={{ marginBottom: 12 }}
                data-testid="visit-none"
              />
            )}
            {view === 'week' ? (
              <VisitWeek
                days={days}
                today={today}
                plans={items}
                canPlan={canPlan}
                onOpen={(d) => setDialog(d.kind === 'plan' ? { ...d, owner } : d)}
              />
            ) : (
              <VisitMonth
                day={day}
                today={today}
                plans={items}
                onPickDay={(d) => update({ day: d, view: 'week' })}
              />
            )}
          </Spin>
        )}
      </Card>
      <VisitDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </PageContainer>
  );
}
