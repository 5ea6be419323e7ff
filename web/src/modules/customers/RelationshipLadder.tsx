import { Card, Col, Row, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import { LOYALTY_LEVELS, RELATIONSHIP_STAGES } from './fields';

/** One ladder, lowest rung first, with the customer's rung marked; "not assessed" without one. */
function Ladder({
  field,
  rungs,
  value,
}: {
  field: 'relationship_stage' | 'loyalty';
  rungs: readonly string[];
  value: string | null;
}) {
  const { t } = useTranslation();
  const at = value ? rungs.indexOf(value) : -1;
  return (
    <div data-testid={`ladder-${field}`}>
      <Typography.Text strong>{t(`customer.field.${field}`)}</Typography.Text>
      {at < 0 && (
        <Typography.Text type="secondary">{` · ${t('customer.notAssessed')}`}</Typography.Text>
      )}
      <Steps
        size="small"
        progressDot
        current={at}
        status={at < 0 ? 'wait' : 'process'}
        style={{ marginTop: 12 }}
        items={rungs.map((r) => ({ title: t(`customer.${field}.${r}`) }))}
      />
    </div>
  );
}

/** Where the relationship stands: the relationship ladder and the loyalty pyramid. */
export function RelationshipLadder({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  return (
    <Card title={t('customer.relationship')}>
      <Row gutter={[24, 24]}>
        <Col span={24}>
          <Ladder
            field="relationship_stage"
            rungs={RELATIONSHIP_STAGES}
            value={customer.relationship_stage}
          />
        </Col>
        <Col span={24}>
          <Ladder field="loyalty" rungs={LOYALTY_LEVELS} value={customer.loyalty} />
        </Col>
      </Row>
    </Card>
  );
}
