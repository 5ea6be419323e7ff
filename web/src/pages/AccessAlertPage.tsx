import { CheckOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Result,
  Row,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import type { AccessAlert } from '../api/types';
import { errorMessage, formFieldErrors } from '../app/errors';
import { useAccessAlert, useAcknowledgeAlert } from '../modules/accessAlerts/api';
import { AlertStatusTag } from '../modules/accessAlerts/tags';
import { maxCharsRule, requiredRule } from '../modules/validation/formRules';
import { trimSpace } from '../modules/validation/rules';
import { ErrorState } from '../ui/ErrorState';
import { formatDateTime } from '../ui/format';
import { PageLoading } from '../ui/PageLoading';

type Customer = AccessAlert['top_customers'][number];
type AckValues = { comment: string };

const MAX_COMMENT = 2000;

/** Acknowledges an open alert: what was found or done, required. */
function AcknowledgeCard({ alert }: { alert: AccessAlert }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AckValues>();
  const acknowledge = useAcknowledgeAlert(alert.id);
  const [problem, setProblem] = useState<string | null>(null);

  const handleFinish = async ({ comment }: AckValues) => {
    setProblem(null);
    try {
      await acknowledge.mutateAsync(trimSpace(comment));
      void message.success(t('accessAlert.acknowledged'));
    } catch (e) {
      const fields = formFieldErrors(t, e, ['comment'] as const);
      if (fields.length) {
        form.setFields(fields);
        return;
      }
      // Someone acknowledged it meanwhile: the alert, read again, shows by whom and why.
      if (isApiError(e) && e.status === 409) {
        void message.warning(t('accessAlert.alreadyAcknowledged'));
        return;
      }
      setProblem(errorMessage(t, e));
    }
  };

  return (
    <Card title={t('accessAlert.acknowledge')} data-testid="acknowledge">
      {problem && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="acknowledge-problem"
          message={t('accessAlert.notAcknowledged')}
          description={problem}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<AckValues> form={form} layout="vertical" onFinish={(v) => void handleFinish(v)}>
        <Form.Item
          name="comment"
          label={t('accessAlert.field.comment')}
          extra={t('accessAlert.commentHint')}
          rules={[requiredRule(t), maxCharsRule(t, MAX_COMMENT)]}
        >
          <Input.TextArea
            rows={4}
            showCount
            maxLength={MAX_COMMENT}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.submit();
            }}
            data-testid="acknowledge-comment"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<CheckOutlined />}
          loading={acknowledge.isPending}
          data-testid="acknowledge-submit"
        >
          {t('accessAlert.acknowledge')}
        </Button>
      </Form>
    </Card>
  );
}

/** One bulk-access alert: who read how much and when, the customers read most, its state. */
export default function AccessAlertPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const alert = useAccessAlert(valid ? id : null);

  if (!valid || (isApiError(alert.error) && alert.error.status === 404)) {
    return <Result status="404" title="404" subTitle={t('accessAlert.notFound')} />;
  }
  if (alert.isPending) return <PageLoading />;
  if (!alert.data) {
    return <ErrorState error={alert.error} onRetry={() => void alert.refetch()} />;
  }
  const a = alert.data;
  return (
    <PageContainer
      title={
        <span data-testid="alert-title">{t('accessAlert.titleOf', { name: a.user_name })}</span>
      }
      tags={<AlertStatusTag status={a.status} />}
      onBack={() => window.history.back()}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('accessAlert.what')}>
            <Descriptions column={1} size="small" bordered data-testid="alert-detail">
              <Descriptions.Item label={t('accessAlert.field.user')}>
                {a.user_name} ({a.username}) · {t(`role.${a.role}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('accessAlert.field.customers')}>
                {t('accessAlert.customersOver', { count: a.customers, threshold: a.threshold })}
              </Descriptions.Item>
              <Descriptions.Item label={t('accessAlert.field.reads')}>{a.reads}</Descriptions.Item>
              <Descriptions.Item label={t('accessAlert.field.window')}>
                {formatDateTime(a.window_start)} – {formatDateTime(a.window_end)}
              </Descriptions.Item>
              <Descriptions.Item label={t('accessAlert.field.created_at')}>
                {formatDateTime(a.created_at)}
              </Descriptions.Item>
              {a.status === 'acknowledged' && (
                <>
                  <Descriptions.Item label={t('accessAlert.field.acknowledged_by')}>
                    {a.acknowledged_by_name ?? `#${a.acknowledged_by}`} ·{' '}
                    {formatDateTime(a.acknowledged_at)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('accessAlert.field.comment')}>
                    <Typography.Paragraph
                      style={{ margin: 0, whiteSpace: 'pre-wrap' }}
                      data-testid="alert-comment"
                    >
                      {a.comment}
                    </Typography.Paragraph>
                  </Descriptions.Item>
                </>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('accessAlert.topCustomers')}>
            <Table<Customer>
              rowKey="customer_id"
              size="small"
              dataSource={a.top_customers}
              pagination={false}
              data-testid="alert-customers"
              locale={{ emptyText: <Empty description={t('accessAlert.noCustomers')} /> }}
              columns={[
                {
                  key: 'customer',
                  title: t('accessAlert.field.customer'),
                  render: (_, c) => (
                    <Link to={`/customers/${c.customer_id}`}>{c.customer_name}</Link>
                  ),
                },
                {
                  key: 'reads',
                  title: t('accessAlert.field.reads'),
                  align: 'right',
                  dataIndex: 'reads',
                },
              ]}
            />
          </Card>
        </Col>
        {a.status === 'open' && (
          <Col xs={24} xl={12}>
            <AcknowledgeCard alert={a} />
          </Col>
        )}
      </Row>
    </PageContainer>
  );
}
