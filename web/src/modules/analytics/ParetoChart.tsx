import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Concentration } from '../../api/types';
import { EChart, type EChartOption } from '../../ui/EChart';
import { formatPercentOf, paretoChart, type ParetoBar } from './pareto';

const BAR_COLOR = '#1677ff';
const LINE_COLOR = '#fa8c16';
const MARK_COLOR = '#cf1322';

/**
 * The Pareto chart: bars for the customers' shares of the total, largest first (one per
 * customer, or one per 1% of them when there are more than 100), the cumulative share as a
 * line on its own axis, and the point where it reaches 80% marked.
 */
export function ParetoChart({ concentration: c }: { concentration: Concentration }) {
  const { t } = useTranslation();
  const option = useMemo<EChartOption>(() => {
    const chart = paretoChart(c);
    const perCustomer = chart.by === 'customer';
    const metric = t(`concentration.metricNoun.${c.metric}`);
    // Customers by rank, or the largest k% of them.
    const categories = chart.bars.map((b, i) => (perCustomer ? String(b.firstRank) : `${i + 1}%`));
    const marked = chart.bar80 === null ? undefined : chart.bars[chart.bar80];
    const markedCategory = chart.bar80 === null ? undefined : categories[chart.bar80];
    const ranks = (b: ParetoBar) =>
      b.firstRank === b.lastRank
        ? t('concentration.chart.rank', { rank: b.firstRank })
        : t('concentration.chart.ranks', { first: b.firstRank, last: b.lastRank });
    const percent = (bp: number) => Number((bp / 100).toFixed(2));

    return {
      // What a screen reader (and the browser tests) read: the figures that matter, in words.
      aria: {
        enabled: true,
        decal: { show: false },
        label: {
          description: t('concentration.chart.description', {
            customers: c.customers,
            count: c.customers_for_80_percent,
            percent: formatPercentOf(c.customers_for_80_percent, c.customers),
            metric,
          }),
        },
      },
      animationDuration: 300,
      legend: { top: 0 },
      // Room below the labels for the axis name (containLabel leaves names out).
      grid: { left: 8, right: 8, top: 40, bottom: 28, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params) => {
          const first = Array.isArray(params) ? params[0] : params;
          const bar = chart.bars[first?.dataIndex ?? -1];
          if (!bar) return '';
          return [
            ranks(bar),
            t('concentration.chart.shareValue', { value: `${percent(bar.shareBp)}%` }),
            t('concentration.chart.cumulativeValue', { value: `${percent(bar.cumulativeBp)}%` }),
          ].join('<br/>');
        },
      },
      xAxis: {
        type: 'category',
        data: categories,
        name: perCustomer
          ? t('concentration.chart.byCustomer', { metric })
          : t('concentration.chart.byPercentile', { metric }),
        nameLocation: 'middle',
        nameGap: 28,
        axisTick: { show: false },
      },
      yAxis: [
        {
          type: 'value',
          name: t('concentration.chart.share'),
          axisLabel: { formatter: '{value}%' },
        },
        {
          type: 'value',
          name: t('concentration.chart.cumulative'),
          min: 0,
          max: 100,
          interval: 20,
          axisLabel: { formatter: '{value}%' },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: perCustomer
            ? t('concentration.chart.shareOfCustomer')
            : t('concentration.chart.shareOfPercentile'),
          type: 'bar',
          data: chart.bars.map((b) => percent(b.shareBp)),
          itemStyle: { color: BAR_COLOR },
          barCategoryGap: perCustomer ? '20%' : '10%',
        },
        {
          name: t('concentration.chart.cumulative'),
          type: 'line',
          yAxisIndex: 1,
          data: chart.bars.map((b) => percent(b.cumulativeBp)),
          itemStyle: { color: LINE_COLOR },
          lineStyle: { width: 2 },
          showSymbol: perCustomer && chart.bars.length <= 30,
          smooth: false,
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: MARK_COLOR, type: 'dashed' },
            label: { color: MARK_COLOR },
            data: [
              { yAxis: 80, label: { formatter: '80%', position: 'insideEndTop' } },
              ...(markedCategory === undefined
                ? []
                : [{ xAxis: markedCategory, label: { show: false } }]),
            ],
          },
          markPoint:
            marked && markedCategory !== undefined
              ? {
                  symbol: 'circle',
                  symbolSize: 10,
                  itemStyle: { color: MARK_COLOR },
                  // Below and right of the point: above the bars, under the curve.
                  label: {
                    show: true,
                    position: [12, 10],
                    color: MARK_COLOR,
                    fontWeight: 'bold',
                    formatter: t('concentration.chart.marker', {
                      count: c.customers_for_80_percent,
                    }),
                  },
                  data: [{ name: '80%', coord: [markedCategory, percent(marked.cumulativeBp)] }],
                }
              : undefined,
        },
      ],
    };
  }, [c, t]);
  return <EChart option={option} height={360} data-testid="pareto-chart" />;
}
