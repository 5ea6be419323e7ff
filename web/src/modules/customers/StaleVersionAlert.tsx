import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldSpec } from './fields';

type Props = { changed: readonly FieldSpec[]; onReload: () => void };

/** 412: someone saved this dossier since the form opened; says what they changed. */
export function StaleVersionAlert({ changed, onReload }: Props) {
  const { t } = useTranslation();
  const names = changed.map((f) => t(`customer.field.${f.name}`)).join(t('common.listSeparator'));
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="stale-version"
      message={t('dossier.stale.title')}
      description={
        changed.length > 0
          ? t('dossier.stale.changed', { fields: names })
          : t('dossier.stale.otherSections')
      }
      action={
        <Button size="small" type="primary" onClick={onReload}>
          {t('dossier.stale.reload')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
