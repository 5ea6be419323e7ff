import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { OrgUnitSelect } from '../orgUnits/OrgUnitSelect';
import { UserSelect } from '../users/UserSelect';
import type { FieldSpec } from './fields';

type Props = {
  field: FieldSpec;
  id?: string;
  value?: string | number | null;
  onChange?: (value: string | number | null) => void;
  disabled?: boolean;
  ownerLabel?: string | null;
};

/** A date as "YYYY-MM-DD" text in the form; the picker also takes typed dates. */
export function DateInput({ id, value, onChange, disabled }: Omit<Props, 'field'>) {
  const parsed = typeof value === 'string' && value !== '' ? dayjs(value, 'YYYY-MM-DD') : null;
  return (
    <DatePicker
      id={id}
      value={parsed?.isValid() ? parsed : null}
      format="YYYY-MM-DD"
      disabled={disabled}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format('YYYY-MM-DD') : '')}
      style={{ width: '100%' }}
    />
  );
}

/** The form control for one dossier field, by its kind. */
export function FieldInput({ field, ownerLabel, ...control }: Props) {
  const { t } = useTranslation();
  const { id, value, onChange, disabled } = control;
  const text = typeof value === 'string' ? value : '';
  switch (field.kind) {
    case 'textarea':
      return (
        <Input.TextArea
          id={id}
          value={text}
          disabled={disabled}
          onChange={(e) => onChange?.(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 6 }}
          showCount={field.maxChars !== undefined}
          maxLength={field.maxChars}
        />
      );
    case 'enum':
      return (
        <Select<string>
          id={id}
          value={typeof value === 'string' ? value : undefined}
          disabled={disabled}
          allowClear={field.nullable}
          onChange={(v) => onChange?.(v ?? null)}
          options={(field.options ?? []).map((o) => ({
            value: o,
            label: t(`customer.${field.name}.${o}`, { defaultValue: o }),
          }))}
        />
      );
    case 'date':
      return <DateInput {...control} />;
    case 'integer':
      return (
        <InputNumber<number>
          id={id}
          value={typeof value === 'number' ? value : null}
          disabled={disabled}
          min={field.min}
          max={field.max}
          precision={0}
          onChange={(v) => onChange?.(v ?? null)}
          style={{ width: '100%' }}
        />
      );
    case 'money':
      return (
        <Input
          id={id}
          value={text}
          disabled={disabled}
          prefix="¥"
          inputMode="decimal"
          onChange={(e) => onChange?.(e.target.value)}
        />
      );
    case 'orgUnit':
      return (
        <OrgUnitSelect
          id={id}
          value={typeof value === 'number' ? value : null}
          onChange={onChange}
          disabled={disabled}
        />
      );
    case 'owner':
      return disabled ? (
        <Input id={id} value={ownerLabel ?? (value ? `#${value}` : '')} disabled />
      ) : (
        <UserSelect
          id={id}
          value={typeof value === 'number' ? value : null}
          valueLabel={ownerLabel}
          onChange={onChange}
        />
      );
    default:
      return (
        <Input
          id={id}
          value={text}
          disabled={disabled}
          onChange={(e) => onChange?.(e.target.value)}
        />
      );
  }
}
