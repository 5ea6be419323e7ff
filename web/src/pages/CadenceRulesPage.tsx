import { PageContainer } from '@ant-design/pro-components';
import { useTranslation } from 'react-i18next';
import { useCadenceRules } from '../modules/cadence/api';
import { CadenceRulesEditor } from '../modules/cadence/CadenceRulesEditor';
import { ErrorState } from '../ui/ErrorState';
import { PageLoading } from '../ui/PageLoading';

/** The contact cadence per tier (跟进频率), for administrators and KAM specialists. */
export default function CadenceRulesPage() {
  const { t } = useTranslation();
  const rules = useCadenceRules();
  let content;
  if (rules.isError && !rules.data) {
    content = <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;
  } else if (!rules.data) {
    content = <PageLoading />;
  } else {
    content = (
      <CadenceRulesEditor
        initial={rules.data}
        onReload={async () => (await rules.refetch()).data}
      />
    );
  }
  return <PageContainer title={t('menu.cadenceRules')}>{content}</PageContainer>;
}
