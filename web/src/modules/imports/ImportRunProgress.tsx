import { StopOutlined } from '@ant-design/icons';
import { App, Button, Col, Popconfirm, Progress, Row, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { ImportRun } from '../../api/types';
import { errorMessage } from '../../app/errors';
import { formatBytes } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { useCancelImport } from './api';
import { formatDuration } from './duration';
import { elapsedSeconds, isActive, progressPercent } from './formats';

/**
 * A run's progress: the bar (bytes read of the file), its counters and elapsed time, and
 * while it has not ended a Cancel button that asks first.
 */
export function ImportRunProgress({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const cancel = useCancelImport(run.id);
  const active = isActive(run.status);
  const now = useNow(run.status === 'running');
  const percent = progressPercent(run);

  const handleCancel = async () => {
    try {
      await cancel.mutateAsync();
      void message.success(t('imports.cancelled'));
    } catch (e) {
      // It ended meanwhile: the run, read again, says how.
      if (isApiError(e) && e.status === 409) void message.warning(t('imports.alreadyEnded'));
      else void message.error(errorMessage(t, e));
    }
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="import-progress">
      <div>
        <Progress
          percent={percent}
          status={
            run.status === 'running'
              ? 'active'
              : run.status === 'failed' || run.status === 'interrupted'
                ? 'exception'
                : run.status === 'succeeded'
                  ? 'success'
                  : 'normal'
          }
          aria-label={t('imports.progress')}
          data-testid="import-progress-bar"
        />
        <Typography.Text type="secondary" data-testid="import-bytes">
          {formatBytes(run.bytes_done)} / {formatBytes(run.bytes_total)}
        </Typography.Text>
      </div>
      <Row gutter={[16, 8]}>
        <Col xs={12} sm={6}>
          <Statistic title={t('imports.field.rows')} value={run.rows} data-testid="import-rows" />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            title={t('imports.field.imported')}
            value={run.imported}
            data-testid="import-imported"
          />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            title={t('imports.field.rejected')}
            value={run.rejected}
            valueStyle={run.rejected > 0 ? { color: '#cf1322' } : undefined}
            data-testid="import-rejected"
          />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            title={t('imports.elapsed')}
            value={run.status === 'queued' ? '—' : formatDuration(t, elapsedSeconds(run, now))}
            data-testid="import-elapsed"
          />
        </Col>
      </Row>
      {run.status === 'queued' && !run.cancel_requested && (
        <Typography.Text type="secondary">{t('imports.waiting')}</Typography.Text>
      )}
      {active && run.cancel_requested && (
        <Typography.Text type="warning" data-testid="import-stopping">
          {t('imports.stopping')}
        </Typography.Text>
      )}
      {active && (
        <Popconfirm
          title={t('imports.cancelConfirm')}
          description={t('imports.cancelDetail')}
          okText={t('imports.cancel')}
          okButtonProps={{ danger: true, 'data-testid': 'import-cancel-confirm' }}
          cancelText={t('imports.cancelKeep')}
          onConfirm={() => handleCancel()}
        >
          <Button
            danger
            icon={<StopOutlined />}
            disabled={run.cancel_requested}
            loading={cancel.isPending}
            data-testid="import-cancel"
          >
            {t('imports.cancel')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
