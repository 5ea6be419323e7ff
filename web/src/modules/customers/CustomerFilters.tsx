import { SearchOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DebouncedInput } from '../../ui/DebouncedInput';
import type { OrgUnit } from '../../api/types';
import { OrgUnitSelect } from '../orgUnits/OrgUnitSelect';
import { UserSelect } from '../users/UserSelect';
import { STAGES, TIERS } from './fields';
import type { CustomerQuery } from './listQuery';

type Props = {
  query: CustomerQuery;
  onChange: (patch: Partial<CustomerQuery>) => void;
  onReset: () => void;
  /** Offer the owner filter (listing users needs `user.read`). */
  canPickOwner: boolean;
  /** The org units the user may narrow the list to; none (or unread) hides the filter. */
  orgUnits?: readonly OrgUnit[];
};

const KEY_ACCOUNT_VALUES = { yes: true, no: false } as const;

/** Search and filters of the customer list; each change goes to the URL at once. */
export function CustomerFilters({ query, onChange, onReset, canPickOwner, orgUnits }: Props) {
  const { t } = useTranslation();
  const keyAccount =
    query.is_key_account === undefined ? undefined : query.is_key_account ? 'yes' : 'no';

  return (
    <div className="kams-toolbar" role="search">
      <DebouncedInput
        data-testid="customer-search"
        aria-label={t('customers.search')}
        placeholder={t('customers.search')}
        prefix={<SearchOutlined />}
        value={query.q ?? ''}
        onChange={(q) => onChange({ q: q || undefined })}
        style={{ width: 220 }}
      />
      <Select
        aria-label={t('customer.field.stage')}
        placeholder={t('customer.field.stage')}
        allowClear
        value={query.stage}
        onChange={(stage) => onChange({ stage })}
        options={STAGES.map((s) => ({ value: s, label: t(`customer.stage.${s}`) }))}
        style={{ width: 110 }}
      />
      <Select<'yes' | 'no'>
        aria-label={t('customer.field.is_key_account')}
        placeholder={t('customer.field.is_key_account')}
        allowClear
        value={keyAccount}
        onChange={(v) => onChange({ is_key_account: v ? KEY_ACCOUNT_VALUES[v] : undefined })}
        options={[
          { value: 'yes', label: t('customers.keyAccountYes') },
          { value: 'no', label: t('customers.keyAccountNo') },
        ]}
        style={{ width: 140 }}
      />
      <Select
        aria-label={t('customer.field.tier')}
        placeholder={t('customer.field.tier')}
        allowClear
        value={query.tier}
        onChange={(tier) => onChange({ tier })}
        options={TIERS.map((tier) => ({ value: tier, label: t(`customer.tier.${tier}`) }))}
        style={{ width: 110 }}
      />
      {canPickOwner && (
        <div style={{ width: 180 }}>
          <UserSelect
            placeholder={t('customer.field.owner_id')}
            value={query.owner_id ?? null}
            onChange={(owner) => onChange({ owner_id: owner ?? undefined })}
          />
        </div>
      )}
      {orgUnits && orgUnits.length > 0 && (
        <div style={{ width: 180 }}>
          <OrgUnitSelect
            units={orgUnits}
            value={query.org_unit_id ?? null}
            onChange={(unit) => onChange({ org_unit_id: unit ?? undefined })}
            allowClear
            placeholder={t('customer.field.org_unit_id')}
            aria-label={t('customer.field.org_unit_id')}
            data-testid="customer-org-unit-filter"
          />
        </div>
      )}
      <DebouncedInput
        aria-label={t('customer.field.region')}
        placeholder={t('customer.field.region')}
        value={query.region ?? ''}
        onChange={(region) => onChange({ region: region || undefined })}
        style={{ width: 110 }}
      />
      <DebouncedInput
        aria-label={t('customer.field.industry')}
        placeholder={t('customer.field.industry')}
        value={query.industry ?? ''}
        onChange={(industry) => onChange({ industry: industry || undefined })}
        style={{ width: 110 }}
      />
      <Button onClick={onReset}>{t('common.reset')}</Button>
    </div>
  );
}
