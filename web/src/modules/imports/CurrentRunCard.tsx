import { Alert, Card, Space, Spin } from 'antd';
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

/** The run just started from this page: followed every second until it ends. */
export function CurrentRunCard({ id }: { id: number }) {
  const { t } = useTranslation();
  const run = useImportRun(id);
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
