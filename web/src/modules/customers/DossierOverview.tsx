import { Card, Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { CustomerCadenceCard } from '../cadence/CustomerCadenceCard';
import { SECTION_FIELDS, type EditableField, type FieldSpec } from './fields';
import { FieldValue } from './FieldValue';
import { RelationshipLadder } from './RelationshipLadder';

const SUMMARY: readonly EditableField[] = [
  'owner_id',
  'org_unit_id',
  'industry',
  'region',
  'phone',
  'credit_code',
  'scale',
  'annual_revenue_fen',
  'potential',
  'credit_rating',
];

const SPECS: FieldSpec[] = Object.values(SECTION_FIELDS)
  .flat()
  .filter((f) => SUMMARY.includes(f.name));

/**
 * The dossier at a glance: key-account status, who owns it, the figures that matter, its
 * contact cadence, and where the relationship stands (relationship stage and loyalty as
 * ladders).
 */
export function DossierOverview({
  customer,
  orgUnitName,
}: {
  customer: Customer;
  orgUnitName?: string;
}) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('customer.field.is_key_account')}>
            {customer.is_key_account ? (
              <Tag color="gold">{t('customer.keyAccount')}</Tag>
            ) : (
              t('customers.keyAccountNo')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.field.tier')}>
            {customer.tier
              ? t(`customer.tier.${customer.tier}`, { defaultValue: customer.tier })
              : '—'}
          </Descriptions.Item>
          {SPECS.map((f) => (
            <Descriptions.Item key={f.name} label={t(`customer.field.${f.name}`)}>
              <FieldValue customer={customer} field={f} orgUnitName={orgUnitName} />
            </Descriptions.Item>
          ))}
          <Descriptions.Item label={t('customer.field.created_at')}>
            {formatDateTime(customer.created_at)}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.field.updated_at')}>
            {formatDateTime(customer.updated_at)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <CustomerCadenceCard customer={customer} />
      <RelationshipLadder customer={customer} />
    </Space>
  );
}
