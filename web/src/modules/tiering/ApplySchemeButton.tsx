import { ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TierScheme, TieringRun } from '../../api/types';
import { errorMessage } from '../../app/errors';
import { useApplyTierScheme, usePreviewStoredScheme } from './api';

type Props = {
  scheme: TierScheme;
  asOf: string | null;
  /** Why it cannot apply now (e.g. unsaved changes); enabled when undefined. */
  disabledReason?: string;
  onApplied: (run: TieringRun) => void;
};

/** Who would move (or moved), in one sentence: the count, then by kind. */
function MoveCounts({ run }: { run: TieringRun }) {
  const { t } = useTranslation();
  if (run.changes === 0) {
    return <>{run.applied ? t('tiering.apply.movedNobody') : t('tiering.apply.nobody')}</>;
  }
  return (
    <>
      {run.applied
        ? t('tiering.apply.moved', { count: run.changes })
        : t('tiering.apply.willMove', { count: run.changes })}
      {t('tiering.apply.byKind', {
        assigned: run.assigned,
        upgrades: run.upgrades,
        downgrades: run.downgrades,
        revoked: run.revoked,
      })}
    </>
  );
}

/**
 * Applies the stored scheme: first asks the server who would move, states it in a
 * confirmation, then applies and reports the outcome.
 */
export function ApplySchemeButton({ scheme, asOf, disabledReason, onApplied }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const check = usePreviewStoredScheme();
  const apply = useApplyTierScheme();

  const handleClick = async () => {
    let run: TieringRun;
    try {
      run = await check.mutateAsync({ schemeId: scheme.id, asOf });
    } catch (e) {
      void message.error(errorMessage(t, e));
      return;
    }
    modal.confirm({
      title: t('tiering.apply.confirmTitle', {
        name: scheme.name,
        version: scheme.current_version,
      }),
      content: (
        <div data-testid="apply-confirm">
          <Typography.Paragraph>
            <MoveCounts run={run} />
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('tiering.preview.window', {
              asOf: run.as_of,
              month: run.window_end_month,
              customers: run.customers,
            })}
          </Typography.Text>
        </div>
      ),
      okText: t('tiering.apply.ok'),
      cancelText: t('common.cancel'),
      width: 480,
      onOk: async () => {
        try {
          onApplied(await apply.mutateAsync({ schemeId: scheme.id, asOf }));
        } catch (e) {
          void message.error(errorMessage(t, e));
        }
      },
    });
  };

  const button = (
    <Button
      icon={<ThunderboltOutlined />}
      disabled={disabledReason !== undefined}
      loading={check.isPending || apply.isPending}
      onClick={() => void handleClick()}
      data-testid="apply-scheme"
    >
      {t('tiering.apply.button')}
    </Button>
  );
  return disabledReason ? <Tooltip title={disabledReason}>{button}</Tooltip> : button;
}

/** The outcome of an apply, as the editor shows it. */
export function AppliedSummary({ run }: { run: TieringRun }) {
  const { t } = useTranslation();
  return (
    <span data-testid="apply-result">
      {t('tiering.apply.done', { version: run.scheme_version, asOf: run.as_of })}
      <MoveCounts run={run} />
    </span>
  );
}
