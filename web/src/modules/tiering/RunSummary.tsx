import { Col, Empty, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TieringRun } from '../../api/types';
import { DistributionChart } from './DistributionChart';
import { MoversTable } from './MoversTable';

const COUNTS = ['changes', 'assigned', 'upgrades', 'downgrades', 'revoked'] as const;
const COUNT_COLORS: Partial<Record<(typeof COUNTS)[number], string>> = {
  upgrades: '#389e0d',
  downgrades: '#d46b08',
  revoked: '#cf1322',
};

/** What a run found or did: the counts by kind, the distribution chart and the movers. */
export function RunSummary({ run, testId }: { run: TieringRun; testId: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('tiering.preview.window', {
          asOf: run.as_of,
          month: run.window_end_month,
          customers: run.customers,
        })}
      </Typography.Paragraph>
      <Row gutter={[16, 8]} style={{ marginBottom: 8 }}>
        {COUNTS.map((key) => (
          <Col key={key} xs={12} sm={8} md={4} flex="auto">
            <Statistic
              title={t(`tiering.preview.${key}`)}
              value={run[key]}
              valueStyle={{ color: COUNT_COLORS[key], fontSize: 22 }}
              data-testid={`${testId}-${key}`}
            />
          </Col>
        ))}
      </Row>
      {run.pinned_kept > 0 && (
        <Typography.Paragraph type="secondary">
          {t('tiering.preview.pinnedKept', { count: run.pinned_kept })}
        </Typography.Paragraph>
      )}
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('tiering.preview.chartTitle')}
      </Typography.Title>
      <DistributionChart distribution={run.distribution} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('tiering.preview.movers')}
        {run.movers.length < run.changes && (
          <Typography.Text
            type="secondary"
            style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 8 }}
          >
            {t('tiering.preview.moversShown', { shown: run.movers.length, total: run.changes })}
          </Typography.Text>
        )}
      </Typography.Title>
      {run.changes === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tiering.preview.noMovers')} />
      ) : (
        <MoversTable movers={run.movers} />
      )}
    </div>
  );
}
