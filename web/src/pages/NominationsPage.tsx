import { PageContainer } from '@ant-design/pro-components';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { statusParam, useNominationPages } from '../modules/nominations/api';
import { NominationTable } from '../modules/nominations/NominationTable';
import { StatusFilter } from '../modules/nominations/StatusFilter';

/** Every request about customers in my scope, by status. */
export default function NominationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = statusParam(params.get('status'));
  const pages = useNominationPages({ box: 'all', status });

  return (
    <PageContainer title={t('menu.nominations')}>
      <Card>
        <div className="kams-toolbar" style={{ marginBottom: 16 }}>
          <StatusFilter
            value={status}
            onChange={(s) => setParams(s ? { status: s } : {}, { replace: true })}
          />
        </div>
        <NominationTable
          pages={pages}
          columns={['customer', 'proposal', 'reason', 'status', 'waiting', 'updated']}
          empty={status ? t('nomination.noneWithStatus') : t('nomination.allEmpty')}
          data-testid="all-nominations"
        />
      </Card>
    </PageContainer>
  );
}
