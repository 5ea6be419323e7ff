import { EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Col, Descriptions, Result, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { useCurrentSession } from '../app/sessionContext';
import { useNomination, type Decision } from '../modules/nominations/api';
import { DecisionButtons } from '../modules/nominations/DecisionButtons';
import { DecisionModal } from '../modules/nominations/DecisionModal';
import { RequestModal, type RequestMode } from '../modules/nominations/RequestModal';
import { nominationActions } from '../modules/nominations/rules';
import { StepsTimeline } from '../modules/nominations/StepsTimeline';
import { Metrics, NominationStatusTag, Proposal, WaitingFor } from '../modules/nominations/tags';
import { ErrorState } from '../ui/ErrorState';
import { formatDateTime } from '../ui/format';
import { PageLoading } from '../ui/PageLoading';

/** One request: what is asked and why, the figures, every step, and what I may do now. */
export default function NominationPage() {
  const { t } = useTranslation();
  const { user } = useCurrentSession();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const nomination = useNomination(valid ? id : null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [editing, setEditing] = useState<RequestMode | null>(null);

  if (!valid || (isApiError(nomination.error) && nomination.error.status === 404)) {
    return <Result status="404" title="404" subTitle={t('nomination.notFound')} />;
  }
  if (nomination.isPending) return <PageLoading />;
  if (!nomination.data) {
    return <ErrorState error={nomination.error} onRetry={() => void nomination.refetch()} />;
  }
  const n = nomination.data;
  const can = nominationActions(n, user);

  return (
    <PageContainer
      title={
        <span data-testid="nomination-title">
          {t(`nomination.kind.${n.kind}`)} · {n.customer_name}
        </span>
      }
      tags={<NominationStatusTag status={n.status} />}
      onBack={() => window.history.back()}
      extra={
        <Space wrap>
          {can.decide && (
            <DecisionButtons nomination={n} onDecide={(_n, d) => setDecision(d)} size="middle" />
          )}
          {can.withdraw && (
            <Button icon={<RollbackOutlined />} onClick={() => setDecision('withdraw')}>
              {t('nomination.decide.withdraw')}
            </Button>
          )}
          {can.resubmit && (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() => setEditing({ mode: 'resubmit', nomination: n })}
              data-testid={`resubmit-${n.id}`}
            >
              {t('nomination.request.resubmit')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('nomination.request.title')}>
            <Descriptions column={1} size="small" bordered data-testid="nomination-detail">
              <Descriptions.Item label={t('nomination.field.customer')}>
                <Link to={`/customers/${n.customer_id}`}>{n.customer_name}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('nomination.field.proposal')}>
                <Proposal nomination={n} />
              </Descriptions.Item>
              {n.pinned_until && (
                <Descriptions.Item label={t('nomination.field.pinned_until')}>
                  {n.pinned_until}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('nomination.field.reason')}>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {n.reason}
                </Typography.Paragraph>
              </Descriptions.Item>
              <Descriptions.Item label={t('nomination.field.nominator')}>
                {n.nominator_name}
              </Descriptions.Item>
              <Descriptions.Item label={t('nomination.field.metrics')}>
                <Metrics nomination={n} inline />
              </Descriptions.Item>
              <Descriptions.Item label={t('nomination.field.status')}>
                <NominationStatusTag status={n.status} />
                {n.decided_at && (
                  <Typography.Text type="secondary">{formatDateTime(n.decided_at)}</Typography.Text>
                )}
              </Descriptions.Item>
              {n.status === 'pending' && (
                <Descriptions.Item label={t('nomination.field.waitingFor')}>
                  <WaitingFor nomination={n} />
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('nomination.field.submissions')}>
                {n.submissions}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('nomination.steps')}>
            <StepsTimeline nomination={n} />
          </Card>
        </Col>
      </Row>
      <DecisionModal nomination={n} decision={decision} onClose={() => setDecision(null)} />
      {editing && <RequestModal request={editing} onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}
