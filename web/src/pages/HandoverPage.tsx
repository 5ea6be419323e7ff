import { PageContainer } from '@ant-design/pro-components';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/client';
import { useHandover } from '../modules/handovers/api';
import { HandoverDetail } from '../modules/handovers/views';
import { ErrorState } from '../ui/ErrorState';
import { formatDateTime } from '../ui/format';
import { PageLoading } from '../ui/PageLoading';

/** One handover as recorded, with every moved thing. */
export default function HandoverPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const handover = useHandover(valid ? id : null);

  if (!valid || (isApiError(handover.error) && handover.error.status === 404)) {
    return <Result status="404" title="404" subTitle={t('handover.notFound')} />;
  }
  if (handover.isPending) return <PageLoading />;
  if (!handover.data) {
    return <ErrorState error={handover.error} onRetry={() => void handover.refetch()} />;
  }
  const h = handover.data;
  return (
    <PageContainer
      title={
        <span data-testid="handover-title">
          {t('handover.titleOf', { name: h.from_user_name })}
        </span>
      }
      subTitle={formatDateTime(h.at)}
      onBack={() => window.history.back()}
    >
      <HandoverDetail handover={h} />
    </PageContainer>
  );
}
