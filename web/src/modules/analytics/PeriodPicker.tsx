import { DatePicker, Segmented, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ConcentrationMetric } from '../../api/types';
import { METRICS, WINDOW_CHOICES, type Month, type Period } from './period';
import { spanText } from './spanText';

type Props = {
  period: Period;
  /** The latest month that is over (months after it cannot be chosen). */
  latest: Month;
  onChange: (period: Period) => void;
};

/** The metric, the window's length in whole months and the month it ends with. */
export function PeriodPicker({ period, latest, onChange }: Props) {
  const { t } = useTranslation();
  const windows: number[] = WINDOW_CHOICES.includes(
    period.months as (typeof WINDOW_CHOICES)[number],
  )
    ? [...WINDOW_CHOICES]
    : [...WINDOW_CHOICES, period.months].sort((a, b) => a - b);
  const latestDay = dayjs(`${latest}-01`);
  return (
    <div className="kams-toolbar" style={{ alignItems: 'center' }} data-testid="period-picker">
      <Segmented<ConcentrationMetric>
        aria-label={t('tiering.field.metric')}
        value={period.metric}
        onChange={(metric) => onChange({ ...period, metric })}
        options={METRICS.map((m) => ({ value: m, label: t(`tiering.metric.${m}`) }))}
        data-testid="period-metric"
      />
      <Space size={4}>
        <Typography.Text type="secondary">{t('concentration.window')}</Typography.Text>
        <Select<number>
          aria-label={t('concentration.window')}
          value={period.months}
          onChange={(months) => onChange({ ...period, months })}
          options={windows.map((n) => ({
            value: n,
            label: t('concentration.months', { count: n }),
          }))}
          style={{ width: 120 }}
          data-testid="period-months"
        />
      </Space>
      <Space size={4}>
        <Typography.Text type="secondary">{t('concentration.endingWith')}</Typography.Text>
        <DatePicker
          picker="month"
          aria-label={t('concentration.endingWith')}
          value={dayjs(`${period.end}-01`)}
          format="YYYY-MM"
          allowClear={false}
          disabledDate={(d) => d.isAfter(latestDay, 'month')}
          onChange={(d) => d && onChange({ ...period, end: d.format('YYYY-MM') })}
          data-testid="period-end"
        />
      </Space>
      <Typography.Text type="secondary" data-testid="period-text">
        {spanText(t, period)}
      </Typography.Text>
    </div>
  );
}
