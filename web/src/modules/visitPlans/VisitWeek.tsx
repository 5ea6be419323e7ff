import { PlusOutlined } from '@ant-design/icons';
import { Button, Grid, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitPlan } from '../../api/types';
import type { VisitDialog } from './dialogs';
import { plansByDay } from './rules';
import { VisitPlanCard } from './VisitPlanCard';

type Props = {
  /** The seven days, Monday first. */
  days: readonly string[];
  today: string;
  plans: readonly VisitPlan[];
  /** A day to come (or today) offers "plan a visit on this day". */
  canPlan: boolean;
  onOpen: (dialog: VisitDialog) => void;
};

function weekdayName(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A week of visit plans, Monday to Sunday: seven columns on wide screens, a list on narrow. */
export function VisitWeek({ days, today, plans, canPlan, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const wide = Grid.useBreakpoint().lg ?? true;
  const byDay = plansByDay(plans);

  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: wide ? 'repeat(7, minmax(0, 1fr))' : '1fr',
        gap: 8,
      }}
      data-testid="visit-week"
    >
      {days.map((day) => {
        const isToday = day === today;
        const dayPlans = byDay.get(day) ?? [];
        return (
          <section
            key={day}
            aria-label={`${weekdayName(day, i18n.language)} ${day}`}
            data-testid={`day-${day}`}
            style={{
              background: isToday ? '#e6f4ff' : '#fafafa',
              border: `1px solid ${isToday ? '#91caff' : '#f0f0f0'}`,
              borderRadius: 8,
              padding: 8,
              minHeight: wide ? 220 : undefined,
              display: 'flex',
              flexDirection: 'column',
              gap: 6,
            }}
          >
            <div style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
              <Typography.Text strong={isToday} style={{ flex: 1 }}>
                {weekdayName(day, i18n.language)} {day.slice(5)}
                {isToday && ` · ${t('visitPlan.today')}`}
              </Typography.Text>
              {canPlan && day >= today && (
                <Tooltip title={t('visitPlan.planOn', { day })}>
                  <Button
                    size="small"
                    type="text"
                    icon={<PlusOutlined />}
                    aria-label={t('visitPlan.planOn', { day })}
                    onClick={() => onOpen({ kind: 'plan', day })}
                    data-testid={`plan-on-${day}`}
                  />
                </Tooltip>
              )}
            </div>
            {dayPlans.map((p) => (
              <VisitPlanCard key={p.id} plan={p} onOpen={onOpen} compact={wide} />
            ))}
          </section>
        );
      })}
    </div>
  );
}
