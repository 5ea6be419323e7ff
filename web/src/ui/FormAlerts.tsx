import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** 412: someone saved this since the form opened; offers to reload (when `onReload`). */
export function StaleAlert({
  title,
  description,
  onReload,
}: {
  title: ReactNode;
  description: ReactNode;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="stale-version"
      message={title}
      description={description}
      action={
        onReload && (
          <Button size="small" type="primary" onClick={onReload}>
            {t('common.reload')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}

/** Why a save failed, above the form (nothing when there is no problem). */
export function ProblemAlert({
  testId,
  title,
  problem,
}: {
  testId: string;
  title: ReactNode;
  problem: ReactNode;
}) {
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      message={title}
      description={problem}
      style={{ marginBottom: 16 }}
    />
  );
}
