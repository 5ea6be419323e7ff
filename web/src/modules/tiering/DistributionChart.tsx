import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TieringRun } from '../../api/types';
import { EChart, type EChartOption } from '../../ui/EChart';
import { tierLabel } from './labels';

type Props = { distribution: TieringRun['distribution'] };

/** Customers per tier before and after a run, side by side; "no tier" last. */
export function DistributionChart({ distribution }: Props) {
  const { t } = useTranslation();
  const option = useMemo<EChartOption>(() => {
    const categories = distribution.map((d) =>
      d.tier ? tierLabel(t, d.tier) : t('tiering.noTier'),
    );
    return {
      // The description a screen reader (and the browser tests) read: every figure in words.
      aria: { enabled: true, decal: { show: false } },
      animationDuration: 300,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('tiering.preview.before'),
          type: 'bar',
          data: distribution.map((d) => d.before),
          itemStyle: { color: '#bfbfbf' },
          label: { show: true, position: 'top' },
        },
        {
          name: t('tiering.preview.after'),
          type: 'bar',
          data: distribution.map((d) => d.after),
          itemStyle: { color: '#1677ff' },
          label: { show: true, position: 'top' },
        },
      ],
    };
  }, [distribution, t]);
  return <EChart option={option} height={260} data-testid="distribution-chart" />;
}
