import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitPlan } from '../../api/types';
import { monthWeeks } from '../../ui/week';
import { plansByDay } from './rules';
import { STATUS_DOT_COLORS } from './statusColors';

type Props = {
  /** Any day of the month shown. */
  day: string;
  today: string;
  plans: readonly VisitPlan[];
  /** Opens the week of a day. */
  onPickDay: (day: string) => void;
};

const SHOWN_PER_DAY = 3;

/**
 * A month of visit plans, Monday to Sunday: each day its first three plans (time, customer,
 * a dot in the status's colour, the status named for screen readers) and how many more.
 * A day opens its week.
 */
export function VisitMonth({ day, today, plans, onPickDay }: Props) {
  const { t, i18n } = useTranslation();
  const weeks = monthWeeks(day);
  const month = day.slice(0, 7);
  const byDay = plansByDay(plans);
  const weekdays = (weeks[0] ?? []).map((d) =>
    new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }).format(
      new Date(`${d}T00:00:00Z`),
    ),
  );

  return (
    <div data-testid="visit-month" style={{ overflowX: 'auto' }}>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(7, minmax(96px, 1fr))',
          gap: 4,
          minWidth: 700,
        }}
      >
        {weekdays.map((w) => (
          <Typography.Text key={w} type="secondary" style={{ textAlign: 'center' }}>
            {w}
          </Typography.Text>
        ))}
        {weeks.flat().map((d) => {
          const dayPlans = byDay.get(d) ?? [];
          const inMonth = d.startsWith(month);
          const isToday = d === today;
          return (
            <button
              key={d}
              type="button"
              onClick={() => onPickDay(d)}
              aria-label={t('visitPlan.openWeekOf', { day: d, count: dayPlans.length })}
              data-testid={`month-day-${d}`}
              style={{
                all: 'unset',
                boxSizing: 'border-box',
                cursor: 'pointer',
                minHeight: 96,
                padding: 6,
                borderRadius: 6,
                border: `1px solid ${isToday ? '#91caff' : '#f0f0f0'}`,
                background: isToday ? '#e6f4ff' : inMonth ? '#fff' : '#fafafa',
                opacity: inMonth ? 1 : 0.6,
                display: 'flex',
                flexDirection: 'column',
                gap: 2,
                overflow: 'hidden',
              }}
              className="kams-month-day"
            >
              <Typography.Text strong={isToday}>{Number(d.slice(8))}</Typography.Text>
              {dayPlans.slice(0, SHOWN_PER_DAY).map((p) => (
                <span
                  key={p.id}
                  style={{
                    fontSize: 12,
                    whiteSpace: 'nowrap',
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    textDecoration: p.status === 'cancelled' ? 'line-through' : undefined,
                  }}
                >
                  <span
                    aria-hidden
                    style={{
                      display: 'inline-block',
                      width: 6,
                      height: 6,
                      borderRadius: 3,
                      marginInlineEnd: 4,
                      background: STATUS_DOT_COLORS[p.status],
                    }}
                  />
                  {`${p.start_time ?? ''} ${p.customer_name}`.trim()}
                  <span className="kams-visually-hidden">{` (${t(`visitPlan.status.${p.status}`)})`}</span>
                </span>
              ))}
              {dayPlans.length > SHOWN_PER_DAY && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('visitPlan.more', { count: dayPlans.length - SHOWN_PER_DAY })}
                </Typography.Text>
              )}
            </button>
          );
        })}
      </div>
    </div>
  );
}
