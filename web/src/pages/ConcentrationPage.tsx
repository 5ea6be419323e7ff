import { PageContainer } from '@ant-design/pro-components';
import { Card, Col, Empty, Row, Space, Spin, Statistic, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Concentration } from '../api/types';
import { useConcentration } from '../modules/analytics/api';
import { formatPercentOf } from '../modules/analytics/pareto';
import { ParetoChart } from '../modules/analytics/ParetoChart';
import {
  lastWholeMonth,
  parsePeriod,
  periodParams,
  todayInChina,
  type Period,
} from '../modules/analytics/period';
import { spanText } from '../modules/analytics/spanText';
import { PeriodPicker } from '../modules/analytics/PeriodPicker';
import { TopCustomersTable } from '../modules/analytics/TopCustomersTable';
import { TopSharesTable } from '../modules/analytics/TopSharesTable';
import { formatFen } from '../modules/customers/money';
import { ErrorState } from '../ui/ErrorState';
import { PageLoading } from '../ui/PageLoading';

function formatTotal(c: Concentration): string {
  return c.metric === 'orders' ? c.total.toLocaleString() : formatFen(c.total);
}

/** The figures, the Pareto chart and the largest customers' shares for one period. */
function Figures({ concentration: c, period }: { concentration: Concentration; period: Period }) {
  const { t } = useTranslation();
  const metric = t(`concentration.metricNoun.${c.metric}`);
  const span = spanText(t, period);
  if (c.customers === 0) {
    return (
      <Card>
        <Empty
          data-testid="concentration-empty"
          description={t('concentration.empty', { metric, span })}
        />
      </Card>
    );
  }
  const percent = formatPercentOf(c.customers_for_80_percent, c.customers);
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              title={
                <Space size={4}>
                  {t('concentration.stat.customers')}
                  <Tooltip title={t('concentration.stat.customersHint', { metric })}>
                    <QuestionCircleOutlined />
                  </Tooltip>
                </Space>
              }
              value={c.customers.toLocaleString()}
              data-testid="stat-customers"
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              title={t('concentration.stat.total', { metric })}
              value={formatTotal(c)}
              data-testid="stat-total"
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              title={t('concentration.stat.for80')}
              value={c.customers_for_80_percent.toLocaleString()}
              suffix={
                <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                  {t('concentration.stat.ofCustomers', { percent })}
                </Typography.Text>
              }
              data-testid="stat-for80"
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('concentration.chartTitle')}>
        <Typography.Paragraph data-testid="concentration-summary">
          {t('concentration.summary', {
            count: c.customers_for_80_percent,
            percent,
            metric,
            span,
          })}
        </Typography.Paragraph>
        <ParetoChart concentration={c} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('concentration.top.title')}>
            <TopSharesTable concentration={c} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('concentration.topCustomers.title')}>
            <TopCustomersTable concentration={c} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}

/**
 * Revenue concentration (GET /analytics/concentration): over the customers the user sees,
 * how few of the largest make most of the total, in a period chosen on the page and kept in
 * the URL.
 */
export default function ConcentrationPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [today] = useState(todayInChina);
  const period = parsePeriod(params, today);
  const result = useConcentration(period);

  return (
    <PageContainer title={t('menu.concentration')} content={t('concentration.intro')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <PeriodPicker
            period={period}
            latest={lastWholeMonth(today)}
            onChange={(next) => setParams(periodParams(next, today), { replace: true })}
          />
        </Card>
        {result.isError && !result.data ? (
          <ErrorState error={result.error} onRetry={() => void result.refetch()} />
        ) : !result.data ? (
          <PageLoading />
        ) : (
          <Spin spinning={result.isPlaceholderData}>
            <Figures concentration={result.data} period={period} />
          </Spin>
        )}
      </Space>
    </PageContainer>
  );
}
