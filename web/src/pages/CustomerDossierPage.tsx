import { PageContainer } from '@ant-design/pro-components';
import { Result, Space, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useCustomer } from '../modules/customers/api';
import { DossierOverview } from '../modules/customers/DossierOverview';
import { DossierSection } from '../modules/customers/DossierSection';
import { SECTIONS } from '../modules/customers/fields';
import { StageTag } from '../modules/customers/StageTag';
import { ContactsTab } from '../modules/contacts/ContactsTab';
import { ContractsTab } from '../modules/contracts/ContractsTab';
import { InteractionsTab } from '../modules/interactions/InteractionsTab';
import { AccountTeamTab } from '../modules/accountTeam/AccountTeamTab';
import { HistoryTab } from '../modules/history/HistoryTab';
import { CustomerNominations } from '../modules/nominations/CustomerNominations';
import { NominateAction } from '../modules/nominations/NominateAction';
import { CustomerTiersTab } from '../modules/tiering/CustomerTiersTab';
import { CustomerVisitPlans } from '../modules/visitPlans/CustomerVisitPlans';
import { useOrgUnits } from '../modules/orgUnits/api';
import { orgUnitNames } from '../modules/orgUnits/tree';
import { isApiError } from '../api/client';
import { ErrorState } from '../ui/ErrorState';
import { PageLoading } from '../ui/PageLoading';

const TABS = [
  'overview',
  ...SECTIONS,
  'contacts',
  'contracts',
  'interactions',
  'visits',
  'team',
  'tiers',
  'nominations',
  'history',
] as const;
const OWN_TABS: readonly Tab[] = [
  'overview',
  'contacts',
  'contracts',
  'interactions',
  'visits',
  'team',
  'tiers',
  'nominations',
  'history',
];
type Tab = (typeof TABS)[number];

export default function CustomerDossierPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const customer = useCustomer(id);
  const orgUnits = useOrgUnits();
  const tab: Tab = TABS.find((k) => k === params.get('tab')) ?? 'overview';

  if (
    !Number.isInteger(id) ||
    id <= 0 ||
    (isApiError(customer.error) && customer.error.status === 404)
  ) {
    return <Result status="404" title="404" subTitle={t('dossier.notFound')} />;
  }
  if (customer.isPending) return <PageLoading />;
  if (!customer.data)
    return <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />;

  const c = customer.data;
  const orgUnitName = orgUnitNames(orgUnits.data).get(c.org_unit_id);
  const reload = async () => (await customer.refetch()).data;

  const content = (key: Tab) => {
    switch (key) {
      case 'overview':
        return <DossierOverview customer={c} orgUnitName={orgUnitName} />;
      case 'contacts':
        return <ContactsTab customerId={c.id} />;
      case 'contracts':
        return <ContractsTab customerId={c.id} />;
      case 'interactions':
        return <InteractionsTab customer={c} />;
      case 'visits':
        return <CustomerVisitPlans customer={c} />;
      case 'team':
        return <AccountTeamTab customer={c} />;
      case 'tiers':
        return <CustomerTiersTab customerId={c.id} customerName={c.name} />;
      case 'nominations':
        return <CustomerNominations customerId={c.id} />;
      case 'history':
        return <HistoryTab customerId={c.id} />;
      default:
        return (
          <DossierSection customer={c} section={key} orgUnitName={orgUnitName} onReload={reload} />
        );
    }
  };

  return (
    <PageContainer
      title={<span data-testid="dossier-title">{c.name}</span>}
      tags={
        <Space size={4}>
          <StageTag stage={c.stage} />
          {c.is_key_account && <Tag color="gold">{t('customer.keyAccount')}</Tag>}
          {c.tier && (
            <Tag color="purple">{t(`customer.tier.${c.tier}`, { defaultValue: c.tier })}</Tag>
          )}
        </Space>
      }
      onBack={() => window.history.back()}
      extra={<NominateAction customer={c} />}
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })}
        items={TABS.map((key) => ({
          key,
          label: OWN_TABS.includes(key) ? t(`dossier.tab.${key}`) : t(`dossier.section.${key}`),
          children: content(key),
        }))}
        destroyOnHidden
      />
    </PageContainer>
  );
}
