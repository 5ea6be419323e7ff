import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Result,
  Row,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client';
import type { ImportReject, ImportRun } from '../api/types';
import { useImportRun } from '../modules/imports/api';
import { RunEnded } from '../modules/imports/CurrentRunCard';
import { formatDuration } from '../modules/imports/duration';
import { isActive, rejectsCsv } from '../modules/imports/formats';
import { ImportRunProgress } from '../modules/imports/ImportRunProgress';
import { rejectReason } from '../modules/imports/reasons';
import { ImportStatusTag } from '../modules/imports/tags';
import { downloadCsv } from '../ui/download';
import { ErrorState } from '../ui/ErrorState';
import { formatBytes, formatDateTime } from '../ui/format';
import { PageLoading } from '../ui/PageLoading';

/** The rejected rows the run kept (the first 1,000), with a CSV of them made in the browser. */
function RejectsCard({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const rejects = run.rejects ?? [];
  const partial = run.rejected > rejects.length;
  return (
    <Card
      title={t('imports.rejects.title')}
      data-testid="import-rejects-card"
      extra={
        <Button
          icon={<DownloadOutlined />}
          disabled={rejects.length === 0}
          onClick={() =>
            downloadCsv(
              `kams-import-${run.id}-rejected.csv`,
              rejectsCsv(rejects, (reason) => rejectReason(t, reason)),
            )
          }
          data-testid="import-rejects-download"
        >
          {t('imports.rejects.download')}
        </Button>
      }
    >
      {partial && (
        <Alert
          type="info"
          showIcon
          data-testid="import-rejects-partial"
          message={t('imports.rejects.firstOnly', {
            rejected: run.rejected,
            kept: rejects.length,
          })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<ImportReject>
        rowKey={(r) => `${r.line}:${r.column}:${r.reason}`}
        size="small"
        dataSource={rejects}
        pagination={rejects.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        data-testid="import-rejects"
        locale={{ emptyText: <Empty description={t('imports.rejects.none')} /> }}
        columns={[
          {
            key: 'line',
            title: t('imports.field.line'),
            dataIndex: 'line',
            align: 'right',
            width: 80,
          },
          {
            key: 'column',
            title: t('imports.field.column'),
            width: 160,
            render: (_, r) =>
              r.column ? (
                <Typography.Text code>{r.column}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('imports.rejects.wholeRow')}</Typography.Text>
              ),
          },
          {
            key: 'reason',
            title: t('imports.field.reason'),
            render: (_, r) => rejectReason(t, r.reason),
          },
        ]}
      />
    </Card>
  );
}

/** One import run: its file, who started it, its progress or outcome and its rejected rows. */
export default function ImportRunPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const query = useImportRun(valid ? id : null);

  if (!valid || (isApiError(query.error) && query.error.status === 404)) {
    return <Result status="404" title="404" subTitle={t('imports.notFound')} />;
  }
  if (query.isPending) return <PageLoading />;
  if (!query.data) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const run = query.data;
  return (
    <PageContainer
      title={<span data-testid="import-title">{t('imports.titleOf', { id: run.id })}</span>}
      tags={<ImportStatusTag status={run.status} />}
      onBack={() => window.history.back()}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('imports.counters')}>
            <div style={{ marginBottom: 16 }}>
              <RunEnded run={run} />
            </div>
            <ImportRunProgress run={run} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('imports.details')}>
            <Descriptions column={1} size="small" bordered data-testid="import-detail">
              <Descriptions.Item label={t('imports.field.kind')}>
                {t(`imports.kind.${run.kind}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('imports.field.file')}>
                <span style={{ wordBreak: 'break-all' }}>
                  {run.file_name || t('imports.noFileName')}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('imports.field.size')}>
                {formatBytes(run.bytes_total)}
              </Descriptions.Item>
              <Descriptions.Item label={t('imports.field.by')}>
                {run.created_by === null ? t('imports.commandLine') : run.created_by_name}
              </Descriptions.Item>
              <Descriptions.Item label={t('imports.field.created_at')}>
                {formatDateTime(run.created_at)}
              </Descriptions.Item>
              <Descriptions.Item label={t('imports.field.started_at')}>
                {formatDateTime(run.started_at) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('imports.field.finished_at')}>
                {formatDateTime(run.finished_at) || '—'}
              </Descriptions.Item>
              {!isActive(run.status) && (
                <Descriptions.Item label={t('imports.field.duration')}>
                  {formatDuration(t, run.seconds)}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
        <Col span={24}>
          <RejectsCard run={run} />
        </Col>
      </Row>
    </PageContainer>
  );
}
