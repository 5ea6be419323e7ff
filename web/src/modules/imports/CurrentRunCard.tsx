import { CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportRun } from '../../api/types';
import { ErrorState } from '../../ui/ErrorState';
import { useImportRun } from './api';
import { isActive } from './formats';
import { ImportRunProgress } from './ImportRunProgress';
import { ImportStatusTag } from './tags';

/** How a run ended, in a sentence; nothing while it has not. */
export function RunEnded({ run }: { run: ImportRun }) {
  const { t } = useTranslation();
  if (isActive(run.status)) return null;
  const type =
    run.status === 'succeeded'
      ? run.rejected > 0
        ? 'warning'
        : 'success'
      : run.status === 'cancelled'
        ? 'info'
        : 'error';
  return (
    <Alert
      type={type}
      showIcon
      data-testid="import-ended"
      message={t(`imports.ended.${run.status}`, {
        imported: run.imported,
        rejected: run.rejected,
      })}
      description={run.error ?? undefined}
    />
  );
}

/**
 * The run just started from this page: followed every second until it ends. Once it has
 * ended (or cannot be read) the user may dismiss it (`onDismiss`); not while it runs.
 */
export function CurrentRunCard({ id, onDismiss }: { id: number; onDismiss: () => void }) {
  const { t } = useTranslation();
  const run = useImportRun(id);
  const over = run.data ? !isActive(run.data.status) : run.isError;
  return (
    <Card
      title={t('imports.current')}
      data-testid="import-current"
      extra={
        <Space>
          {run.data && <ImportStatusTag status={run.data.status} />}
          <Link to={`/imports/${id}`} data-testid="import-current-details">
            {t('imports.details')}
          </Link>
          {over && (
            <Button
              type="text"
              size="small"
              icon={<CloseOutlined />}
              aria-label={t('imports.dismiss')}
              title={t('imports.dismiss')}
              onClick={onDismiss}
              data-testid="import-current-dismiss"
            />
          )}
        </Space>
      }
    >
      {run.data ? (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <RunEnded run={run.data} />
          <ImportRunProgress run={run.data} />
        </Space>
      ) : run.isPending ? (
        <Spin />
      ) : (
        <ErrorState error={run.error} onRetry={() => void run.refetch()} />
      )}
    </Card>
  );
}
