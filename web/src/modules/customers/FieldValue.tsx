import { useTranslation } from 'react-i18next';
import type { Customer } from '../../api/types';
import type { FieldSpec } from './fields';
import { formatFen } from './money';

/** One dossier field as text for reading; "—" when not set. */
export function FieldValue({
  customer,
  field,
  orgUnitName,
}: {
  customer: Customer;
  field: FieldSpec;
  orgUnitName?: string;
}) {
  const { t } = useTranslation();
  const value = customer[field.name];
  if (value === null || value === '' || value === undefined) return <>—</>;
  switch (field.kind) {
    case 'money':
      return <>{formatFen(Number(value))}</>;
    case 'enum':
      return <>{t(`customer.${field.name}.${String(value)}`, { defaultValue: String(value) })}</>;
    case 'orgUnit':
      return <>{customer.org_unit_name ?? orgUnitName ?? `#${String(value)}`}</>;
    case 'owner':
      return <>{customer.owner_name ?? `#${String(value)}`}</>;
    case 'integer':
      return field.name === 'payment_terms_days' ? (
        <>{t('customer.days', { count: Number(value) })}</>
      ) : (
        <>{Number(value).toLocaleString()}</>
      );
    default:
      return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
  }
}
