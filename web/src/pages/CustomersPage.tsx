import { PageContainer } from '@ant-design/pro-components';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentSession } from '../app/sessionContext';
import { useCustomerPage } from '../modules/customers/api';
import { CustomerFilters } from '../modules/customers/CustomerFilters';
import { CustomerTable } from '../modules/customers/CustomerTable';
import { ExportCustomersButton } from '../modules/customers/ExportCustomersButton';
import {
  PAGE_SIZES,
  customerQueryParams,
  parseCustomerQuery,
  type CustomerQuery,
} from '../modules/customers/listQuery';
import { useOrgUnits } from '../modules/orgUnits/api';
import { orgUnitNames, unitsToOffer } from '../modules/orgUnits/tree';
import { PagedList } from '../ui/PagedTable';
import { useCursorPages } from '../ui/useCursorPages';

export default function CustomersPage() {
  const { t } = useTranslation();
  const { access, user } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const query = parseCustomerQuery(params);
  const pages = useCursorPages(params.toString());
  const result = useCustomerPage(query, pages.cursor);
  const orgUnits = useOrgUnits();
  const names = orgUnitNames(orgUnits.data);

  const update = (patch: Partial<CustomerQuery>) =>
    setParams(customerQueryParams({ ...query, ...patch }), { replace: true });
  const filtered = params.toString() !== '' && params.toString() !== `limit=${query.limit}`;

  const filters = (
    <CustomerFilters
      query={query}
      onChange={update}
      onReset={() => setParams(new URLSearchParams(), { replace: true })}
      canPickOwner={access.can('user.read')}
      orgUnits={orgUnits.data && unitsToOffer(orgUnits.data, user)}
    />
  );

  return (
    <PageContainer title={t('menu.customers')}>
      <PagedList
        query={result}
        pages={pages}
        pageSize={query.limit}
        pageSizes={PAGE_SIZES}
        onPageSizeChange={(limit) => update({ limit })}
      >
        {(customers, pager) => (
          <div data-testid="customer-list">
            <CustomerTable
              customers={customers}
              loading={result.isFetching}
              sort={query.sort}
              onSortChange={(sort) => update({ sort })}
              onReload={() => void result.refetch()}
              orgUnitName={(id) => names.get(id)}
              toolbar={filters}
              actions={access.can('data.export') && <ExportCustomersButton query={query} />}
              empty={
                <Empty description={filtered ? t('customers.noMatch') : t('customers.none')} />
              }
              footer={pager}
            />
          </div>
        )}
      </PagedList>
    </PageContainer>
  );
}
