import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client';
import { useTierScheme } from '../modules/tiering/api';
import { SchemeEditor } from '../modules/tiering/SchemeEditor';
import { ErrorState } from '../ui/ErrorState';
import { PageLoading } from '../ui/PageLoading';

/** One tier scheme: its editor (read-only without tiering.manage), preview and versions. */
export default function TierSchemePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const scheme = useTierScheme(valid ? id : null);

  if (!valid || (isApiError(scheme.error) && scheme.error.status === 404)) {
    return <Result status="404" title="404" subTitle={t('tiering.notFound')} />;
  }
  if (scheme.isPending) return <PageLoading />;
  if (!scheme.data)
    return <ErrorState error={scheme.error} onRetry={() => void scheme.refetch()} />;
  const reload = async () => (await scheme.refetch()).data;
  return <SchemeEditor key={scheme.data.id} scheme={scheme.data} onReload={reload} />;
}
